import { Dexie, type ObservabilitySet } from 'dexie';
import type { RowLabel } from '../../messaging/protocol';
import type { ThreadlineDB } from '../db/db';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import type { CrmRecord } from '../model/entities';
import { dealStage } from '../pipelines/pipelines';

/**
 * The deal labels of a page of Gmail thread rows: one indexed read of the thread links (anyOf),
 * one bulkGet of their records, the pipelines (a handful of rows) for the stages' names and
 * colours, as stored: names are the workspace's data language. Threads without a linked deal
 * with a stage are left out.
 */
export async function rowLabelsFor(db: ThreadlineDB, threadIds: readonly string[]): Promise<Record<string, RowLabel[]>> {
  return db.transaction('r', [db.threadLinks, db.records, db.pipelines], async () => {
    const links = await db.threadLinks.where('threadId').anyOf([...new Set(threadIds)]).toArray();
    if (!links.length) return {};
    // First linked first: the row shows that deal's stage and counts the rest.
    links.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    const recordIds = [...new Set(links.map((l) => l.recordId))];
    const [records, pipelines] = await Promise.all([db.records.bulkGet(recordIds), db.pipelines.toArray()]);
    pipelines.sort((a, b) => a.order - b.order);
    const deals = new Map(records.filter((r): r is CrmRecord => r?.folderId === PRESET_FOLDER_IDS.deals).map((r) => [r.id, r]));
    const labels: Record<string, RowLabel[]> = {};
    for (const link of links) {
      const deal = deals.get(link.recordId);
      const stage = deal && dealStage(deal, pipelines);
      if (!deal || !stage) continue;
      (labels[link.threadId] ??= []).push({ dealName: deal.title, stageName: stage.name, color: stage.color });
    }
    return labels;
  });
}

/** The two calls the watch makes, so tests can pass a fake. */
export type RowLabelsBroadcast = {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const TOUCHED_TABLES = ['threadLinks', 'records', 'pipelines'];
/** At most one broadcast per this many ms: an import or a sync catch-up commits many batches. */
const BROADCAST_EVERY_MS = 500;

/**
 * Tells Gmail tabs and extension pages (the demo inbox) that row labels may have changed; they ask
 * again for the rows they show. Dexie's change feed, not a liveQuery: the background does not know
 * which rows are shown, so a liveQuery would have to re-read every link and deal on every write,
 * while this reads nothing and a tab's re-ask is one indexed read of its visible rows. The feed
 * carries writes of every page too (its BroadcastChannel), but only while the service worker is
 * alive: tabs also ask again when they become visible (entrypoints/gmail.content/rowLabels.ts).
 */
export function watchRowLabels(db: ThreadlineDB, api: RowLabelsBroadcast): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const broadcast = async () => {
    timer = undefined;
    const message = { type: 'threadline/row-labels-changed' };
    // Pages with no listener (none open) reject: nothing to tell.
    api.runtime.sendMessage(message).catch(() => undefined);
    const tabs = await api.tabs.query({ url: 'https://mail.google.com/*' }).catch(() => []);
    for (const tab of tabs) if (tab.id !== undefined) api.tabs.sendMessage(tab.id, message).catch(() => undefined);
  };
  const prefixes = TOUCHED_TABLES.map((table) => `idb://${db.name}/${table}/`);
  // Returns nothing: a listener returning false stops Dexie calling the others (useCoalescedQuery.ts).
  const onMutated = (parts: ObservabilitySet): void => {
    if (timer || !Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) return;
    timer = setTimeout(() => void broadcast(), BROADCAST_EVERY_MS);
  };
  Dexie.on('storagemutated', onMutated);
  return () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
