import type { ThreadlineDB } from '../db/db';
import { NAV_VIEWS_MAX, type NavViewsReply } from '../../messaging/navViews';
import { listFolders, listViews } from './crm';

/** Saved views in the CRM page's navigation order (folder by folder), clipped for Gmail's nav. */
export async function navViews(db: ThreadlineDB): Promise<NavViewsReply> {
  const [folders, views] = await Promise.all([listFolders(db), listViews(db)]);
  const rank = new Map(folders.map((f, i) => [f.id, i]));
  const nameOf = new Map(folders.map((f) => [f.id, f.name]));
  const ordered = views.filter((v) => rank.has(v.folderId)).sort((a, b) => rank.get(a.folderId)! - rank.get(b.folderId)! || a.order - b.order);
  return {
    views: ordered.slice(0, NAV_VIEWS_MAX).map((v) => ({ viewId: v.id, name: v.name.slice(0, 200), folder: (nameOf.get(v.folderId) ?? '').slice(0, 200), board: v.layout === 'board' })),
  };
}
