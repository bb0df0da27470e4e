import { loadFolderSchema } from '../../../storage/folders/schema';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ThreadlineDB } from '../../../storage/db/db';
import { mutate } from '../../../storage/write/mutate';
import { writeValidatedRecordsIn } from '../../../storage/write/records';

/**
 * A big workspace fast, through the bulk write path CSV import uses: `companies` companies and
 * `contacts` contacts, each contact linked to a company (plus `extra(i)` values, e.g. custom fields). Returns the first contact's id.
 */
export async function seedWorkspace(db: ThreadlineDB, contacts: number, companies: number, extra?: (i: number) => Record<string, unknown>): Promise<string> {
  const [companySchema, contactSchema] = await Promise.all([loadFolderSchema(db, PRESET_FOLDER_IDS.companies), loadFolderSchema(db, PRESET_FOLDER_IDS.contacts)]);
  const companyIds = Array.from({ length: companies }, (_, i) => `rec_seed_co_${i}`);
  await mutate(db, (w) =>
    writeValidatedRecordsIn(w, companySchema, companyIds.map((id, i) => ({ id, before: undefined, values: { fo_name: `Compañía ${i} Srl`, fo_domain: `co${i}.example` }, changed: [], fresh: true }))),
  );
  const CHUNK = 5_000;
  for (let start = 0; start < contacts; start += CHUNK) {
    const n = Math.min(CHUNK, contacts - start);
    await mutate(db, (w) =>
      writeValidatedRecordsIn(
        w,
        contactSchema,
        Array.from({ length: n }, (_, k) => {
          const i = start + k;
          return { id: `rec_seed_${i}`, before: undefined, values: { fc_firstName: `Niccolò ${i}`, fc_lastName: 'Peña', fc_emails: [`p${i}@co${i % companies}.example`], fc_company: [companyIds[i % companies]!], ...extra?.(i) }, changed: [], fresh: true };
        }),
      ),
    );
  }
  return 'rec_seed_0';
}
