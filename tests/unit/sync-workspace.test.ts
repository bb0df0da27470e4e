import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, linkThread, logEmail } from '../../storage/activities/activities';
import { createRecord } from '../../storage/write/records';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { clockKey } from '../../storage/replica/clocks';
import { addSyncManifest, firebaseConfig } from '../../sync/config';
import { eraseContact, exportContact } from '../../storage/privacy/gdpr';
import { clearForWorkspace, queueWholeWorkspace } from '../../sync/local';
import { nextBatch } from '../../sync/outbox';
import { setActiveWorkspace } from '../../sync/state';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const CONFIG = { WXT_FIREBASE_API_KEY: 'k', WXT_FIREBASE_AUTH_DOMAIN: 'x.firebaseapp.com', WXT_FIREBASE_PROJECT_ID: 'x', WXT_FIREBASE_APP_ID: '1:2:web:3' };

describe('build configuration', () => {
  it('without Firebase variables the build is local only and asks for no sync permission', () => {
    expect(firebaseConfig({})).toBeUndefined();
    expect(firebaseConfig({ ...CONFIG, WXT_FIREBASE_APP_ID: '' })).toBeUndefined();
    const manifest = { permissions: ['storage'] };
    addSyncManifest(manifest, {}, 'chrome');
    expect(manifest).toEqual({ permissions: ['storage'] });
  });

  it('with them, adds identity and offscreen (Chrome) and the OAuth client', () => {
    const chrome: { permissions: string[]; oauth2?: { client_id: string; scopes: string[] } } = { permissions: ['storage'] };
    addSyncManifest(chrome, { ...CONFIG, WXT_GOOGLE_OAUTH_CLIENT_ID: 'id.apps.googleusercontent.com' }, 'chrome');
    expect(chrome.permissions).toEqual(['storage', 'identity', 'offscreen']);
    expect(chrome.oauth2).toEqual({ client_id: 'id.apps.googleusercontent.com', scopes: ['openid', 'email', 'profile'] });
    const firefox = { permissions: ['storage'] };
    addSyncManifest(firefox, CONFIG, 'firefox');
    expect(firefox.permissions).toEqual(['storage', 'identity']);
  });
});

describe('moving the local workspace into a shared one', () => {
  beforeEach(resetDb);

  it('queues every document, stamped as created now', async () => {
    const rec = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    // The local workspace queues nothing and keeps no clocks: the move stamps and queues it all.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.clocks.count()).toBe(0);
    const total = (await Promise.all(['folders', 'fields', 'views', 'pipelines', 'records'].map((t) => db.table(t).count()))).reduce((a, b) => a + b, 0);
    // As sync/workspaces.ts activates a new workspace: shared first, then the whole upload.
    await setActiveWorkspace(db, { id: 'ws_new', name: 'New', role: 'owner' });
    expect(await queueWholeWorkspace(db)).toBe(total);
    expect(await db.outbox.count()).toBe(total);
    // Presets, written before clocks existed, now carry real stamps.
    const folderClock = await db.clocks.get(clockKey('folders', contacts));
    expect(folderClock?.born).toMatch(/^\d{15}:/);
    const batch = (await nextBatch(db))!;
    expect(batch.docs.find((d) => d.id === rec.id)?.state.units['values.fc_firstName']).toBe('Ana');
  });

  it('joining another workspace empties the local copy and its pending changes', async () => {
    await shareWorkspace(db);
    await createRecord(db, contacts, { fc_firstName: 'Ana' });
    expect(await db.outbox.count()).toBe(1);
    await clearForWorkspace(db);
    expect(await db.records.count()).toBe(0);
    expect(await db.folders.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.clocks.count()).toBe(0);
  });
});

describe('GDPR', () => {
  beforeEach(resetDb);

  async function person() {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.com'] });
    const deal = await createRecord(db, deals, { fd_name: 'Big deal', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_mainContact: [ana.id] });
    await addNote(db, [ana.id], 'Prefers calls');
    await logEmail(db, { threadId: 't1', messageId: 'm1', direction: 'received', from: { name: 'Ana', email: 'ana@acme.com' }, to: [], cc: [], subject: 'Hello', snippet: 'Hi', date: 1 }, [ana.id, deal.id]);
    await linkThread(db, 't1', ana.id);
    return { ana, deal };
  }

  it('exports everything about a contact as JSON, fields named by label', async () => {
    const { ana, deal } = await person();
    const out = await exportContact(db, ana.id);
    expect(out.record.fields).toMatchObject({ 'First name': 'Ana', Emails: ['ana@acme.com'] });
    expect(out.activities.map((a) => a.kind).sort()).toEqual(['email', 'note']);
    expect(out.threadLinks).toHaveLength(1);
    expect(out.linkedFrom).toEqual([{ id: deal.id, title: 'Big deal' }]);
    expect(() => JSON.parse(JSON.stringify(out))).not.toThrow();
  });

  it('erases a contact with its activities and links, as tombstones that keep no values', async () => {
    await shareWorkspace(db);
    const { ana, deal } = await person();
    await db.outbox.clear();
    expect(await eraseContact(db, ana.id)).toEqual({ activities: 2, scrubbed: 0, links: 1, reports: 0, parked: 0 });
    expect(await db.records.get(ana.id)).toBeUndefined();
    expect(await db.activities.count()).toBe(1); // the deal's stage-change history, which never named Ana
    expect((await db.records.get(deal.id))!.values.fd_mainContact).toBeUndefined();
    const tomb = await db.clocks.get(clockKey('records', ana.id));
    expect(tomb?.deleted).toBeDefined();
    expect(tomb?.fields).toEqual({});
    const ops = (await db.outbox.toArray()).map((e) => `${e.op} ${e.table}`).sort();
    expect(ops).toEqual(['delete activities', 'delete activities', 'delete records', 'delete threadLinks', 'put records']);
  });
});
