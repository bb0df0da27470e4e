import Dexie from 'dexie';
import type { ThreadContext } from '../../messaging/threadContext';
import type { ThreadView } from '../../storage/threads/threadView';

/** Threads a rep goes back and forth between in a morning; each entry is one thread's read. */
const MAX_THREADS = 20;

const views = new Map<string, ThreadView>();
let watching = false;

/**
 * What the sidebar last read for a thread, so re-opening it renders in the commit that receives
 * the message instead of after a read. Any write to the database, in this page or another (Dexie's
 * storagemutated event, the one liveQuery listens to), empties it: an entry is never staler than
 * the data. The open thread's live query stores its fresh read again right after.
 */
export const threadViewKey = (dbName: string, context: ThreadContext, peopleLimit: number) =>
  `${dbName}\u0001${context.threadId}\u0001${context.messages.length}\u0001${peopleLimit}`;

export function cachedThreadView(key: string): ThreadView | undefined {
  return views.get(key);
}

export function rememberThreadView(key: string, view: ThreadView): void {
  if (!watching) {
    watching = true;
    Dexie.on('storagemutated', () => views.clear());
  }
  views.delete(key);
  views.set(key, view);
  // A Map keeps insertion order: the first key is the least recently stored.
  while (views.size > MAX_THREADS) views.delete(views.keys().next().value!);
}

/** Empties the memory (tests: a database deleted and reopened under the same name). */
export function forgetThreadViews(): void {
  views.clear();
}
