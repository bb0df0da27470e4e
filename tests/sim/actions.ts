import { addCall, addNote, addTask, linkThread, logEmail, setTaskDone, unlinkThread } from '../../storage/activities/activities';
import { runImport } from '../../storage/csv/runImport';
import { autoMap, headerFor, ID_HEADER, importableFields } from '../../storage/csv/mapping';
import { defaultChoices, findDuplicateGroups, mergeRecords } from '../../storage/duplicates/duplicates';
import { bulkDeleteRecords, bulkUpdateRecords } from '../../storage/folders/folders';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadFolderSchema, type FolderSchema } from '../../storage/folders/schema';
import type { ThreadlineDB } from '../../storage/db/db';
import type { CrmRecord } from '../../storage/model/entities';
import { FIELD_REGISTRY, type FieldTypeSpec } from '../../storage/model/fieldRegistry';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { createRecord, deleteRecord, updateRecord } from '../../storage/write/records';
import { countTemplateUse, deleteTemplate, saveTemplate } from '../../storage/templates/templates';
import { addLine, removeLine, updateLine } from '../../storage/lines/write';
import type { Rng } from './rng';
import { EMAIL_POOL, newValues, randomPatch, valueFor, type LinkTargets } from './values';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const FOLDERS = [contacts, companies, deals] as const;
const THREADS = ['t1', 't2', 't3', 't4'];
/** Few message ids: two replicas often log the same Gmail message (one activity id, edited twice). */
const MESSAGES = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

/** What this replica holds, read before an action picks its targets (reads only: writes go through the API). */
type View = { records: CrmRecord[]; byFolder: (folderId: string) => CrmRecord[]; schema: (folderId: string) => FolderSchema };

/** One page action: its name, and `undefined` when nothing on this replica fits it. */
type Action = (db: ThreadlineDB, rng: Rng, view: View) => Promise<string | undefined>;

async function readView(db: ThreadlineDB): Promise<View> {
  const [records, ...schemas] = await Promise.all([db.records.toArray(), ...FOLDERS.map((f) => loadFolderSchema(db, f))]);
  const schemaOf = new Map(schemas.map((s) => [s.folder.id, s]));
  records.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { records, byFolder: (f) => records.filter((r) => r.folderId === f), schema: (f) => schemaOf.get(f)! };
}

const targetsOf = (view: View): LinkTargets => (folderId) => view.byFolder(folderId);

const pickRecord = (rng: Rng, view: View, folderId?: string): CrmRecord | undefined => {
  const pool = folderId ? view.byFolder(folderId) : view.records;
  return pool.length ? rng.pick(pool) : undefined;
};

const create =
  (folderId: string): Action =>
  async (db, rng, view) => {
    const rec = await createRecord(db, folderId, newValues(rng, view.schema(folderId), targetsOf(view)));
    return `createRecord ${folderId} ${rec.id}`;
  };

const update: Action = async (db, rng, view) => {
  const rec = pickRecord(rng, view);
  if (!rec) return undefined;
  await updateRecord(db, rec.id, randomPatch(rng, view.schema(rec.folderId), targetsOf(view)));
  return `updateRecord ${rec.id}`;
};

/** Stages the automations react to come up most. */
const moveStage: Action = async (db, rng, view) => {
  const deal = pickRecord(rng, view, deals);
  if (!deal) return undefined;
  const stageId = rng.pick(['proposal', 'proposal', 'negotiation', 'won', 'won', 'lost', 'new', 'qualified']);
  await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId } });
  return `stage ${deal.id} → ${stageId}`;
};

const LINKS: [folderId: string, fieldId: string, target: string][] = [
  [contacts, 'fc_company', companies],
  [deals, 'fd_mainContact', contacts],
  [deals, 'fd_company', companies],
];

const link: Action = async (db, rng, view) => {
  const [folderId, fieldId, target] = rng.pick(LINKS);
  const from = pickRecord(rng, view, folderId);
  const to = pickRecord(rng, view, target);
  if (!from || !to) return undefined;
  const current = (from.values[fieldId] as string[] | undefined) ?? [];
  await updateRecord(db, from.id, { [fieldId]: rng.chance(0.5) ? [to.id] : [...new Set([...current, to.id])] });
  return `link ${from.id}.${fieldId} → ${to.id}`;
};

const unlink: Action = async (db, rng, view) => {
  const linked = view.records.filter((r) => r.linkedIds.length > 0);
  if (!linked.length) return undefined;
  const from = rng.pick(linked);
  const schema = view.schema(from.folderId);
  const field = rng.pick(schema.fields.filter((f) => f.type === 'link' && Array.isArray(from.values[f.id])));
  const current = from.values[field.id] as string[];
  const victim = rng.pick(current);
  const ids = current.filter((id) => id !== victim);
  await updateRecord(db, from.id, { [field.id]: ids.length ? ids : undefined });
  return `unlink ${from.id}.${field.id}`;
};

const threadLink: Action = async (db, rng, view) => {
  const rec = pickRecord(rng, view);
  if (!rec) return undefined;
  const thread = rng.pick(THREADS);
  await linkThread(db, thread, rec.id);
  return `linkThread ${thread} ${rec.id}`;
};

const threadUnlink: Action = async (db, rng) => {
  const links = await db.threadLinks.toArray();
  if (!links.length) return undefined;
  const l = rng.pick(links.sort((a, b) => (a.id < b.id ? -1 : 1)));
  await unlinkThread(db, l.threadId, l.recordId);
  return `unlinkThread ${l.id}`;
};

const dealForThread: Action = async (db, rng, view) => {
  const contact = pickRecord(rng, view, contacts);
  const company = pickRecord(rng, view, companies);
  const deal = await createDealForThread(db, {
    threadId: rng.pick(THREADS),
    name: `Deal ${rng.int(1, 99)}`,
    contactIds: contact ? [contact.id] : [],
    companyIds: company && rng.chance(0.5) ? [company.id] : [],
  });
  return `createDealForThread ${deal.id}`;
};

const remove: Action = async (db, rng, view) => {
  const rec = pickRecord(rng, view);
  if (!rec) return undefined;
  await deleteRecord(db, rec.id);
  return `deleteRecord ${rec.id}`;
};

/** The table page's bulk edit and bulk delete over a few selected rows. */
const bulk: Action = async (db, rng, view) => {
  const folderId = rng.pick(FOLDERS);
  const pool = view.byFolder(folderId);
  if (pool.length < 2) return undefined;
  const ids = [...new Set([rng.pick(pool).id, rng.pick(pool).id])];
  if (rng.chance(0.3)) {
    await bulkDeleteRecords(db, ids);
    return `bulkDelete ${ids.join(',')}`;
  }
  const schema = view.schema(folderId);
  const field = rng.pick(schema.fields.filter((f) => f.type === 'dropdown' || f.type === 'user' || f.type === 'date'));
  await bulkUpdateRecords(db, ids, { [field.id]: valueFor(rng, field, schema, targetsOf(view)) });
  return `bulkUpdate ${ids.join(',')} ${field.id}`;
};

/** Merges a group the duplicate finder proposes, or else two records the user picked by hand. */
const merge: Action = async (db, rng, view) => {
  const folderId = rng.pick(FOLDERS);
  const schema = view.schema(folderId);
  const pool = view.byFolder(folderId);
  const groups = findDuplicateGroups(schema, pool);
  const ids = groups.length ? rng.pick(groups).recordIds : pool.length >= 2 ? [...new Set([rng.pick(pool).id, rng.pick(pool).id])] : [];
  if (ids.length < 2) return undefined;
  const records = ids.map((id) => pool.find((r) => r.id === id)!);
  await mergeRecords(db, { survivorId: ids[0]!, loserIds: ids.slice(1), choices: defaultChoices(schema, records) });
  return `mergeRecords ${ids.join(' ← ')}`;
};

const note: Action = async (db, rng, view) => {
  const rec = pickRecord(rng, view);
  if (!rec) return undefined;
  const other = rng.chance(0.3) ? pickRecord(rng, view) : undefined;
  const ids = [...new Set([rec.id, ...(other ? [other.id] : [])])];
  if (rng.chance(0.3)) await addCall(db, ids, `call ${rng.int(0, 99)}`, rng.pick(['connected', 'noAnswer', 'busy'] as const));
  else await addNote(db, ids, `note ${rng.int(0, 99)}`);
  return `note on ${ids.join(',')}`;
};

const task: Action = async (db, rng, view) => {
  const tasks = (await db.activities.toArray()).filter((a) => a.kind === 'task').sort((a, b) => (a.id < b.id ? -1 : 1));
  if (tasks.length && rng.chance(0.5)) {
    const t = rng.pick(tasks);
    await setTaskDone(db, t.id, !(t.kind === 'task' && t.done));
    return `setTaskDone ${t.id}`;
  }
  const rec = pickRecord(rng, view);
  if (!rec) return undefined;
  await addTask(db, [rec.id], `task ${rng.int(0, 99)}`, rng.chance(0.5) ? Date.now() + rng.int(1, 9) * 86_400_000 : undefined);
  return `addTask on ${rec.id}`;
};

/** A received email logged against a contact and maybe a deal: fires "email from a new lead". */
const email: Action = async (db, rng, view) => {
  const contact = pickRecord(rng, view, contacts);
  if (!contact) return undefined;
  const deal = rng.chance(0.4) ? pickRecord(rng, view, deals) : undefined;
  const from = contact.emails[0] ?? rng.pick(EMAIL_POOL);
  const messageId = rng.pick(MESSAGES);
  await logEmail(
    db,
    {
      threadId: rng.pick(THREADS),
      messageId,
      direction: rng.chance(0.8) ? 'received' : 'sent',
      from: { email: from, name: 'Someone' },
      to: [{ email: 'rep1@team.io', name: 'Rep' }],
      cc: [],
      subject: `About ${messageId}`,
      snippet: 'Hello',
      date: Date.now(),
    },
    [contact.id, ...(deal ? [deal.id] : [])],
  );
  return `logEmail ${messageId} on ${contact.id}`;
};

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A small CSV file (2–5 rows) written the way a spreadsheet would, imported through the import
 * page's runImport: columns mapped by autoMap, values encoded by each type's own CSV codec, emails
 * from the shared pool (so "update" and "skip" find matches), sometimes the id column of an export.
 */
const csvImport: Action = async (db, rng, view) => {
  const folderId = rng.pick([contacts, contacts, companies, deals]);
  const schema = view.schema(folderId);
  const fields = importableFields(schema.fields).filter((f) => f.mandatory || rng.chance(0.4));
  const withIds = rng.chance(0.3) && view.byFolder(folderId).length > 0;
  const headers = [...(withIds ? [ID_HEADER] : []), ...fields.map((f) => headerFor(f, schema.fields))];
  const lines = [headers.map(csvCell).join(',')];
  for (let i = rng.int(2, 5); i > 0; i--) {
    const cells = fields.map((f) => {
      const v = valueFor(rng, f, schema, targetsOf(view));
      return v === undefined ? '' : (FIELD_REGISTRY[f.type] as FieldTypeSpec<unknown>).toCsv(v, f);
    });
    if (withIds) cells.unshift(rng.chance(0.6) ? rng.pick(view.byFolder(folderId)).id : '');
    lines.push(cells.map(csvCell).join(','));
  }
  const source = `${lines.join('\r\n')}\r\n`;
  const dedup = rng.pick(['skip', 'update', 'create'] as const);
  const job = await runImport(db, { source, start: { folderId, file: { name: 'sim.csv', size: source.length }, headers, mapping: autoMap(headers, schema.fields), dedup } });
  if (job.status !== 'done') throw new Error(`the import ended ${job.status}: ${job.error ?? ''}`);
  const { created, updated, bad } = job.counts;
  return `csvImport ${folderId} ${dedup}: ${created} created, ${updated} updated, ${bad} refused`;
};

/** Few template ids: replicas edit, count uses of and delete the same templates concurrently. */
const TEMPLATES = ['tpl_1', 'tpl_2', 'tpl_3'];
const LANGUAGES = ['en', 'es', 'it'] as const;

/** A compose template edited, used (this device's counter) or deleted. */
async function template(db: ThreadlineDB, rng: Rng): Promise<string | undefined> {
  const id = rng.pick(TEMPLATES);
  const roll = rng.int(1, 10);
  if (roll <= 4) {
    await saveTemplate(db, { id, name: `Template ${rng.int(1, 9)}`, subject: `Hi {{contact.firstName}} ${rng.int(1, 99)}`, body: `Line ${rng.int(1, 99)}\n{{deal.name | your deal}}`, language: rng.pick(LANGUAGES) });
    return `save template ${id}`;
  }
  if (roll <= 9) return (await countTemplateUse(db, id)) ? `use template ${id}` : undefined;
  if (!(await db.templates.get(id))) return undefined;
  await deleteTemplate(db, id);
  return `delete template ${id}`;
}

/**
 * The deal page's line items: added, edited or removed on one deal, often the same deal on two
 * replicas at once (few deals exist), so concurrent edits of two lines of one deal are common.
 */
const lines: Action = async (db, rng, view) => {
  const deal = pickRecord(rng, view, deals);
  if (!deal) return undefined;
  const current = Object.values(deal.lines ?? {}).sort((a, b) => (a.id < b.id ? -1 : 1));
  const roll = rng.int(1, 10);
  if (roll <= 4 || current.length === 0) {
    const currency = (deal.values.fd_amount as { currency?: string } | undefined)?.currency ?? 'EUR';
    const line = await addLine(db, deal.id, { name: rng.pick(['Licencia', 'Formazione', 'Soporte', 'Seat']), quantity: rng.int(1, 5), unitPrice: { amount: rng.int(1, 2_000) / 4, currency } });
    return `addLine ${deal.id} ${line.id}`;
  }
  const line = rng.pick(current);
  if (roll <= 8) {
    await updateLine(db, deal.id, line.id, rng.chance(0.5) ? { quantity: rng.int(1, 9) } : { discount: rng.chance(0.5) ? { kind: 'percent', value: rng.int(0, 50) } : null });
    return `updateLine ${deal.id} ${line.id}`;
  }
  await removeLine(db, deal.id, line.id);
  return `removeLine ${deal.id} ${line.id}`;
};

const ACTIONS = {
  createContact: [create(contacts), 4],
  createCompany: [create(companies), 2],
  createDeal: [create(deals), 3],
  createDealForThread: [dealForThread, 1],
  update: [update, 8],
  moveStage: [moveStage, 4],
  link: [link, 3],
  unlink: [unlink, 2],
  linkThread: [threadLink, 2],
  unlinkThread: [threadUnlink, 1],
  delete: [remove, 2],
  bulk: [bulk, 0.6],
  merge: [merge, 1.5],
  note: [note, 2],
  task: [task, 2],
  email: [email, 1.5],
  csvImport: [csvImport, 1],
  template: [template, 1.5],
  lines: [lines, 2.5],
} satisfies Record<string, [Action, number]>;
export type ActionName = keyof typeof ACTIONS;

/** Actions that remove records: the write owner must rewrite every reference to them it can see. */
export const REMOVING: ReadonlySet<ActionName> = new Set(['delete', 'merge', 'bulk']);

/**
 * One random thing a user does on this replica's pages, through the storage functions the pages
 * call. `run` returns what it did, or undefined when nothing fitted (e.g. no record to delete yet).
 */
export async function chooseAction(db: ThreadlineDB, rng: Rng): Promise<{ name: ActionName; run: () => Promise<string | undefined> }> {
  const view = await readView(db);
  const empty = view.records.length < 4;
  const weights = Object.fromEntries(Object.entries(ACTIONS).map(([k, [, w]]) => [k, empty && !k.startsWith('create') ? w / 4 : w])) as Record<ActionName, number>;
  const name = rng.weighted(weights);
  return { name, run: () => ACTIONS[name][0](db, rng, view) };
}
