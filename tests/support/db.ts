import { db } from '../../storage/db';

/** A fresh, freshly populated workspace for each test. */
export async function resetDb() {
  db.close();
  await db.delete();
  await db.open();
}
