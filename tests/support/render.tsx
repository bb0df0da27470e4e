import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { DbProvider } from '../../components/shell/DbProvider';
import type { ThreadlineDB } from '../../storage/db/db';
import { db as testDb } from './db';

/** Testing Library's render with the test database bound, as the entrypoints bind the real one. */
export function renderWithDb(ui: ReactElement, options: RenderOptions & { db?: ThreadlineDB } = {}) {
  const { db = testDb, ...rest } = options;
  const Wrapper = ({ children }: { children: ReactNode }) => <DbProvider db={db}>{children}</DbProvider>;
  return render(ui, { wrapper: Wrapper, ...rest });
}
