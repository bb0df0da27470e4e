import { useEffect, useRef, useState } from 'react';
import { readImportJob, type ImportJob, type NewImport } from '../../storage/csv/importJob';
import { runImport } from '../../storage/csv/runImport';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';

export type Running = { job?: ImportJob; fraction: number; controller: AbortController };

/** Runs an import from a page: progress while it runs, then its final record (or its errors). */
export function useImportRun() {
  const db = useDb();
  const [running, setRunning] = useState<Running>();
  const [result, setResult] = useState<ImportJob>();
  const [errors, setErrors] = useState<string[]>();
  const controllerRef = useRef<AbortController>(undefined);
  // Leaving the page stops the import after its current batch; it can be resumed from this page.
  useEffect(() => () => controllerRef.current?.abort(), []);

  async function run(source: File, how: { start: NewImport } | { resumeId: string }) {
    const controller = new AbortController();
    controllerRef.current = controller;
    let last: ImportJob | undefined;
    setErrors(undefined);
    setRunning({ fraction: 0, controller });
    try {
      setResult(
        await runImport(db, {
          source,
          signal: controller.signal,
          onProgress: (p) => {
            last = p.job;
            setRunning({ ...p, controller });
          },
          ...how,
        }),
      );
    } catch (e) {
      setErrors(describeError(e));
      // The import stopped: show what it did, which is kept and can be resumed.
      if (last) setResult(await readImportJob(db, last.id));
    } finally {
      setRunning(undefined);
    }
  }

  function clear() {
    setResult(undefined);
    setErrors(undefined);
  }

  return { running, result, errors, setErrors, run, clear };
}
