import { Dexie, type ObservabilitySet } from 'dexie';
import type { ThreadlineDB } from '../../storage/db/db';
import type { CrmRecord } from '../../storage/model/entities';
import { changedKeys } from '../../storage/queries/changedKeys';
import { FolderIndex } from '../../storage/views/folderIndex';
import { inBackground } from '../../storage/queries/inBackground';

/**
 * One in-memory folder index per open folder, shared by whatever on the page needs it (the board
 * and its totals): built once with a progress share, then kept current from the keys each change
 * names, from this page or any other context of the extension. Released indexes linger a little,
 * so switching between views of one folder (which remounts the workspace) does not build again.
 */
export type SharedIndex = {
  readonly index: FolderIndex;
  /** Share built (0..1) while building; undefined once ready. */
  readonly progress: number | undefined;
  /** Bumped after each change is applied, so memoised derivations know to run again. */
  readonly version: number;
  /** What the last few applied changes did, by the version each made: a board patches its columns from them instead of re-sorting the folder. */
  readonly changes: ReadonlyMap<number, readonly RecordChange[]>;
};

/** One record a change named: as held before it and after it (undefined: not in the folder). */
export type RecordChange = { id: string; before: CrmRecord | undefined; after: CrmRecord | undefined };
/** Changes kept per index: enough for a board that skipped a few renders to catch up. */
const KEPT_CHANGES = 8;

type Changed = Set<string> | 'all';
type Entry = { index: FolderIndex; progress: number | undefined; version: number; changes: Map<number, RecordChange[]>; refs: number; listeners: Set<() => void>; drop?: ReturnType<typeof setTimeout>; close: () => void };

const LINGER_MS = 30_000;
const entries = new Map<string, Entry>();
const merge = (a: Changed | undefined, b: Changed): Changed => (a === 'all' || b === 'all' ? 'all' : new Set([...(a ?? []), ...b]));

function open(db: ThreadlineDB, folderId: string, key: string): Entry {
  const abort = new AbortController();
  let pending: Changed | undefined;
  let running = false;
  const notify = () => entry.listeners.forEach((l) => l());
  const build = async (index: FolderIndex) => {
    performance.mark('tl-board:index-start');
    entry.progress = 0;
    notify();
    await index.build(db, (done) => {
      entry.progress = Math.min(done, 0.99);
      notify();
    }, abort.signal);
    if (abort.signal.aborted) return;
    performance.mark('tl-board:index-built');
    entry.index = index;
    entry.progress = undefined;
    entry.version += 1;
    notify();
  };
  // Changes that arrive while building wait for it, then are applied: a chunk read before a change is re-read.
  const pump = async () => {
    if (running) return;
    running = true;
    try {
      while (pending && !abort.signal.aborted) {
        if (!entry.index.ready) return;
        const c = pending;
        pending = undefined;
        if (c === 'all') await build(new FolderIndex(folderId));
        else {
          const ids = [...c];
          const before = ids.map((id) => entry.index.get(id));
          await entry.index.apply(db, ids);
          entry.version += 1;
          entry.changes.set(entry.version, ids.map((id, i) => ({ id, before: before[i], after: entry.index.get(id) })));
          entry.changes.delete(entry.version - KEPT_CHANGES);
          notify();
        }
      }
    } finally {
      running = false;
    }
  };
  // Returns nothing on purpose: Dexie stops calling the other 'storagemutated' listeners when one returns false.
  const onMutated = (parts: ObservabilitySet): void => {
    const changed = changedKeys(parts, db.name, 'records');
    if (!changed) return;
    pending = merge(pending, changed);
    inBackground(pump());
  };
  const entry: Entry = {
    index: new FolderIndex(folderId), progress: 0, version: 0, changes: new Map(), refs: 0, listeners: new Set(),
    close: () => {
      abort.abort();
      Dexie.on('storagemutated').unsubscribe(onMutated);
      entries.delete(key);
    },
  };
  Dexie.on('storagemutated', onMutated);
  inBackground(build(entry.index).then(pump));
  return entry;
}

/** Whether the folder's index is held already (open elsewhere on the page, or lingering after a view switch). */
export function holdsFolderIndex(db: ThreadlineDB, folderId: string): boolean {
  return entries.has(`${db.name}\0${folderId}`);
}

/** Takes a share of the folder's index; `onChange` hears progress and applied changes. Call the returned release when done. */
export function acquireFolderIndex(db: ThreadlineDB, folderId: string, onChange: () => void): { entry: SharedIndex; release: () => void } {
  const key = `${db.name}\0${folderId}`;
  const entry = entries.get(key) ?? open(db, folderId, key);
  entries.set(key, entry);
  if (entry.drop) clearTimeout(entry.drop);
  entry.drop = undefined;
  entry.refs += 1;
  entry.listeners.add(onChange);
  let released = false;
  return {
    entry,
    release: () => {
      if (released) return;
      released = true;
      entry.listeners.delete(onChange);
      entry.refs -= 1;
      if (entry.refs === 0) entry.drop = setTimeout(entry.close, LINGER_MS);
    },
  };
}
