// @vitest-environment node
import 'fake-indexeddb/auto';
import { simSuite } from './suite';

simSuite(0, 2);
