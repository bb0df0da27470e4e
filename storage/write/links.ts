import type { RecordValues } from '../model/entities';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import { threadLinkId } from '../model/ids';
import type { FolderSchema } from '../folders/schema';
import type { Writer } from './mutate';

/**
 * What happens to references when records go: deleted, they vanish from every link field, history
 * entry and thread link; merged (`into` the survivor), they point at the survivor instead. The one
 * place that rewrites references, for delete, merge and erase alike.
 */
export type Replacement = { gone: ReadonlySet<string>; into: string | undefined };

/** `values` with each link to a gone record replaced (or dropped); `changed` names the fields it touched. */
export function relinkedValues(schema: FolderSchema, values: RecordValues, { gone, into }: Replacement): { values: RecordValues; changed: string[] } {
  const out: RecordValues = { ...values };
  const changed: string[] = [];
  for (const field of schema.fields) {
    const ids = out[field.id];
    if (FIELD_REGISTRY[field.type].indexAs !== 'linkedIds' || !Array.isArray(ids) || !ids.some((id) => gone.has(id as string))) continue;
    const next = [...new Set((ids as string[]).flatMap((id) => (gone.has(id) ? (into ? [into] : []) : [id])))];
    if (next.length) out[field.id] = next;
    else delete out[field.id];
    changed.push(field.id);
  }
  return { values: out, changed };
}

/** History and Gmail thread links of the gone records: moved to the survivor, or dropped. */
export async function moveReferencesIn(w: Writer, { gone, into }: Replacement, now: number): Promise<void> {
  const ids = [...gone];
  for (const activity of await w.db.activities.where('recordIds').anyOf(ids).distinct().toArray()) {
    const recordIds = [...new Set(activity.recordIds.flatMap((id) => (gone.has(id) ? (into ? [into] : []) : [id])))];
    if (recordIds.length === 0) await w.remove('activities', activity.id);
    else await w.put('activities', { ...activity, recordIds, updatedAt: now }, ['recordIds']);
  }
  for (const link of await w.db.threadLinks.where('recordId').anyOf(ids).toArray()) {
    await w.remove('threadLinks', link.id);
    if (!into) continue;
    const id = threadLinkId(link.threadId, into);
    if (!(await w.db.threadLinks.get(id))) {
      await w.put('threadLinks', { id, threadId: link.threadId, recordId: into, createdAt: link.createdAt, updatedAt: now }, ['threadId', 'recordId']);
    }
  }
}
