import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import { loadFolderSchema } from '../folders/schema';
import { conditionsHold } from './conditions';
import type { CustomRule } from './customTriggers';

/** What a rule would act on today: how many records, and the first few by title. */
export type DryRun = { count: number; sample: { id: string; title: string }[]; scanned: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Records of the rule's folder already in the state its trigger leads to (in the stage it
 * enters, with the value a field changes to; for other triggers every record) and meeting its
 * conditions: what the rule would have acted on had it been on. Reads the folder page by page;
 * it runs when the rep asks, never on a write.
 */
export async function dryRunRule(db: ThreadlineDB, rule: CustomRule, now = Date.now(), sampleSize = 20): Promise<DryRun> {
  const { trigger } = rule;
  const schema = await loadFolderSchema(db, trigger.folderId);
  const stageField = schema.fields.find((f) => f.type === 'stage');
  const inState = (record: CrmRecord): boolean => {
    switch (trigger.on) {
      case 'stageEntered': {
        const v = stageField ? (record.values[stageField.id] as { pipelineId?: string; stageId?: string } | undefined) : undefined;
        return v?.pipelineId === trigger.pipelineId && v.stageId === trigger.stageId;
      }
      case 'fieldChanged':
        return trigger.to === undefined || same(record.values[trigger.fieldId], trigger.to);
      default:
        return true;
    }
  };
  const out: DryRun = { count: 0, sample: [], scanned: 0 };
  // Keys first, then records a page at a time: the folder is never held whole.
  const ids = await db.records.where('folderId').equals(trigger.folderId).primaryKeys();
  for (let i = 0; i < ids.length; i += 500) {
    for (const record of await db.records.bulkGet(ids.slice(i, i + 500))) {
      if (!record) continue;
      out.scanned += 1;
      if (!inState(record) || !(await conditionsHold(db, rule.conditions, { record, schema }, now))) continue;
      out.count += 1;
      if (out.sample.length < sampleSize) out.sample.push({ id: record.id, title: record.title });
    }
  }
  return out;
}
