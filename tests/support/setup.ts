import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { loadAllLocales } from '../../i18n';

// One budget for every findBy*/waitFor: they return as soon as their condition holds, so this
// only bounds how long a failing one waits. 20 s is the most the component files used to set one
// by one for fake-indexeddb pages on this shared two-core machine. A test passes its own
// { timeout } only when it needs more, with a comment saying why.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());

// Pages load only the language they show (i18n/index.ts); tests switch languages synchronously.
await loadAllLocales();
