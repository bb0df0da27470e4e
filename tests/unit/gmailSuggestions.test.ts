import { beforeEach, describe, expect, it } from 'vitest';
import { recordSearchReplySchema } from '../../messaging/recordSearch';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { gmailSearchSuggestions } from '../../storage/search/gmailSuggestions';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

describe("the background's answer to Gmail's search box", () => {
  beforeEach(resetDb);

  it("finds records accents ignored, names each one's folder and what matched, and fits the reply's schema", async () => {
    const acme = await createRecord(db, PRESET_FOLDER_IDS.companies, { fo_name: 'Acme Iberia', fo_domain: 'acme-iberia.es' });
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Lucía', fc_lastName: 'García', fc_emails: ['lucia@acme-iberia.es'], fc_company: [acme.id] });
    for (let i = 0; i < 20; i++) await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: `Garcia ${i}`, fc_emails: [`g${i}@example.com`] });

    const reply = await gmailSearchSuggestions(db, 'lucia garcia');
    expect(recordSearchReplySchema.safeParse(reply).success).toBe(true);
    expect(reply.hits[0]).toEqual({ recordId: expect.any(String), title: 'Lucía García', folder: 'Contacts', matched: '' });

    const byEmail = await gmailSearchSuggestions(db, 'lucia@acme');
    expect(byEmail.hits[0]).toMatchObject({ title: 'Lucía García', matched: 'lucia@acme-iberia.es' });
    expect((await gmailSearchSuggestions(db, 'garcia')).hits).toHaveLength(6);
  });

  it('answers nothing to one letter or blanks', async () => {
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@example.com'] });
    expect(await gmailSearchSuggestions(db, 'a')).toEqual({ hits: [] });
    expect(await gmailSearchSuggestions(db, '   ')).toEqual({ hits: [] });
  });
});
