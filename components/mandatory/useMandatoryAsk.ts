import { useCallback, useState } from 'react';
import { loadFolderSchema } from '../../storage/folders/schema';
import type { Pipeline, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { missingFieldIds } from '../../storage/model/missingFields';
import { useDb } from '../shell/DbProvider';

/** A write refused for empty mandatory fields, waiting for them: `retry` is the same write with the filled values added. */
export type PendingAsk = { fields: Field[]; pipelines: Pipeline[]; retry: (extra: RecordValues) => Promise<unknown> };

/** 'saved', or the ask now pending (its fields name what to fill in). */
export type AttemptOutcome = 'saved' | PendingAsk;

/**
 * Runs a quick action's write; when storage refuses it only for empty mandatory fields, keeps it
 * pending and names exactly those fields (the caller shows MissingFieldsForm). Any other refusal
 * is thrown to the caller, which words it.
 */
export function useMandatoryAsk() {
  const db = useDb();
  const [ask, setAsk] = useState<PendingAsk>();
  const attempt = useCallback(
    async (folderId: string, write: (extra: RecordValues) => Promise<unknown>): Promise<AttemptOutcome> => {
      try {
        await write({});
        setAsk(undefined);
        return 'saved';
      } catch (e) {
        const ids = missingFieldIds(e);
        if (!ids) throw e;
        // Every field type's editor only once a refusal asks for one: the sidebar's first render needs none.
        const [schema, { FIELD_EDITORS }] = await Promise.all([loadFolderSchema(db, folderId), import('../fields/editors')]);
        const fields = ids.map((id) => schema.fields.find((f) => f.id === id)).filter((f): f is Field => !!f && FIELD_EDITORS[f.type] !== null);
        // A field that cannot be filled here (gone since, or computed) leaves the refusal as it was.
        if (fields.length !== ids.length) throw e;
        const pending = { fields, pipelines: schema.pipelines, retry: write };
        setAsk(pending);
        return pending;
      }
    },
    [db],
  );
  const clear = useCallback(() => setAsk(undefined), []);
  return { ask, attempt, clear };
}
