import type { ThreadlineDB } from '../db/db';
import { stableId } from '../model/ids';
import { mutate } from '../write/mutate';
import { isoDayFromToday } from './customActions';
import { runScheduledRules } from './scheduled';
import { loadAutomationRules } from './store';

type Listener<A extends unknown[]> = { addListener(cb: (...args: A) => void): void; removeListener(cb: (...args: A) => void): void };

/** The alarms the background passes (`browser.alarms`); tests a fake. */
export type RuleAlarms = {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  get(name: string): Promise<{ name: string } | undefined>;
  onAlarm: Listener<[{ name: string }]>;
};

export const RULES_ALARM = 'threadline-rules';
const CHECK_MINUTES = 30;
/** This device's last look: the local day and the rules it looked with (local, never synced). */
const LAST_LOOK_KEY = 'rules:lastLook';

/** Looks when the local day or the rules changed since the last look; returns whether it looked. */
export async function lookIfDue(db: ThreadlineDB, now = Date.now()): Promise<boolean> {
  const rules = await loadAutomationRules(db);
  const look = `${isoDayFromToday(now, 0)}|${stableId('rules', JSON.stringify(rules))}`;
  if ((await db.meta.get(LAST_LOOK_KEY))?.value === look) return false;
  await runScheduledRules(db, now);
  await mutate(db, async (w) => void (await w.db.meta.put({ key: LAST_LOOK_KEY, value: look })));
  return true;
}

/**
 * Time-triggered rules in the background: an alarm every half hour asks whether the day (in the
 * device's own time zone, so a trip abroad moves "today" with the rep) or the rules changed.
 * Call synchronously when the background starts, as MV3 needs for listeners.
 */
export function startScheduledRules(db: ThreadlineDB, alarms: RuleAlarms): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const look = () => {
    running = running.then(() => lookIfDue(db)).catch((e: unknown) => console.error('Threadline: scheduled rules', e));
  };
  const onAlarm = ({ name }: { name: string }) => {
    if (name === RULES_ALARM) look();
  };
  alarms.onAlarm.addListener(onAlarm);
  void (async () => {
    if (!(await alarms.get(RULES_ALARM))) await alarms.create(RULES_ALARM, { periodInMinutes: CHECK_MINUTES, delayInMinutes: 1 });
  })();
  look();
  return () => alarms.onAlarm.removeListener(onAlarm);
}
