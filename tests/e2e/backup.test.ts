import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, removeProfile, screenshot, visible, type Session } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

const LONG = 300_000;
type Tl = { db: Record<string, { count(): Promise<number> }>; seed(contacts: number, companies: number): Promise<string> };

async function counts(page: Page) {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { __tl: Tl }).__tl;
    const out: Record<string, number> = {};
    for (const t of ['folders', 'fields', 'pipelines', 'views', 'records', 'activities', 'threadLinks']) out[t] = await api.db[t]!.count();
    return out;
  });
}

/** What a rep reads on a record's page: its main area's text, once it has loaded. */
async function recordPageText(session: Session, id: string) {
  const page = await openExtensionPage(session, `dashboard.html#/record/${id}`);
  await visible(page.getByRole('heading', { name: /Niccolò 7 Peña/ }), 30_000);
  // Loaded: the company named, and no link title still drawn as its '…' placeholder.
  const loaded = (text: string) => text.includes('Compañía 7 Srl') && !/^…$/m.test(text);
  await expect.poll(async () => loaded(await page.locator('main').innerText()), { timeout: 60_000 }).toBe(true);
  const text = await page.locator('main').innerText();
  await page.close();
  return text;
}

describe('backup and restore in Chromium with the built extension', () => {
  const session = useExtensionSession();

  it('100,000 contacts backed up, restored into a fresh profile: the same counts and the same record page', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/page/workspace');
    await loadPageModules(page);
    let started = Date.now();
    await page.evaluate(() => (globalThis as unknown as { __tl: Tl }).__tl.seed(99_000, 1_000));
    console.log(`[figure] seeding 100,000 records: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const before = await counts(page);
    expect(before.records).toBe(100_000);
    const original = await recordPageText(session(), 'rec_seed_7');

    await page.reload();
    await visible(page.getByRole('heading', { name: 'Backup and restore' }));
    started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByRole('button', { name: 'Download a backup' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'threadline-backup-')), download.suggestedFilename());
    await download.saveAs(file);
    console.log(`[figure] backup of 100,000 records downloaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(download.suggestedFilename()).toMatch(/^threadline-backup-\d{4}-\d\d-\d\d\.json$/);
    await visible(page.getByText('Backup downloaded: 100,000 records.'), LONG);
    await visible(page.getByText(/^Last backup: /));
    await screenshot(page, 'backup-downloaded');

    const fresh = await launchExtension();
    try {
      const other = await openExtensionPage(fresh, 'dashboard.html#/page/workspace');
      await loadPageModules(other);
      await other.getByLabel('Restore from a backup file').setInputFiles(file);
      const summary = other.getByRole('table');
      await visible(summary, LONG);
      await expect.poll(() => summary.getByRole('row', { name: /^Records/ }).innerText()).toMatch(/Records\s+100,000\s+0\s+0/);
      await screenshot(other, 'backup-restore-plan');
      started = Date.now();
      await other.getByRole('button', { name: 'Restore', exact: true }).click();
      await visible(other.getByText(/^Restored: /), LONG);
      console.log(`[figure] restore of 100,000 records: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await screenshot(other, 'backup-restored');
      expect(await counts(other)).toEqual(before);
      expect(await recordPageText(fresh, 'rec_seed_7')).toBe(original);

      // The same file again changes nothing.
      await other.getByLabel('Restore from a backup file').setInputFiles(file);
      await visible(other.getByText('This workspace already holds everything in the backup: nothing to restore.'), LONG);
    } finally {
      await fresh.close();
      removeProfile(fresh.userDataDir);
    }
  }, 900_000);

  it('a damaged file is refused with the reason and nothing is written', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/page/workspace');
    await loadPageModules(page);
    const before = await counts(page);
    const broken = JSON.stringify({ format: 'threadline-backup', version: 1, exportedAt: 1, tables: { records: [{ id: 'x' }] } });
    await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert');
    await visible(alert);
    expect(await alert.innerText()).toMatch(/The backup is damaged: entry 1 of “Records” is not valid .*Nothing was restored\./);
    await screenshot(page, 'backup-refused');
    expect(await counts(page)).toEqual(before);
  });
});
