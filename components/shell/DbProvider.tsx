import { createContext, useContext, type ReactNode } from 'react';
import type { ThreadlineDB } from '../../storage/db/db';

const DbContext = createContext<ThreadlineDB | undefined>(undefined);

/** Binds the database the pages below read and write (entrypoints pass the real one, tests their own). */
export function DbProvider({ db, children }: { db: ThreadlineDB; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

/** The database bound by the nearest DbProvider. */
export function useDb(): ThreadlineDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('No database bound: render inside <DbProvider db={…}>');
  return db;
}
