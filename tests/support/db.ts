import { db } from '../../storage/db/db';

/** A fresh, freshly populated workspace for each test. */
export async function resetDb() {
  db.close();
  await db.delete();
  await db.open();
}
