import { onActivityLogged, onRecordsWritten } from '../write/hooks';
import { runAutomations, runAutomationsForEach } from './run';

let installed = false;

/** Automations react to every record write and logged activity (storage/write/hooks.ts), once per process. */
export function installAutomations(): void {
  if (installed) return;
  installed = true;
  onRecordsWritten((w, schema, writes) =>
    runAutomationsForEach(
      w,
      writes.map(({ record, before }) => ({ kind: 'recordWritten', record, before: before?.values, schema })),
    ),
  );
  onActivityLogged((w, event) => runAutomations(w, event));
}
