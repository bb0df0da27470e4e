import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { countRead, countWholeFolderRead } from '../queries/readStats';
import { byRecentChange, runView, type ViewQuery } from './viewQuery';
import type { FilterEnv } from '../model/filterRegistry';

const CHUNK = 2_000;

/**
 * One open folder's records held in memory, for the sorts and filters no index serves (contains,
 * formulas, several sort keys): built once, in chunks that yield to the frame between them, then
 * kept current from the keys a change names (`apply`), never by reading the folder again. A change
 * of sort or filter is then a sort of what is held, not a read.
 */
export class FolderIndex {
  private readonly byId = new Map<string, CrmRecord>();
  private ordered: CrmRecord[] | undefined;
  ready = false;

  constructor(readonly folderId: string) {}

  get size(): number {
    return this.byId.size;
  }

  /** Reads the folder by chunks of ids; `onProgress` gets the share done (0..1). Stops when `signal` aborts. */
  async build(db: ThreadlineDB, onProgress: (done: number) => void, signal?: AbortSignal, yieldFrame: () => Promise<unknown> = nextFrame): Promise<void> {
    countWholeFolderRead();
    const ids = await db.records.where('folderId').equals(this.folderId).primaryKeys();
    for (let at = 0; at < ids.length; at += CHUNK) {
      if (signal?.aborted) return;
      const chunk = await db.records.bulkGet(ids.slice(at, at + CHUNK));
      countRead('folderIndex', chunk.length);
      for (const r of chunk) if (r && r.folderId === this.folderId) this.byId.set(r.id, r);
      onProgress(Math.min(1, (at + CHUNK) / ids.length));
      await yieldFrame();
    }
    this.ordered = undefined;
    this.ready = true;
  }

  /** Re-reads only the records named by a change: new ones join, deleted or moved ones leave. */
  async apply(db: ThreadlineDB, changed: Iterable<string>): Promise<void> {
    const ids = [...changed];
    if (ids.length === 0) return;
    const found = await db.records.bulkGet(ids);
    countRead('changed', found.length);
    ids.forEach((id, i) => {
      const r = found[i];
      if (r && r.folderId === this.folderId) this.byId.set(id, r);
      else this.byId.delete(id);
    });
    this.ordered = undefined;
  }

  get(id: string): CrmRecord | undefined {
    return this.byId.get(id);
  }

  /** The view's rows, by the same engine as every other page (storage/views/viewQuery.ts). */
  run(query: ViewQuery, fields: readonly Field[], env: FilterEnv) {
    this.ordered ??= byRecentChange([...this.byId.values()]);
    return runView(this.ordered, fields, query, env);
  }
}

// A macrotask, not requestAnimationFrame: a page in a background tab gets no frames, and the build must still finish.
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));
