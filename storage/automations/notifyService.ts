import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import type { ActivityOf } from '../model/entities';
import { readUserDirectory, signedInEmail, LOCAL_ME } from '../workspace/members';
import { mutate } from '../write/mutate';
import { t } from '../../i18n';
import type { ReminderApi } from '../reminders/service';

/** The slice of the extension API the rules' notifications use: the reminders' own (`browser`; tests a fake). */
export type NotifyApi = Pick<ReminderApi, 'notifications' | 'tabs' | 'runtime'>;

const PREFIX = 'threadline-rule:';
const SHOWN_KEY = 'rules:notified';
/** A run older than this when this device first sees it (it was offline, or just joined) stays silent. */
export const NOTIFY_WINDOW_MS = 60 * 60_000;

type Notice = ActivityOf<'automation'> & { effect: { kind: 'notify'; record: string; text: string; owner?: string } };

const isNotice = (a: { kind: string }): a is Notice => a.kind === 'automation' && (a as ActivityOf<'automation'>).effect.kind === 'notify';

/** Whether this device's person is the one to tell: the owner in a shared workspace; anyone here in the local one. */
async function forMe(db: ThreadlineDB, owner: string | undefined): Promise<boolean> {
  if ((await readUserDirectory(db)).kind === 'local') return true;
  const me = await signedInEmail(db);
  return owner === undefined || owner === LOCAL_ME ? false : owner.toLowerCase() === me;
}

/** The notifications due now: recent runs of "notify" actions not shown on this device yet. */
export async function pendingNotices(db: ThreadlineDB, now = Date.now()): Promise<Notice[]> {
  const shown = new Set(z.array(z.string()).catch([]).parse((await db.meta.get(SHOWN_KEY))?.value ?? []));
  const recent = (await db.activities.where('at').above(now - NOTIFY_WINDOW_MS).toArray()).filter(isNotice);
  const out: Notice[] = [];
  for (const notice of recent) if (!shown.has(notice.id) && (await forMe(db, notice.effect.owner))) out.push(notice);
  return out;
}

async function markShown(db: ThreadlineDB, ids: readonly string[]): Promise<void> {
  await mutate(db, async (w) => {
    const before = z.array(z.string()).catch([]).parse((await w.db.meta.get(SHOWN_KEY))?.value ?? []);
    // Bounded: only ids inside the window matter, and a busy hour stays far under this.
    await w.db.meta.put({ key: SHOWN_KEY, value: [...before, ...ids].slice(-1_000) });
  });
}

/** Shows each rule's notification once on the device of the person it is for; a click opens the record. */
export function startRuleNotifications(db: ThreadlineDB, api: NotifyApi): () => void {
  let queue: Promise<unknown> = Promise.resolve();
  const show = () => {
    queue = queue
      .then(async () => {
        const notices = await pendingNotices(db);
        for (const n of notices) {
          await api.notifications.create(`${PREFIX}${n.id}`, {
            type: 'basic', iconUrl: api.runtime.getURL('/icon/128.png'), title: t('rules.notification.title', { rule: n.ruleName }), message: `${n.effect.record}: ${n.effect.text}`, priority: 1,
          });
        }
        if (notices.length) await markShown(db, notices.map((n) => n.id));
      })
      .catch((e: unknown) => console.error('Threadline: rule notifications', e));
  };
  const onClicked = (id: string) => {
    if (!id.startsWith(PREFIX)) return;
    void (async () => {
      const run = await db.activities.get(id.slice(PREFIX.length));
      const recordId = run?.recordIds[0];
      await api.tabs.create({ url: api.runtime.getURL(recordId ? `/dashboard.html#/record/${encodeURIComponent(recordId)}` : '/dashboard.html') });
      await api.notifications.clear(id);
    })();
  };
  api.notifications.onClicked.addListener(onClicked);
  // Any new activity (a run here, or one synced from a teammate's device) re-checks.
  const subscription = liveQuery(() => db.activities.where('at').above(Date.now() - NOTIFY_WINDOW_MS).count()).subscribe({ next: show, error: show });
  return () => {
    subscription.unsubscribe();
    api.notifications.onClicked.removeListener(onClicked);
  };
}
