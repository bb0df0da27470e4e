import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../components/reports/demoData';
import { setLocale } from '../../i18n';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { db, resetDb } from '../support/db';

const values = async (folderId: string, fieldId: string) =>
  (await db.records.where('folderId').equals(folderId).toArray()).map((r) => r.values[fieldId]).filter((v) => v !== undefined);

describe('the sample workspace is written in the page language', { timeout: 30_000 }, () => {
  beforeEach(resetDb);
  afterEach(() => setLocale('en'));

  it.each([
    ['en', 'Acme — support plan', 'Spring web form', 'Send the quote'],
    ['es', 'Acme — plan de soporte', 'Formulario web de primavera', 'Enviar el presupuesto'],
    ['it', 'Acme — piano di assistenza', 'Modulo web di primavera', 'Inviare il preventivo'],
  ] as const)('%s: deal names, campaigns and history', async (locale, deal, campaign, task) => {
    setLocale(locale);
    await seedDemoWorkspace(db);
    expect(await values(PRESET_FOLDER_IDS.deals, 'fd_name')).toContain(deal);
    expect(new Set(await values(PRESET_FOLDER_IDS.contacts, 'fc_campaign'))).toEqual(new Set(['Expo Madrid 2026', campaign, locale === 'en' ? 'Radio spot' : locale === 'es' ? 'Cuña de radio' : 'Spot radiofonico']));
    const tasks = await db.activities.filter((a) => a.kind === 'task').toArray();
    expect(tasks.map((a) => (a as { title: string }).title)).toContain(task);
  });
});
