import type { ThreadlineDB } from '../db/db';
import { recordsWithAnyOf } from '../queries/queries';
import type { CrmRecord } from '../model/entities';

/**
 * The records one import batch may match, read up front in two requests (by id, by email) rather
 * than two per row: in Chrome every IndexedDB request is a round trip to the browser process, and
 * rows wait for them one after the other. Records the batch writes are added, so a later row of
 * the same batch matches a record an earlier row created or changed.
 */
export class KnownRecords {
  private readonly byId = new Map<string, CrmRecord>();
  private readonly byEmail = new Map<string, Set<string>>();

  static async load(db: ThreadlineDB, ids: readonly string[], emails: readonly string[]): Promise<KnownRecords> {
    const [byId, byEmail] = await Promise.all([
      ids.length ? db.records.bulkGet([...new Set(ids)]) : [],
      recordsWithAnyOf(db, 'emails', emails),
    ]);
    const known = new KnownRecords();
    for (const r of [...byId, ...byEmail]) if (r) known.add(r);
    return known;
  }

  add(record: CrmRecord) {
    this.byId.set(record.id, record);
    for (const email of record.emails) this.byEmail.set(email, (this.byEmail.get(email) ?? new Set()).add(record.id));
  }

  get(id: string): CrmRecord | undefined {
    return this.byId.get(id);
  }

  /** The oldest record of `folderId` holding any of `emails` (as the database index would find it). */
  firstWithEmail(folderId: string, emails: readonly string[]): CrmRecord | undefined {
    const ids = new Set(emails.flatMap((e) => [...(this.byEmail.get(e) ?? [])]));
    return [...ids]
      .map((id) => this.byId.get(id)!)
      .filter((r) => r.folderId === folderId && r.emails.some((e) => emails.includes(e)))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0];
  }
}
