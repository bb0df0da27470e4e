import { act, screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordForm } from '../../../components/crm/RecordForm';
import { DatabaseBanner } from '../../../components/shell/DatabaseBanner';
import { describeError } from '../../../components/errors';
import { setLocale, t } from '../../../i18n';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import type { ThreadContext } from '../../../messaging/threadContext';
import { ThreadlineDB } from '../../../storage/db/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../storage/db/migrations';
import { mutate } from '../../../storage/write/mutate';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { db, resetDb, shareWorkspace } from '../../support/db';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * A full disk, and a database that another tab upgraded or holds open, must each say what to do,
 * and no write may look saved when it was not. Quota is simulated where Dexie surfaces it: a
 * table method inside the write's transaction rejects, as IndexedDB does when the disk is full.
 */
const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** The shapes a full disk reaches the UI in: Dexie's mapped error, and a transaction abort wrapping it. */
const QUOTA_ERRORS = {
  'Dexie.QuotaExceededError': () => new Dexie.QuotaExceededError('QuotaExceededError', quotaDom()),
  'Dexie.AbortError wrapping QuotaExceededError': () => new Dexie.AbortError('Transaction aborted', quotaDom()),
  'bare DOMException': quotaDom,
};

async function dump() {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

beforeEach(async () => {
  // The language first: a new database names its presets in the page's language.
  setLocale('en');
  await resetDb();
});
afterEach(() => vi.restoreAllMocks());

describe('describeError', () => {
  it.each(Object.entries(QUOTA_ERRORS))('says what to do about a full disk: %s', (_name, make) => {
    expect(describeError(make())).toEqual([t('errors.quota')]);
  });

  it('recognises a quota error however deeply it is wrapped (inner, cause)', () => {
    const wrapped = new Error('Write failed', { cause: new Dexie.AbortError('aborted', quotaDom()) });
    expect(describeError(wrapped)).toEqual([t('errors.quota')]);
  });

  it.each([
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('Database has been closed')],
    ['VersionError', new Dexie.VersionError('The requested version (10) is less than the existing version (20).')],
    ['VersionChangeError', new Dexie.VersionChangeError('Connection closed by another tab')],
  ])('tells to reload when the connection closed under the page: %s', (_name, error) => {
    expect(describeError(error)).toEqual([t('errors.dbClosed')]);
  });

  it('speaks the page’s language', () => {
    setLocale('es');
    expect(describeError(quotaDom())[0]).toContain('No se guardó nada');
    setLocale('it');
    expect(describeError(new Dexie.DatabaseClosedError())[0]).toContain('Ricarica');
  });
});

/** Every outbox append fails as a full disk does: one at a time (activities) or in bulk (records). */
function failOutbox(make: () => unknown) {
  vi.spyOn(db.outbox, 'add').mockImplementation(() => Promise.reject(make()) as never);
  vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(() => Promise.reject(make()) as never);
}

describe('a full disk during a write, through the UI', () => {
  it.each(Object.entries(QUOTA_ERRORS))('the CRM form shows the message, stays open, and saves nothing (%s)', async (_name, make) => {
    // Shared: the full disk is injected at the outbox entry, which the local workspace never writes.
    await shareWorkspace();
    const schema = await loadFolderSchema(db, PRESET_FOLDER_IDS.contacts);
    const onSaved = vi.fn();
    renderWithDb(<RecordForm schema={schema} onSaved={onSaved} />);
    await userEvent.type(screen.getByLabelText(/^First name/), 'Lucía');
    const before = await dump();
    // The record is written first, then the outbox entry fails: the whole transaction must go.
    failOutbox(make);
    await userEvent.click(screen.getByRole('button', { name: /^Create/ }));
    expect((await screen.findByRole('alert')).textContent).toContain(t('errors.quota'));
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Lucía');
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });

  const thread: ThreadContext = {
    threadId: 'th-quota',
    subject: 'Pricing',
    userEmails: ['me@team.io'],
    messages: [{ messageId: 'mq', from: { name: 'Ana Ruiz', email: 'ana@client.example' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [], date: 1, snippet: 'Hi' }],
  };

  it('the sidebar’s add-contact, log and note actions show the message and save nothing', async () => {
    // Shared: logging and noting fail at their outbox entry, which the local workspace never writes.
    await shareWorkspace();
    renderWithDb(<ThreadPanel context={thread} logRequests={0} />);
    const add = await screen.findByRole('button', { name: 'Add contact' });
    let before = await dump();
    // mutate writes through db.table(name), which is not always the db.records object after a reset.
    // Records are saved with bulkPut (storage/write/records.ts goes through putMany).
    const spy = vi.spyOn(db.table('records'), 'bulkPut').mockImplementation(() => Promise.reject(QUOTA_ERRORS['Dexie.AbortError wrapping QuotaExceededError']()) as never);
    await userEvent.click(add);
    expect((await screen.findByRole('alert')).textContent).toContain(t('errors.quota'));
    expect(spy).toHaveBeenCalled();
    expect(screen.queryByRole('article', { name: /^Contact / })).toBeNull();
    spy.mockRestore();
    expect(await dump()).toEqual(before);

    // With a contact saved, logging and noting can fail the same way.
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('article', { name: /^Contact / });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log email' })).toBeEnabled());
    before = await dump();
    failOutbox(QUOTA_ERRORS['Dexie.QuotaExceededError']);
    await userEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain(t('errors.quota')));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Not logged yet');

    // The composer loads on first use (components/sidebar/lazy.tsx): wait for its box.
    await userEvent.type(await screen.findByRole('textbox', { name: 'Note' }), 'Call back Friday');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    // The note stays in the box to try again; nothing reached the history.
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Call back Friday');
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });
});

describe('blocked and outdated connections', () => {
  const names: string[] = [];
  const fresh = (name: string) => {
    names.push(name);
    return new ThreadlineDB(name);
  };
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  it('another tab upgrading the database: the banner says reload, and writes here fail with that advice', async () => {
    const here = fresh('tl-banner-outdated');
    await here.open();
    const reload = vi.fn();
    renderWithDb(<DatabaseBanner db={here} reload={reload} />);
    expect(screen.queryByRole('alert')).toBeNull();

    // A newer Threadline in another tab opens the next schema version.
    const newer = new Dexie('tl-banner-outdated');
    for (const v of SCHEMA_VERSIONS) newer.version(v.version).stores(v.stores);
    newer.version(CURRENT_VERSION + 1).stores({ extra: 'key' });
    await act(() => newer.open());
    expect((await screen.findByRole('alert')).textContent).toContain(t('db.outdated'));
    await userEvent.click(screen.getByRole('button', { name: t('db.reload') }));
    expect(reload).toHaveBeenCalledOnce();

    const write = mutate(here, (w) => w.put('settings', { key: 'teamDomains', value: ['x.io'], updatedAt: 1 }, ['value']));
    const error = await write.then(() => undefined, (e: unknown) => e);
    expect(describeError(error)).toEqual([t('errors.dbClosed')]);
    expect(await newer.table('settings').get('teamDomains')).toBeUndefined();
    newer.close();
  });

  it('an older page holding the database open: the banner says close it, then goes away once it does', async () => {
    // The older page: schema v1, and (unlike Threadline) it does not close when asked to.
    const older = new Dexie('tl-banner-blocked');
    older.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    names.push('tl-banner-blocked');
    await older.open();
    older.backendDB().onversionchange = null;

    const here = new ThreadlineDB('tl-banner-blocked');
    renderWithDb(<DatabaseBanner db={here} />);
    const opening = here.open();
    expect((await screen.findByRole('alert')).textContent).toContain(t('db.blocked'));
    expect(screen.queryByRole('button')).toBeNull();

    await act(async () => {
      older.close();
      await opening;
    });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(here.verno).toBe(CURRENT_VERSION);
    here.close();
  });

  it('a write made while the database was closed under the page is not reported as saved', async () => {
    const here = fresh('tl-closed-write');
    await here.open();
    here.close();
    await expect(createRecordIn(here)).rejects.toSatisfy((e: unknown) => describeError(e)[0] === t('errors.dbClosed'));
  });
});

/** A write on an explicitly closed database (Dexie refuses it: DatabaseClosedError). */
function createRecordIn(target: ThreadlineDB) {
  return mutate(target, (w) => w.put('settings', { key: 'teamDomains', value: [], updatedAt: 1 }, ['value']));
}
