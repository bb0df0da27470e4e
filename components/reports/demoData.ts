import { logEmail } from '../../storage/activities/activities';
import type { ThreadlineDB } from '../../storage/db/db';
import { activitySchema, type Activity } from '../../storage/model/entities';
import { newId } from '../../storage/model/ids';
import { mutate } from '../../storage/write/mutate';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { isoDay } from '../../storage/reports/period';
import { t, type PlainKey } from '../../i18n';

const DAY = 86_400_000;
const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });

/** Campaigns by key: Expo Madrid is a name, the others are worded in the page's language. */
type Campaign = 'expo' | 'spring' | 'radio';
const campaignName = (c: Campaign) => (c === 'expo' ? 'Expo Madrid 2026' : t(c === 'spring' ? 'demo.data.campaignSpring' : 'demo.data.campaignRadio'));
type Person = [first: string, last: string, email: string, company: number, owner: string, source: string, campaign: Campaign | undefined, lifecycle: string, lead: string];
const COMPANIES = [
  ['Acme Iberia', 'acme.es'],
  ['Globex Italia', 'globex.it'],
  ['Initech', 'initech.com'],
  ['Umbrella Retail', 'umbrella-retail.com'],
] as const;
const PEOPLE: Person[] = [
  ['Lucía', 'García', 'lucia@acme.es', 0, 'Ana', 'tradeFair', 'expo', 'customer', 'openDeal'],
  ['Javier', 'Moreno', 'javier@acme.es', 0, 'Ana', 'tradeFair', 'expo', 'opportunity', 'inProgress'],
  ['Giulia', 'Rossi', 'giulia@globex.it', 1, 'Marco', 'webForm', 'spring', 'customer', 'openDeal'],
  ['Matteo', 'Ferrari', 'matteo@globex.it', 1, 'Marco', 'webForm', 'spring', 'qualifiedLead', 'open'],
  ['Peter', 'Gibbons', 'peter@initech.com', 2, 'Ana', 'advertising', 'radio', 'lead', 'new'],
  ['Samir', 'Nagheenanajar', 'samir@initech.com', 2, 'Marco', 'advertising', 'radio', 'opportunity', 'inProgress'],
  ['Alice', 'Abernathy', 'alice@umbrella-retail.com', 3, 'Ana', 'referral', undefined, 'customer', 'openDeal'],
  ['Carlos', 'Oliveira', 'carlos@umbrella-retail.com', 3, 'Marco', 'coldOutreach', undefined, 'subscriber', 'new'],
  ['Elena', 'Bruno', 'elena@globex.it', 1, 'Marco', 'tradeFair', 'expo', 'lead', 'new'],
];
type DealSeed = [company: string, what: PlainKey, person: number, amount: number | undefined, currency: string, stage: string, startDaysAgo: number, closeInDays: number | undefined, finalStage?: 'won' | 'lost'];
const DEALS: DealSeed[] = [
  ['Acme', 'demo.data.dealRollout', 0, 24_000, 'EUR', 'negotiation', 90, -5, 'won'],
  ['Acme', 'demo.data.dealSupport', 1, 6_000, 'EUR', 'proposal', 40, 25],
  ['Globex', 'demo.data.dealPilot', 2, 12_500, 'EUR', 'negotiation', 70, -10, 'won'],
  ['Globex', 'demo.data.dealExpansion', 3, 30_000, 'EUR', 'qualified', 20, 60],
  ['Initech', 'demo.data.dealTps', 4, 8_000, 'USD', 'new', 10, 75],
  ['Initech', 'demo.data.dealMigration', 5, 15_000, 'USD', 'negotiation', 55, 14],
  ['Umbrella', 'demo.data.dealStores', 6, 42_000, 'EUR', 'proposal', 120, -20, 'won'],
  ['Umbrella', 'demo.data.dealKiosks', 7, 9_000, 'EUR', 'qualified', 45, 40, 'lost'],
  ['Globex', 'demo.data.dealTraining', 8, undefined, 'EUR', 'new', 5, undefined],
  ['Acme', 'demo.data.dealAnalytics', 1, 4_500, 'EUR', 'proposal', 30, 45, 'lost'],
];

/** An activity written with its real time in the past (the helpers stamp "now"), through the write path. */
async function backdated(db: ThreadlineDB, list: Activity[]) {
  await mutate(db, async (w) => {
    for (const a of list) await w.put('activities', activitySchema.parse(a), Object.keys(a));
  });
}

function pastActivities(now: number, contactIds: string[], dealIds: string[]): Activity[] {
  const out: Activity[] = [];
  const at = (daysAgo: number) => now - daysAgo * DAY - 3_600_000;
  const base = (recordIds: string[], daysAgo: number) => ({ id: newId('act'), recordIds, at: at(daysAgo), createdAt: at(daysAgo), updatedAt: at(daysAgo) });
  for (let i = 0; i < 24; i++) {
    const c = contactIds[i % contactIds.length]!;
    const d = dealIds[i % dealIds.length]!;
    const daysAgo = (i * 37) % 42;
    if (i % 3 === 0) out.push({ ...base([d, c], daysAgo), kind: 'call', body: t('demo.data.call'), outcome: i % 2 ? 'connected' : 'leftVoicemail' });
    else if (i % 3 === 1) out.push({ ...base([c], daysAgo), kind: 'meeting', title: t('demo.data.meeting'), body: '' });
    else out.push({ ...base([d], daysAgo), kind: 'note', body: t('demo.data.note') });
    if (i % 4 === 0) out.push({ ...base([c], daysAgo + 3), updatedAt: at(daysAgo), kind: 'task', title: t('demo.data.task'), done: true });
  }
  return out;
}

/**
 * A small, believable workspace for trying the reports (and for end-to-end tests): companies,
 * contacts from three campaigns, deals in every stage (three won, two lost), and six weeks of
 * history. Everything goes through the write path, so it syncs like real work.
 */
export async function seedDemoWorkspace(db: ThreadlineDB, now = Date.now()): Promise<{ contactIds: string[]; dealIds: string[] }> {
  const companyIds: string[] = [];
  for (const [name, domain] of COMPANIES) companyIds.push((await createRecord(db, companies, { fo_name: name, fo_domain: domain })).id);
  const contactIds: string[] = [];
  for (const [first, last, email, company, owner, source, campaign, lifecycle, lead] of PEOPLE) {
    const values = { fc_firstName: first, fc_lastName: last, fc_emails: [email], fc_company: [companyIds[company]!], fc_owner: owner, fc_source: source, fc_lifecycleStage: lifecycle, fc_leadStatus: lead };
    contactIds.push((await createRecord(db, contacts, campaign ? { ...values, fc_campaign: campaignName(campaign) } : values)).id);
  }
  // One birthday coming up, for the reminders.
  await updateRecord(db, contactIds[1]!, { fc_birthday: `1988-${isoDay(now + 3 * DAY).slice(5)}` });
  const dealIds: string[] = [];
  // The lost deals say why (preset option ids of the Lost reason field), so the win-rate section has reasons to show.
  const lostReasons = ['competitor', 'price'];
  for (const [companyName, what, person, amount, currency, st, startDaysAgo, closeInDays, final] of DEALS) {
    const name = `${companyName} — ${t(what)}`;
    const [, , , company, owner] = PEOPLE[person]!;
    const deal = await createRecord(db, deals, {
      fd_name: name,
      fd_stage: stage(st),
      fd_owner: owner,
      fd_mainContact: [contactIds[person]!],
      fd_company: [companyIds[company]!],
      fd_startDate: isoDay(now - startDaysAgo * DAY),
      ...(amount === undefined ? {} : { fd_amount: { amount, currency } }),
      ...(closeInDays === undefined ? {} : { fd_expectedClose: isoDay(now + closeInDays * DAY) }),
    });
    if (final) await updateRecord(db, deal.id, { fd_stage: stage(final), ...(final === 'lost' ? { fd_lostReason: lostReasons.shift() } : {}) });
    dealIds.push(deal.id);
  }
  for (let i = 0; i < PEOPLE.length; i++) {
    const [first, last, email] = PEOPLE[i]!;
    await logEmail(
      db,
      { threadId: `demo-thread-${i}`, messageId: `demo-msg-${i}`, direction: 'received', from: { name: `${first} ${last}`, email }, to: [], cc: [], subject: t('demo.data.subject'), snippet: t('demo.data.snippet'), date: now - ((i * 5) % 35) * DAY },
      [contactIds[i]!],
    );
  }
  await backdated(db, pastActivities(now, contactIds, dealIds));
  return { contactIds, dealIds };
}

