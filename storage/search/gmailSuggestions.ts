import type { ThreadlineDB } from '../db/db';
import { SEARCH_SUGGESTIONS, type RecordSearchReply } from '../../messaging/recordSearch';
import { searchRecords } from './index';

/** Queries shorter than this suggest nothing: one letter matches half the workspace. */
const SHORTEST = 2;

/**
 * The answer to Gmail's search box (the background runs it): the CRM search's best hits, each with
 * its folder's name, clipped to what the reply's schema allows.
 */
export async function gmailSearchSuggestions(db: ThreadlineDB, query: string): Promise<RecordSearchReply> {
  if (query.trim().length < SHORTEST) return { hits: [] };
  const [hits, folders] = await Promise.all([searchRecords(db, query, SEARCH_SUGGESTIONS), db.folders.toArray()]);
  const nameOf = new Map(folders.map((f) => [f.id, f.name]));
  return {
    hits: hits.map((h) => ({
      recordId: h.id,
      title: h.title.slice(0, 500),
      folder: (nameOf.get(h.folderId) ?? '').slice(0, 200),
      matched: h.via === 'title' ? '' : h.matched.slice(0, 500),
    })),
  };
}
