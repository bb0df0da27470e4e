import { act, screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrmApp } from '../../../components/shell/CrmApp';
import { routeHref } from '../../../components/shell/router';
import { setLocale } from '../../../i18n';
import { addField } from '../../../storage/fields/fieldsAdmin';
import { createFolder, updateView } from '../../../storage/folders/folders';
import type { CrmRecord } from '../../../storage/model/entities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { HOSTILE_HTTP_URLS, LONG_WORD, MARKUP_PAYLOADS, UNICODE_PAYLOADS, URL_PAYLOADS } from '../../fixtures/xss-corpus';
import { db, resetDb } from '../../support/db';
import { expectInert, expectSafeLinks, holdersOf, installStyles } from './support';
import { withTableScrollHeight } from '../../support/layout';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * The CRM page with hostile values in text, URL and email fields and in a folder's name (all
 * of which a co-member or a CSV file can set): the folder table, the record page and the nav.
 */
const TEXT_PAYLOADS = [...MARKUP_PAYLOADS, ...UNICODE_PAYLOADS].filter((p) => p.trim() !== '');
const PAGE = 12;

async function go(hash: string) {
  await act(async () => {
    location.hash = hash;
  });
}

withTableScrollHeight();
let removeStyles: () => void;
beforeAll(() => {
  removeStyles = installStyles('components/theme.css', 'components/crm/crm.css');
});
afterAll(() => removeStyles());
beforeEach(async () => {
  await resetDb();
  setLocale('en');
  delete (window as { __pwned?: unknown }).__pwned;
  history.replaceState(null, '', '#/');
});

describe('CRM page: hostile values render as inert text', () => {
  const pages = Array.from({ length: Math.ceil(TEXT_PAYLOADS.length / PAGE) }, (_, i) => TEXT_PAYLOADS.slice(i * PAGE, (i + 1) * PAGE));

  it.each(pages.map((p, i) => [i, p] as const))('contacts table, page %i of the corpus: first names shown verbatim', async (_i, payloads) => {
    for (const [k, p] of payloads.entries()) {
      await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: p, fc_position: payloads[(k + 1) % payloads.length], fc_emails: [`c${k}@evil.example`] });
    }
    const { container } = renderWithDb(<CrmApp />);
    await go(routeHref({ page: 'folder', folderId: PRESET_FOLDER_IDS.contacts }));
    await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => {
      for (const p of payloads) expect(holdersOf(container, p.trim()).length, p).toBeGreaterThan(0);
    });
    expectInert(container);
    expectSafeLinks(container);
  }, 90_000);

  it('a custom folder named with markup, with hostile URLs: nav, table and record page stay inert', async () => {
    const created = await createFolder(db, { name: '<img src=x onerror=window.__pwned=1>', icon: 'folder' });
    // The icon is validated as a name of the set, but another client could store anything: it is drawn from the set, never as text.
    const folder = { ...created, icon: '<b>' };
    await db.transaction('rw', db.folders, () => db.folders.put(folder));
    const website = await addField(db, folder.id, { label: 'Website', type: 'url' });
    const nameId = folder.titleFieldIds[0]!;
    const view = (await db.views.where('folderId').equals(folder.id).first())!;
    await updateView(db, view.id, { columns: [nameId, website.id] });
    const records: CrmRecord[] = [];
    for (const [k, url] of HOSTILE_HTTP_URLS.entries()) records.push(await createRecord(db, folder.id, { [nameId]: `Site ${k}`, [website.id]: url }));
    // What validation refuses can still be on disk (written by an older version): it must not link.
    const legacy = await createRecord(db, folder.id, { [nameId]: 'Legacy' });
    for (const [k, url] of URL_PAYLOADS.entries()) {
      await db.transaction('rw', db.records, db.folders, db.fields, () => db.records.put({ ...legacy, id: `rec_legacy${k}`, values: { ...legacy.values, [website.id]: url } }));
    }

    const { container } = renderWithDb(<CrmApp />);
    await go(routeHref({ page: 'folder', folderId: folder.id }));
    await screen.findByRole('table', { name: folder.name });
    await waitFor(() => expect(holdersOf(container, HOSTILE_HTTP_URLS[0]).length).toBeGreaterThan(0));
    expect(holdersOf(container.querySelector('nav')!, folder.name).length).toBeGreaterThan(0);
    expectInert(container);
    expectSafeLinks(container);

    await go(routeHref({ page: 'record', recordId: records[0]!.id }));
    await screen.findByRole('article', { name: 'Site 0' });
    await waitFor(() => expect(screen.getByDisplayValue(HOSTILE_HTTP_URLS[0])).toBeInTheDocument());
    expectInert(container);
    expectSafeLinks(container);
  }, 90_000);

  it('a long unbroken name is wrapped or clipped wherever it is shown', async () => {
    const record = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: LONG_WORD, fc_lastName: `L${LONG_WORD.slice(1)}` });
    const { container } = renderWithDb(<CrmApp />);
    await go(routeHref({ page: 'folder', folderId: PRESET_FOLDER_IDS.contacts }));
    await screen.findByRole('table', { name: 'Contacts' });
    await waitFor(() => expectInert(container, [LONG_WORD, `L${LONG_WORD.slice(1)}`]));

    await go(routeHref({ page: 'record', recordId: record.id }));
    // The title (first and last name, cut at 300 characters) heads the page.
    await screen.findByRole('article', { name: record.title });
    await waitFor(() => expectInert(container, [record.title]));
  }, 90_000);
});
