import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, logEmail, type EmailToLog } from '../../../storage/activities/activities';
import { logCall } from '../../../storage/activities/log';
import { MAX_AUTOMATION_DEPTH } from '../../../storage/automations/run';
import { AutomationRuleError, saveAutomationRules } from '../../../storage/automations/store';
import { dryRunRule } from '../../../storage/automations/dryRun';
import { ruleRunLog } from '../../../storage/automations/runLog';
import type { CustomRule } from '../../../storage/automations/customTriggers';
import { addField } from '../../../storage/fields/fieldsAdmin';
import { createView } from '../../../storage/folders/folders';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ActivityOf } from '../../../storage/model/entities';
import type { Field } from '../../../storage/model/field';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { applyRemote, type RemoteDoc } from '../../../sync/applyRemote';
import { encodeHlc } from '../../../storage/replica/hlc';
import type { DocState } from '../../../storage/replica/merge';
import { toUnits } from '../../../storage/replica/units';
import { db, resetDb, shareWorkspace } from '../../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const activities = async (id: string) => (await db.activities.where('recordIds').equals(id).toArray()).sort((a, b) => a.createdAt - b.createdAt);
const runs = async (id: string) => (await activities(id)).filter((a): a is ActivityOf<'automation'> => a.kind === 'automation');
const tasks = async (id: string) => (await activities(id)).filter((a): a is ActivityOf<'task'> => a.kind === 'task');

let n = 0;
const custom = (over: Partial<CustomRule> & Pick<CustomRule, 'trigger' | 'actions'>): CustomRule => ({
  id: `rule_c${++n}`,
  name: `Rule ${n}`,
  enabled: true,
  kind: 'custom',
  conditions: { match: 'all', list: [] },
  ...over,
});

/** The first example: trade-fair deals over 10,000 entering Proposal. */
const tradeFair = (): CustomRule =>
  custom({
    name: 'Trade fair proposals',
    trigger: { on: 'stageEntered', folderId: deals, ...stage('proposal') },
    conditions: {
      match: 'all',
      list: [
        { target: 'record', fieldId: 'fd_source', op: 'is', value: 'tradeFair' },
        { target: 'record', fieldId: 'fd_amount', op: 'gt', value: 10_000 },
      ],
    },
    actions: [
      { do: 'createTask', title: 'Call {{record.title}} about the proposal', dueInDays: 2, owner: 'recordOwner' },
      { do: 'setField', fieldId: 'fd_priority', value: 'high' },
    ],
  });

const email = (from: string, direction: 'received' | 'sent' = 'received'): EmailToLog => ({
  threadId: `t_${Math.random()}`, messageId: `m_${Math.random()}`, direction, from: { name: '', email: from }, to: [], cc: [], subject: 'Hi', snippet: '', date: Date.now(),
});

describe('custom rules: triggers, conditions, actions', () => {
  beforeEach(resetDb);

  it('stage entered + all conditions → a task for the owner due in two days and priority High; a smaller deal is skipped and says why', async () => {
    const rule = tradeFair();
    await saveAutomationRules(db, [rule]);
    const big = await createRecord(db, deals, { fd_name: 'Fiera Milano', fd_stage: stage('new'), fd_source: 'tradeFair', fd_amount: { amount: 12_000, currency: 'EUR' }, fd_owner: 'lucia@acme.es' });
    const small = await createRecord(db, deals, { fd_name: 'Stand', fd_stage: stage('new'), fd_source: 'tradeFair', fd_amount: { amount: 5_000, currency: 'EUR' } });
    await updateRecord(db, big.id, { fd_stage: stage('proposal') });
    await updateRecord(db, small.id, { fd_stage: stage('proposal') });

    const [task] = await tasks(big.id);
    expect(task).toMatchObject({ title: 'Call Fiera Milano about the proposal', owner: 'lucia@acme.es', done: false, timed: false });
    const due = new Date(task!.due!);
    const today = new Date();
    expect(new Date(due.getFullYear(), due.getMonth(), due.getDate()).getTime()).toBe(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 2).getTime());
    expect((await db.records.get(big.id))?.values.fd_priority).toBe('high');
    expect((await runs(big.id)).map((r) => r.effect.kind).sort()).toEqual(['createTask', 'setField']);
    expect((await runs(big.id))[0]!.trigger).toMatchObject({ kind: 'custom', on: 'stageEntered', stage: 'Proposal', record: 'Fiera Milano' });

    expect(await tasks(small.id)).toEqual([]);
    expect((await runs(small.id)).map((r) => r.effect)).toEqual([{ kind: 'skipped', record: 'Stand', reason: 'conditions' }]);
    // The rule's run log, newest first, holds both deals' runs and nothing else.
    const log = await ruleRunLog(db, rule.id);
    expect(log.map((r) => r.effect.record).sort()).toEqual(['Fiera Milano', 'Fiera Milano', 'Stand']);
    expect(log.every((r, i) => i === 0 || log[i - 1]!.at >= r.at)).toBe(true);
  });

  it('any-of conditions hold when one does', async () => {
    const rule = tradeFair();
    rule.conditions.match = 'any';
    await saveAutomationRules(db, [rule]);
    const deal = await createRecord(db, deals, { fd_name: 'Referral', fd_stage: stage('new'), fd_source: 'referral', fd_amount: { amount: 50_000, currency: 'EUR' } });
    await updateRecord(db, deal.id, { fd_stage: stage('proposal') });
    expect(await tasks(deal.id)).toHaveLength(1);
  });

  it('a field that becomes a value (and only from a value, when given) sets another; creation is not a change', async () => {
    await saveAutomationRules(db, [
      custom({ trigger: { on: 'fieldChanged', folderId: contacts, fieldId: 'fc_leadStatus', to: 'unqualified' }, actions: [{ do: 'setField', fieldId: 'fc_lifecycleStage', value: 'subscriber' }] }),
      custom({ trigger: { on: 'fieldChanged', folderId: contacts, fieldId: 'fc_leadStatus', from: 'inProgress', to: 'open' }, actions: [{ do: 'clearField', fieldId: 'fc_campaign' }] }),
    ]);
    const born = await createRecord(db, contacts, { fc_firstName: 'Born', fc_leadStatus: 'unqualified', fc_lifecycleStage: 'lead' });
    expect((await db.records.get(born.id))?.values.fc_lifecycleStage).toBe('lead');
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_leadStatus: 'new', fc_lifecycleStage: 'lead', fc_campaign: 'Spring' });
    await updateRecord(db, ana.id, { fc_leadStatus: 'open' });
    expect((await db.records.get(ana.id))?.values.fc_campaign).toBe('Spring');
    await updateRecord(db, ana.id, { fc_leadStatus: 'inProgress' });
    await updateRecord(db, ana.id, { fc_leadStatus: 'open' });
    expect((await db.records.get(ana.id))?.values.fc_campaign).toBeUndefined();
    await updateRecord(db, ana.id, { fc_leadStatus: 'unqualified' });
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('subscriber');
  });

  it("an email from a customer sets the contact's last-touch date to today; a sent one, or one from a lead, does not", async () => {
    const lastTouch = await addField(db, contacts, { label: 'Last touch', type: 'date' });
    await saveAutomationRules(db, [
      custom({
        trigger: { on: 'activityLogged', folderId: contacts, activity: 'emailReceived' },
        conditions: { match: 'all', list: [{ target: 'record', fieldId: 'fc_lifecycleStage', op: 'is', value: 'customer' }] },
        actions: [{ do: 'setDate', fieldId: lastTouch.id, days: 0 }],
      }),
    ]);
    const customer = await createRecord(db, contacts, { fc_firstName: 'Marta', fc_emails: ['marta@cliente.es'], fc_lifecycleStage: 'customer' });
    const lead = await createRecord(db, contacts, { fc_firstName: 'Leo', fc_emails: ['leo@lead.it'], fc_lifecycleStage: 'lead' });
    await logEmail(db, email('marta@cliente.es', 'sent'), [customer.id]);
    expect((await db.records.get(customer.id))?.values[lastTouch.id]).toBeUndefined();
    await logEmail(db, email('leo@lead.it'), [lead.id]);
    expect((await db.records.get(lead.id))?.values[lastTouch.id]).toBeUndefined();
    await logEmail(db, email('marta@cliente.es'), [customer.id]);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect((await db.records.get(customer.id))?.values[lastTouch.id]).toBe(today);
  });

  it('a call with an outcome, and a note, each fire their own rule; conditions read the linked company', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme', fo_industry: 'software' });
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_company: [acme.id] });
    const other = await createRecord(db, contacts, { fc_firstName: 'Bea' });
    await saveAutomationRules(db, [
      custom({
        trigger: { on: 'activityLogged', folderId: contacts, activity: 'call', outcome: 'noAnswer' },
        conditions: { match: 'all', list: [{ target: 'company', fieldId: 'fo_industry', op: 'is', value: 'software' }] },
        actions: [{ do: 'createTask', title: 'Call {{record.title}} again', dueInDays: 1, owner: 'none' }],
      }),
      custom({ trigger: { on: 'activityLogged', folderId: contacts, activity: 'note' }, actions: [{ do: 'setField', fieldId: 'fc_leadStatus', value: 'inProgress' }] }),
    ]);
    await logCall(db, { recordIds: [ana.id], body: '', outcome: 'noAnswer', at: Date.now() });
    await logCall(db, { recordIds: [other.id], body: '', outcome: 'noAnswer', at: Date.now() });
    expect((await tasks(ana.id)).map((t) => t.title)).toEqual(['Call Ana again']);
    expect(await tasks(other.id)).toEqual([]);
    await addNote(db, [other.id], 'Met at the fair');
    expect((await db.records.get(other.id))?.values.fc_leadStatus).toBe('inProgress');
  });

  it('stage left, move to a stage, add a note and link a record', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acme' });
    await saveAutomationRules(db, [
      custom({
        trigger: { on: 'stageLeft', folderId: deals, ...stage('new') },
        actions: [{ do: 'addNote', body: '{{record.title}} left New' }, { do: 'link', fieldId: 'fd_company', recordId: acme.id }],
      }),
      custom({ trigger: { on: 'recordCreated', folderId: deals }, actions: [{ do: 'moveStage', ...stage('qualified') }] }),
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('new') });
    const stored = await db.records.get(deal.id);
    expect(stored?.values.fd_stage).toEqual(stage('qualified'));
    expect(stored?.values.fd_company).toEqual([acme.id]);
    const notes = (await activities(deal.id)).filter((a) => a.kind === 'note');
    expect(notes.map((a) => (a as ActivityOf<'note'>).body)).toEqual(['Pilot left New']);
  });
});

describe('custom rules: safety', () => {
  beforeEach(resetDb);

  it('a rule never re-fires on its own change, and two rules feeding each other stop', async () => {
    await saveAutomationRules(db, [
      custom({ trigger: { on: 'fieldChanged', folderId: deals, fieldId: 'fd_priority' }, actions: [{ do: 'setField', fieldId: 'fd_campaign', value: 'A' }, { do: 'setField', fieldId: 'fd_priority', value: 'low' }] }),
      custom({ trigger: { on: 'fieldChanged', folderId: deals, fieldId: 'fd_campaign' }, actions: [{ do: 'setField', fieldId: 'fd_priority', value: 'medium' }] }),
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Loop', fd_stage: stage('new'), fd_priority: 'high' });
    await updateRecord(db, deal.id, { fd_priority: 'medium' });
    // Rule 1 ran once: its own "low" did not fire it again, and rule 2's "medium" was already so.
    const fired = await runs(deal.id);
    expect(fired.map((r) => [r.ruleName, r.effect.kind])).toEqual([['Rule ' + (n - 1), 'setField'], ['Rule ' + (n - 1), 'setField']]);
    expect((await db.records.get(deal.id))?.values).toMatchObject({ fd_priority: 'low', fd_campaign: 'A' });
  });

  it(`a chain of rules stops at depth ${MAX_AUTOMATION_DEPTH} and the run log says so`, async () => {
    const fields: Field[] = [];
    for (let i = 0; i <= MAX_AUTOMATION_DEPTH + 1; i++) fields.push(await addField(db, deals, { label: `Step ${i}`, type: 'text' }));
    const rules = fields.slice(0, -1).map((field, i) => custom({ trigger: { on: 'fieldChanged', folderId: deals, fieldId: field.id }, actions: [{ do: 'setField', fieldId: fields[i + 1]!.id, value: 'go' }] }));
    await saveAutomationRules(db, rules);
    const deal = await createRecord(db, deals, { fd_name: 'Chain', fd_stage: stage('new') });
    await updateRecord(db, deal.id, { [fields[0]!.id]: 'go' });
    const log = await runs(deal.id);
    expect(log.filter((r) => r.effect.kind === 'setField')).toHaveLength(MAX_AUTOMATION_DEPTH);
    expect(log.filter((r) => r.effect.kind === 'skipped').map((r) => r.effect)).toEqual([{ kind: 'skipped', record: 'Chain', reason: 'depth' }]);
    expect((await db.records.get(deal.id))?.values[fields[MAX_AUTOMATION_DEPTH + 1]!.id]).toBeUndefined();
  });

  it('an action on a record missing a mandatory field is skipped, naming the field; the email is still logged', async () => {
    const marta = await createRecord(db, contacts, { fc_firstName: 'Marta', fc_emails: ['marta@cliente.es'] });
    // Added after Marta was: her record lacks it until someone fills it in.
    await addField(db, contacts, { label: 'VAT number', type: 'text', mandatory: true });
    await saveAutomationRules(db, [
      custom({ trigger: { on: 'activityLogged', folderId: contacts, activity: 'emailReceived' }, actions: [{ do: 'setField', fieldId: 'fc_leadStatus', value: 'open' }] }),
      custom({ trigger: { on: 'activityLogged', folderId: contacts, activity: 'note' }, actions: [{ do: 'clearField', fieldId: 'fc_firstName' }] }),
    ]);
    const { created } = await logEmail(db, email('marta@cliente.es'), [marta.id]);
    expect(created).toBe(true);
    expect((await db.records.get(marta.id))?.values.fc_leadStatus).toBeUndefined();
    expect((await runs(marta.id)).map((r) => r.effect)).toEqual([{ kind: 'skipped', record: 'Marta', reason: 'mandatory', field: 'VAT number' }]);
    await addNote(db, [marta.id], 'hello');
    expect((await runs(marta.id)).map((r) => r.effect).at(-1)).toMatchObject({ kind: 'skipped', reason: 'mandatory' });
    expect((await db.records.get(marta.id))?.values.fc_firstName).toBe('Marta');
  });

  it('a sync change replayed twice fires no rule: rules run only on the device that made the change', async () => {
    await shareWorkspace();
    await saveAutomationRules(db, [custom({ trigger: { on: 'recordCreated', folderId: contacts }, actions: [{ do: 'setField', fieldId: 'fc_leadStatus', value: 'new' }] })]);
    const units = toUnits('records', { id: 'rec_remote', folderId: contacts, values: { fc_firstName: 'Remote' }, stats: {}, createdAt: 1, updatedAt: 1 });
    const stamp = encodeHlc({ ms: 10, counter: 0, device: 'other' });
    const state: DocState = { units, clocks: Object.fromEntries(Object.keys(units).map((u) => [u, stamp])), born: stamp };
    const doc: RemoteDoc = { table: 'records', id: 'rec_remote', state };
    await applyRemote(db, [doc], () => {});
    await applyRemote(db, [doc], () => {});
    expect((await db.records.get('rec_remote'))?.values.fc_leadStatus).toBeUndefined();
    expect(await runs('rec_remote')).toEqual([]);
    // The same rule on this device's own write does fire, once.
    const mine = await createRecord(db, contacts, { fc_firstName: 'Mine' });
    expect((await db.records.get(mine.id))?.values.fc_leadStatus).toBe('new');
    expect(await runs(mine.id)).toHaveLength(1);
  });
});

describe('custom rules: saving and the dry run', () => {
  beforeEach(resetDb);

  it('refuses a blank condition, a gone stage and a value its field does not take, naming them', async () => {
    const blank = tradeFair();
    blank.conditions.list[1]!.value = '';
    await expect(saveAutomationRules(db, [blank])).rejects.toMatchObject({ code: 'ruleConditionIncomplete', params: { field: 'Amount' } });
    const gone = tradeFair();
    gone.trigger = { on: 'stageEntered', folderId: deals, pipelineId: DEFAULT_PIPELINE_ID, stageId: 'nope' };
    await expect(saveAutomationRules(db, [gone])).rejects.toMatchObject({ code: 'ruleStageGone' });
    const bad = tradeFair();
    bad.actions = [{ do: 'setField', fieldId: 'fd_priority', value: 'urgent' }];
    await expect(saveAutomationRules(db, [bad])).rejects.toBeInstanceOf(AutomationRuleError);
    expect(await db.settings.get('automations')).toBeUndefined();
  });

  it('lists the deals a new rule would act on, without switching it on', async () => {
    const rule = tradeFair();
    await createRecord(db, deals, { fd_name: 'In proposal, big', fd_stage: stage('proposal'), fd_source: 'tradeFair', fd_amount: { amount: 20_000, currency: 'EUR' } });
    await createRecord(db, deals, { fd_name: 'In proposal, small', fd_stage: stage('proposal'), fd_source: 'tradeFair', fd_amount: { amount: 2_000, currency: 'EUR' } });
    await createRecord(db, deals, { fd_name: 'Still new', fd_stage: stage('new'), fd_source: 'tradeFair', fd_amount: { amount: 20_000, currency: 'EUR' } });
    const result = await dryRunRule(db, rule);
    expect(result).toMatchObject({ count: 1, scanned: 3 });
    expect(result.sample.map((r) => r.title)).toEqual(['In proposal, big']);
  });
});

describe('custom rules: a view matched for the first time', () => {
  beforeEach(resetDb);

  it('fires when a record comes to match the view, and never again for that record', async () => {
    const view = await createView(db, contacts, { name: 'Customers', layout: 'list', columns: ['fc_firstName'], sort: [], filters: [{ fieldId: 'fc_lifecycleStage', op: 'is', value: 'customer' }] });
    await saveAutomationRules(db, [custom({ trigger: { on: 'matchedView', folderId: contacts, viewId: view.id }, actions: [{ do: 'addNote', body: 'Welcome {{record.title}}' }] })]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lifecycleStage: 'lead' });
    const notes = async () => (await activities(ana.id)).filter((a) => a.kind === 'note');
    expect(await notes()).toEqual([]);
    await updateRecord(db, ana.id, { fc_lifecycleStage: 'customer' });
    expect(await notes()).toHaveLength(1);
    await updateRecord(db, ana.id, { fc_lifecycleStage: 'lead' });
    await updateRecord(db, ana.id, { fc_lifecycleStage: 'customer' });
    expect(await notes()).toHaveLength(1);
  });
});

describe('custom rules: meetings and conditions on the deal', () => {
  beforeEach(resetDb);

  it("a meeting logged with a contact whose open deal is over 10,000 moves that contact's lead status", async () => {
    const { logMeeting } = await import('../../../storage/activities/log');
    await saveAutomationRules(db, [
      custom({
        trigger: { on: 'activityLogged', folderId: contacts, activity: 'meeting' },
        conditions: { match: 'all', list: [{ target: 'deal', fieldId: 'fd_amount', op: 'gt', value: 10_000 }] },
        actions: [{ do: 'setField', fieldId: 'fc_leadStatus', value: 'openDeal' }],
      }),
    ]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_leadStatus: 'open' });
    const bea = await createRecord(db, contacts, { fc_firstName: 'Bea', fc_leadStatus: 'open' });
    await createRecord(db, deals, { fd_name: 'Big', fd_stage: stage('proposal'), fd_amount: { amount: 20_000, currency: 'EUR' }, fd_mainContact: [ana.id] });
    await createRecord(db, deals, { fd_name: 'Small', fd_stage: stage('proposal'), fd_amount: { amount: 2_000, currency: 'EUR' }, fd_mainContact: [bea.id] });
    for (const who of [ana, bea]) await logMeeting(db, { recordIds: [who.id], attendeeIds: [], title: 'Demo', body: '', at: Date.now() });
    expect((await db.records.get(ana.id))?.values.fc_leadStatus).toBe('openDeal');
    expect((await db.records.get(bea.id))?.values.fc_leadStatus).toBe('open');
  });
});
