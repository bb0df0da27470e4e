import type { ThreadlineDB } from '../db/db';
import { PRESET_FOLDER_IDS } from '../folders/presets';
import { mergeContext } from '../templates/context';
import type { MergeContext } from '../templates/render';

export type TemplateSample = { email?: string; ctx: MergeContext };

/**
 * What the template editor previews against: the workspace's first contact with an address, as a
 * compose to that address would be filled (its company and deal too). `me` stays empty: the
 * sender's name and address come from the Gmail account, which only the compose window knows.
 */
export function templateSample(db: ThreadlineDB): Promise<TemplateSample> {
  // One transaction around both reads (mergeContext's joins it): one consistent snapshot.
  return db.transaction('r', [db.folders, db.records, db.threadLinks, db.pipelines], async () => {
    const first = await db.records.where('folderId').equals(PRESET_FOLDER_IDS.contacts).filter((r) => r.emails.length > 0).first();
    const email = first?.emails[0];
    if (!email) return { ctx: { me: {} } };
    return { email, ctx: await mergeContext(db, { recipients: [email], me: {} }) };
  });
}
