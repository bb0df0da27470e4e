/** The connection was closed under this page: another tab upgraded or deleted the database. */
const CLOSED = new Set(['DatabaseClosedError', 'VersionError', 'VersionChangeError']);

/** Whether `error`, or what it wraps (Dexie keeps IndexedDB's DOMException in `inner`), is a closed connection. */
export function isClosedConnection(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && CLOSED.has(name)) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A page's background read (a live table's refresh, a page of rows): nobody awaits it, so its
 * failure would surface as an unhandled rejection. A closed connection is already told by the
 * page's database banner, and the read has nothing left to serve: it is dropped. Any other failure
 * stays as loud as before (rethrown, so still an unhandled rejection).
 */
export function inBackground(read: Promise<unknown>): void {
  void read.catch((error: unknown) => {
    if (!isClosedConnection(error)) throw error;
  });
}
