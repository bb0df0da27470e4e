import { onRecordsWritten } from '../write/hooks';
import { runAutomationsForEach } from './run';

let installed = false;

/** Automations react to every record write (storage/write/hooks.ts), once per process. */
export function installAutomations(): void {
  if (installed) return;
  installed = true;
  onRecordsWritten((w, schema, writes) =>
    runAutomationsForEach(
      w,
      writes.map(({ record, before }) => ({ kind: 'recordWritten', record, before: before?.values, schema })),
    ),
  );
}
