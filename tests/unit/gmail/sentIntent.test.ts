import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { attachComposeView } from '../../../entrypoints/gmail.content/compose';
import { setLocale } from '../../../i18n';
import type { SentEmail } from '../../../messaging/protocol';
import { linkThread } from '../../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { setSetting } from '../../../storage/settings/settings';
import { answerSentEmail } from '../../../storage/threads/sentEmails';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { FakeComposeView, FakeSdk, settle } from './fakeSdk';
import { startOnFake } from './harness';

/**
 * Sent-mail logging needs the user's intent (issue 20): a script in Gmail's page can make InboxSDK
 * report a `sent` event for any thread, and on a linked thread that alone used to log an email.
 */
const ids = { threadId: 'th-linked', messageId: 'forged-1' };
const compose = () => new FakeComposeView({ from: { name: 'Me', emailAddress: 'me@team.io' }, to: [{ name: 'Ana', emailAddress: 'ana@acme.es' }], subject: 'Quote', text: 'Here it is' });
const box = (view: FakeComposeView) => view.statusBars[0]!.el.querySelector<HTMLInputElement>('input[type=checkbox]')!;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  setLocale('en');
});

describe('the background', () => {
  beforeEach(resetDb);
  const email: SentEmail = { ...ids, from: { name: 'Me', email: 'me@team.io' }, to: [{ name: 'Ana', email: 'ana@acme.es' }], cc: [], subject: 'Forged', snippet: 'Forged', date: 1 };

  it('logs nothing for a sent event, even on a linked thread of a workspace that auto-logs; the user’s request logs', async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Quote', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'new' } });
    await linkThread(db, ids.threadId, deal.id);
    await setSetting(db, 'autoLogLinkedThreads', true);
    const before = await db.activities.count();

    expect(await answerSentEmail(db, { type: 'threadline/email-sent', email })).toEqual({ logged: false, recordCount: 2 });
    expect(await db.activities.count()).toBe(before);

    expect(await answerSentEmail(db, { type: 'threadline/log-sent-email', email })).toEqual({ logged: true, recordCount: 2 });
    expect((await db.activities.get('email_forged-1'))?.recordIds.sort()).toEqual([ana.id, deal.id].sort());
  });
});

describe('the compose view', () => {
  it('has an unticked "Log to Threadline when sent" box, in the user’s language', () => {
    // Gmail's page language: the content script's words follow the browser's.
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-ES', 'es']);
    const { sdk } = startOnFake();
    const view = compose();
    sdk.openCompose(view);
    expect(view.statusBars).toHaveLength(1);
    expect(view.statusBars[0]!.el.textContent).toBe('Registrar en Threadline al enviar');
    expect(box(view).checked).toBe(false);
  });

  it('only asks the background for an offer when the box was not ticked by the user, whatever a page script clicks', async () => {
    const { sdk, sent } = startOnFake(() => ({ logged: false, recordCount: 2 }));
    const view = compose();
    sdk.openCompose(view);
    // A page script's click: synthetic (isTrusted false), so it is undone and does not count;
    // nor does setting the box's state, which Gmail's page shares.
    box(view).click();
    expect(box(view).checked).toBe(false);
    box(view).checked = true;
    view.send(ids);
    await settle();
    expect(sent().map((m) => m.type)).toEqual(['threadline/email-sent']);
    expect(sdk.butterMessages.map((b) => b.message.text)).toEqual(['Log this email to 2 Threadline records?']);
  });

  it('logs on sending when the user ticked the box, and not after they unticked it', async () => {
    fakeBrowser.reset();
    const sdk = new FakeSdk();
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ logged: true, recordCount: 1 })) as never);
    const deps = { butterBar: sdk.ButterBar, userEmail: () => 'me@team.io', signal: new AbortController().signal, isUserAction: () => true };
    const ticked = compose();
    attachComposeView(ticked, deps);
    box(ticked).click();
    ticked.send(ids);
    const unticked = compose();
    attachComposeView(unticked, deps);
    box(unticked).click();
    box(unticked).click();
    unticked.send({ ...ids, messageId: 'm2' });
    await settle();
    const calls = sendMessage.mock.calls.map((c) => c[0] as unknown as { type: string; email: SentEmail });
    expect(calls.map((m) => [m.type, m.email.messageId])).toEqual([
      ['threadline/log-sent-email', 'forged-1'],
      ['threadline/email-sent', 'm2'],
    ]);
    expect(sdk.butterMessages[0]?.message.text).toBe('Logged to Threadline');
  });

  it('removes its box when the content script is invalidated', () => {
    const { sdk, controller } = startOnFake();
    const view = compose();
    sdk.openCompose(view);
    controller.abort();
    expect(view.statusBars[0]!.destroyed).toBe(true);
  });
});
