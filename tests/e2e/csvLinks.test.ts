import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openExtensionPage, visible } from './support/extension';
import { useExtensionSession } from './support/session';

/**
 * Link columns end to end (issue 14): a contacts file with a Company column links existing
 * companies by name or domain, creates the missing ones once, refuses an ambiguous name, all as
 * the preview showed; the export writes titles (and the id columns), and re-importing it changes
 * nothing.
 */
const LONG = 120_000;
const SHOTS = process.env.THREADLINE_SHOTS_DIR ?? join('tests/e2e/artifacts', 'csv-links');
const IMPORT = 'dashboard.html#/page/import';

const COMPANIES = ['Name,Domain', 'Acme,acme.com', 'Globex,globex.com', 'Globex,globex.io'].join('\r\n');
const PEOPLE = [
  'First name,Last name,Email,Company',
  'Ana,García,ana@acme.es,acme',
  'Bea,Núñez,bea@initech.es,Initech; Acme',
  'Cai,Rossi,cai@globex.es,Globex',
  'Dani,Pérez,dani@initech.es,INITECH',
  'Eva,Bianchi,eva@acme.es,www.acme.com',
].join('\r\n');

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function pick(page: Page, folder: string, name: string, csv: string | Buffer): Promise<Locator> {
  await visible(page.getByRole('heading', { name: 'Import from CSV' }));
  await page.getByLabel('Folder', { exact: true }).selectOption({ label: folder });
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) });
  const mapping = page.getByRole('table', { name: 'Columns and fields' });
  await visible(mapping);
  return mapping;
}

async function run(page: Page, dedup: RegExp): Promise<Locator> {
  await page.getByRole('radio', { name: dedup }).check();
  await page.getByRole('button', { name: 'Start import' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor({ state: 'visible', timeout: LONG });
  return report;
}

const samplesOf = (mapping: Locator, column: string) =>
  mapping
    .getByRole('row')
    .filter({ has: mapping.page().getByRole('rowheader', { name: column, exact: true }) })
    .locator('.tl-data-samples > div');

describe('CSV link columns in Chromium with the built extension', () => {
  const session = useExtensionSession();

  it('links and creates companies as previewed, exports titles, and re-imports the export with no change', async () => {
    const page = await openExtensionPage(session(), IMPORT);
    await pick(page, 'Companies', 'companies.csv', COMPANIES);
    expect(await (await run(page, /Create a new record anyway/)).getByText('Rows imported: 3').count()).toBe(1);

    await page.getByRole('button', { name: 'Import another file' }).click();
    const mapping = await pick(page, 'Contacts', 'people.csv', PEOPLE);
    const samples = samplesOf(mapping, 'Company');
    // The preview resolves the first rows against the companies: what links, what is new, what is refused.
    await expect.poll(() => samples.allTextContents()).toEqual([
      'Acmeexisting',
      'Initechnew in CompaniesAcmeexisting',
      expect.stringMatching(/^"Globex" matches 2 records: Globex \(globex\.(com|io)\) and Globex \(globex\.(com|io)\)/),
    ]);
    expect(await mapping.getByLabel('Several names in a cell are separated by').inputValue()).toBe(';');
    expect(await mapping.getByRole('checkbox', { name: 'Create missing names in Companies' }).isChecked()).toBe(true);
    await shot(page, 'import-link-preview');

    const report = await run(page, /Skip the row/);
    expect(await report.getByText('Rows imported: 4').count()).toBe(1);
    expect(await report.getByText('Rows refused: 1').count()).toBe(1);
    expect(await report.getByText('Records added for names in link columns: 1').count()).toBe(1);
    expect(await report.getByRole('table', { name: 'Refused rows' }).locator('tbody tr').first().textContent()).toMatch(/^4Company"Globex" matches 2 records/);
    await shot(page, 'import-link-report');

    // The contacts show their companies by name (no "(deleted)"), and Initech exists once.
    await page.goto(`chrome-extension://${session().extensionId}/dashboard.html#/folder/folder_contacts`);
    const table = page.getByRole('grid').or(page.getByRole('table')).first();
    await visible(table.getByText('Dani'));
    await expect.poll(async () => (await table.textContent()) ?? '').toMatch(/Initech, Acme/);
    expect(await table.textContent()).not.toContain('(deleted)');
    await shot(page, 'contacts-with-companies');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const exported = readFileSync((await (await download).path())!);
    const [header, ...rows] = Papa.parse<string[]>(exported.toString('utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const col = (name: string) => header!.indexOf(name);
    expect(col('Company (Threadline ID)')).toBeGreaterThan(col('Threadline ID'));
    const byName = new Map(rows.map((r) => [r[col('First name')], r]));
    expect(byName.get('Bea')![col('Company')]).toBe('Initech; Acme');
    expect(byName.get('Eva')![col('Company')]).toBe('Acme');
    expect(byName.get('Bea')![col('Company (Threadline ID)')]).toMatch(/^rec_\w+; rec_\w+$/);

    await page.goto(`chrome-extension://${session().extensionId}/${IMPORT}`);
    const reMapping = await pick(page, 'Contacts', 'export.csv', exported);
    // The id column decides (the names column says so): every sample links existing companies only.
    const idSamples = samplesOf(reMapping, 'Company (Threadline ID)');
    await expect.poll(() => idSamples.allTextContents()).toEqual([expect.stringMatching(/^((Initech|Acme)existing)+$/), expect.stringMatching(/^((Initech|Acme)existing)+$/), expect.stringMatching(/^((Initech|Acme)existing)+$/)]);
    expect(await samplesOf(reMapping, 'Company').allTextContents()).toEqual(Array(3).fill(expect.stringMatching(/ \(the Threadline ID column decides\)$/)));
    await shot(page, 'reimport-preview');
    const again = await run(page, /Update the record/);
    expect(await again.getByText('New records: 0 · updated: 0 · already up to date: 4').count()).toBe(1);
    expect(await again.getByText('Rows refused: 0').count()).toBe(1);
    expect(await again.getByText(/Records added for names/).count()).toBe(0);
    await shot(page, 'reimport-no-change');
    await page.goto(`chrome-extension://${session().extensionId}/dashboard.html#/folder/folder_companies`);
    await visible(page.getByText('Initech'));
    expect(await page.getByText('4 records').count()).toBe(1);
  }, LONG);
});
