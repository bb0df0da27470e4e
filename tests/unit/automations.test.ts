import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { logEmail, type EmailToLog } from '../../storage/activities/activities';
import { saveAutomationRules, AutomationRuleError } from '../../storage/automations/store';
import type { AutomationRule } from '../../storage/model/automationRules';
import type { Activity, ActivityOf } from '../../storage/model/entities';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const history = async (id: string) => (await db.activities.where('recordIds').equals(id).toArray()).sort((a, b) => a.at - b.at);
const runs = async (id: string) => (await history(id)).filter((a): a is ActivityOf<'automation'> => a.kind === 'automation');

const rule = (over: Partial<AutomationRule> & Pick<AutomationRule, 'kind'>): AutomationRule =>
  ({ id: `rule_${over.kind}_${Math.random().toString(36).slice(2, 8)}`, name: 'Rule', enabled: true, ...over }) as AutomationRule;

const email = (from: string, direction: 'received' | 'sent' = 'received'): EmailToLog => ({
  threadId: 't1', messageId: `m_${Math.random()}`, direction, from: { name: '', email: from }, to: [], cc: [], subject: 'Hi', snippet: '', date: Date.now(),
});

describe('automations', () => {
  beforeEach(resetDb);

  it('deal enters a stage → a task is created on it, with its due date, in the same write', async () => {
    await shareWorkspace();
    await saveAutomationRules(db, [
      rule({ kind: 'stageEntered', name: 'Proposal follow-up', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal', action: { kind: 'createTask', title: 'Call about the proposal', dueInDays: 2 } }),
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('new') });
    expect((await history(deal.id)).some((a) => a.kind === 'task')).toBe(false);
    const before = Date.now();
    await updateRecord(db, deal.id, { fd_stage: stage('proposal') });
    const task = (await history(deal.id)).find((a): a is ActivityOf<'task'> => a.kind === 'task');
    expect(task).toMatchObject({ title: 'Call about the proposal', done: false });
    expect(task!.due! - before).toBeGreaterThanOrEqual(2 * 86_400_000);
    const [run] = await runs(deal.id);
    expect(run).toMatchObject({ ruleName: 'Proposal follow-up', trigger: { kind: 'stageEntered', record: 'Pilot', stage: 'Proposal' }, effect: { kind: 'createTask', title: 'Call about the proposal' } });
    // The run and its task travel with the stage change to sync.
    const docs = (await db.outbox.toArray()).map((e) => e.docId);
    expect(docs).toEqual(expect.arrayContaining([task!.id, run!.id]));
  });

  it('deal enters a stage → a field is set', async () => {
    await saveAutomationRules(db, [
      rule({ kind: 'stageEntered', name: 'Hot', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'negotiation', action: { kind: 'setField', fieldId: 'fd_priority', value: 'high' } }),
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Big one', fd_stage: stage('negotiation') });
    expect((await db.records.get(deal.id))?.values.fd_priority).toBe('high');
    expect((await runs(deal.id))[0]?.effect).toEqual({ kind: 'setField', record: 'Big one', field: 'Priority', value: 'High' });
  });

  it('deal won → its main contact becomes a customer, and both histories say why', async () => {
    await saveAutomationRules(db, [rule({ kind: 'dealWon', name: 'Won deals make customers' })]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lifecycleStage: 'opportunity' });
    const deal = await createRecord(db, deals, { fd_name: 'Acme pilot', fd_stage: stage('negotiation'), fd_mainContact: [ana.id] });
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('opportunity');
    await updateRecord(db, deal.id, { fd_stage: stage('won') });
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('customer');
    const [run] = await runs(ana.id);
    expect(run).toMatchObject({
      ruleName: 'Won deals make customers',
      trigger: { kind: 'dealWon', record: 'Acme pilot' },
      effect: { kind: 'setField', record: 'Ana', field: 'Lifecycle stage', value: 'Customer' },
    });
    expect(run!.recordIds.sort()).toEqual([ana.id, deal.id].sort());
  });

  it('deal won never moves an evangelist back to customer, and a deal without a main contact does nothing', async () => {
    await saveAutomationRules(db, [rule({ kind: 'dealWon' })]);
    const eve = await createRecord(db, contacts, { fc_firstName: 'Eve', fc_lifecycleStage: 'evangelist' });
    await createRecord(db, deals, { fd_name: 'Again', fd_stage: stage('won'), fd_mainContact: [eve.id] });
    await createRecord(db, deals, { fd_name: 'Orphan', fd_stage: stage('won') });
    expect((await db.records.get(eve.id))?.values.fc_lifecycleStage).toBe('evangelist');
    expect(await db.activities.filter((a) => a.kind === 'automation').count()).toBe(0);
  });

  it('email logged from a contact whose lead status is "new" → "open"; sent mail and other statuses are left alone', async () => {
    await saveAutomationRules(db, [rule({ kind: 'emailFromNewLead', name: 'New leads who write are open' })]);
    const lead = await createRecord(db, contacts, { fc_firstName: 'Lea', fc_emails: ['lea@acme.io'], fc_leadStatus: 'new' });
    const busy = await createRecord(db, contacts, { fc_firstName: 'Bo', fc_emails: ['bo@acme.io'], fc_leadStatus: 'inProgress' });
    await logEmail(db, email('lea@acme.io', 'sent'), [lead.id]);
    expect((await db.records.get(lead.id))?.values.fc_leadStatus).toBe('new');
    await logEmail(db, email('LEA@acme.io'), [lead.id, busy.id]);
    expect((await db.records.get(lead.id))?.values.fc_leadStatus).toBe('open');
    expect((await runs(lead.id))[0]).toMatchObject({ trigger: { kind: 'emailFromNewLead', record: 'Lea' }, effect: { field: 'Lead status', value: 'Open' } });
    await logEmail(db, email('bo@acme.io'), [busy.id]);
    expect((await db.records.get(busy.id))?.values.fc_leadStatus).toBe('inProgress');
  });

  it('a rule cannot trigger itself in a loop: two rules moving a deal back and forth each fire once', async () => {
    await saveAutomationRules(db, [
      rule({ kind: 'stageEntered', id: 'r_ping', name: 'Ping', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal', action: { kind: 'setField', fieldId: 'fd_stage', value: stage('negotiation') } }),
      rule({ kind: 'stageEntered', id: 'r_pong', name: 'Pong', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'negotiation', action: { kind: 'setField', fieldId: 'fd_stage', value: stage('proposal') } }),
    ]);
    const deal = await createRecord(db, deals, { fd_name: 'Loop', fd_stage: stage('new') });
    await updateRecord(db, deal.id, { fd_stage: stage('proposal') });
    expect((await db.records.get(deal.id))?.values.fd_stage).toEqual(stage('proposal'));
    expect((await runs(deal.id)).map((r) => r.ruleId).sort()).toEqual(['r_ping', 'r_pong']);
    const moves = (await history(deal.id)).filter((a): a is ActivityOf<'stageChange'> => a.kind === 'stageChange').map((a) => a.to.stageId);
    expect(moves).toEqual(['new', 'proposal', 'negotiation', 'proposal']);
    // A later, separate change is a new transaction: the rules may fire again.
    await updateRecord(db, deal.id, { fd_stage: stage('new') });
    await updateRecord(db, deal.id, { fd_stage: stage('proposal') });
    expect(await runs(deal.id)).toHaveLength(4);
  });

  it('a run whose change became invalid is recorded as failed and the user’s own change still saves', async () => {
    await saveAutomationRules(db, [
      rule({ kind: 'stageEntered', name: 'Hot', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal', action: { kind: 'setField', fieldId: 'fd_priority', value: 'high' } }),
    ]);
    // Someone removes the "high" option after the rule was saved.
    const priority = (await db.fields.get('fd_priority'))!;
    await db.fields.put({ ...priority, options: priority.options!.filter((o) => o.id !== 'high') });
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('proposal') });
    expect((await db.records.get(deal.id))?.values.fd_stage).toEqual(stage('proposal'));
    expect((await runs(deal.id))[0]?.effect).toMatchObject({ kind: 'failed', message: expect.stringMatching(/Priority/), issue: { label: 'Priority', code: 'unknownOption' } });
  });

  it('when the triggering write fails, the automation’s changes are rolled back with it', async () => {
    await shareWorkspace();
    await saveAutomationRules(db, [rule({ kind: 'dealWon' })]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lifecycleStage: 'lead' });
    const deal = await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('proposal'), fd_mainContact: [ana.id] });
    const original = db.outbox.add.bind(db.outbox);
    // Fail the very last write of the transaction, the automation's history entry: by then the
    // contact has been updated by the rule.
    const spy = vi.spyOn(db.outbox, 'add').mockImplementation((entry) =>
      entry.changed.includes('ruleId') ? Dexie.Promise.reject(new Error('disk full')) : original(entry),
    );
    // Records are queued in bulk (putMany): watch those appends too.
    const bulk = vi.spyOn(db.outbox, 'bulkAdd');
    let written: string[] = [];
    try {
      await expect(updateRecord(db, deal.id, { fd_stage: stage('won') })).rejects.toThrow('disk full');
      written = [...spy.mock.calls.map(([e]) => e), ...bulk.mock.calls.flatMap(([es]) => [...es])].map((e) => `${e.table}:${e.docId}`);
    } finally {
      spy.mockRestore();
      bulk.mockRestore();
    }
    expect(written).toContain(`records:${ana.id}`);
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('lead');
    expect((await db.records.get(deal.id))?.values.fd_stage).toEqual(stage('proposal'));
    expect(await db.activities.filter((a: Activity) => a.kind === 'automation').count()).toBe(0);
  });

  it('disabled rules do not run', async () => {
    await saveAutomationRules(db, [rule({ kind: 'dealWon', enabled: false })]);
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lifecycleStage: 'lead' });
    await createRecord(db, deals, { fd_name: 'Pilot', fd_stage: stage('won'), fd_mainContact: [ana.id] });
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('lead');
  });

  it.each([
    ['a rule without a name', [{ id: 'r', name: ' ', enabled: true, kind: 'dealWon' }], /name/],
    ['an unknown kind', [{ id: 'r', name: 'X', enabled: true, kind: 'whenever' }], /Rule 1 is of a kind this version of Threadline does not know/],
    ['a stage that does not exist', [rule({ kind: 'stageEntered', name: 'Gone', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'nope', action: { kind: 'createTask', title: 'x' } })], /“Gone”: the stage no longer exists/],
    ['a computed field', [rule({ kind: 'stageEntered', name: 'W', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won', action: { kind: 'setField', fieldId: 'fd_weightedAmount', value: 3 } })], /Weighted amount is computed/],
    ['a contact field', [rule({ kind: 'stageEntered', name: 'C', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won', action: { kind: 'setField', fieldId: 'fc_leadStatus', value: 'open' } })], /choose a deal field/],
    ['a value the field refuses', [rule({ kind: 'stageEntered', name: 'P', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won', action: { kind: 'setField', fieldId: 'fd_priority', value: 'urgent' } })], /Priority is not one of the options/],
  ])('refuses %s with a specific error and keeps the saved rules', async (_what, rules, message) => {
    const kept = await saveAutomationRules(db, [rule({ kind: 'dealWon', name: 'Kept' })]);
    await expect(saveAutomationRules(db, rules)).rejects.toThrow(AutomationRuleError);
    await expect(saveAutomationRules(db, rules)).rejects.toThrow(message);
    expect((await db.settings.get('automations'))?.value).toEqual(kept);
  });
});
