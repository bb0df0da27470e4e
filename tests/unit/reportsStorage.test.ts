import { beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../../storage/activities/activities';
import { saveReminderRules, AutomationRuleError } from '../../storage/automations/store';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { toCsv } from '../../storage/reports/csv';
import { createDrillView, drillTargets, viewHref } from '../../storage/reports/drilldown';
import { loadReportData } from '../../storage/reports/load';
import { pipelineByStage } from '../../storage/reports/pipeline';
import { dueDateReminders } from '../../storage/reminders/dateReminders';
import { winRates } from '../../storage/reports/winRate';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });

describe('reports over the database', () => {
  beforeEach(resetDb);

  it('loads deals with their close time from the stage history written by the write path', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_owner: 'ana', fc_source: 'tradeFair' });
    const won = await createRecord(db, deals, { fd_name: 'Won', fd_stage: stage('proposal'), fd_amount: { amount: 10, currency: 'USD' }, fd_owner: 'ana', fd_mainContact: [ana.id] });
    await createRecord(db, deals, { fd_name: 'Open', fd_stage: stage('new'), fd_owner: 'ana' });
    const before = Date.now();
    await updateRecord(db, won.id, { fd_stage: stage('won') });
    await addNote(db, [ana.id], 'met at the fair');
    const data = await loadReportData(db, {});
    const fact = data.deals.find((d) => d.id === won.id)!;
    expect(fact).toMatchObject({ outcome: 'won', owner: 'ana', mainContactId: ana.id, amount: { amount: 10, currency: 'USD' } });
    expect(fact.closedAt).toBeGreaterThanOrEqual(before);
    expect(data.deals.find((d) => d.title === 'Open')?.closedAt).toBeUndefined();
    expect(data.contacts).toEqual([expect.objectContaining({ id: ana.id, source: 'tradeFair', owner: 'ana' })]);
    expect(data.ownerOf.get(ana.id)).toBe('ana');
    expect(data.activities.some((a) => a.kind === 'note')).toBe(true);
    expect(winRates(data, { period: {} }).byOwner).toMatchObject([{ key: 'ana', won: 1, lost: 0, wonAmount: { USD: 10 } }]);
    expect(pipelineByStage(data, { period: {} }).filter((r) => r.count).map((r) => r.stageId)).toEqual(['new', 'won']);
  });

  it('an empty workspace loads and reports nothing', async () => {
    const data = await loadReportData(db, { from: '2026-01-01', to: '2026-12-31' });
    expect(data.deals).toEqual([]);
    expect(data.lifecycleStages.map((o) => o.id)).toContain('customer');
    expect(pipelineByStage(data, { period: {} }).every((r) => r.count === 0)).toBe(true);
  });

  it('a drill-down is a saved list view filtered on the record ids, reused when drilled again', async () => {
    await shareWorkspace();
    const a = await createRecord(db, deals, { fd_name: 'A', fd_stage: stage('new') });
    const b = await createRecord(db, deals, { fd_name: 'B', fd_stage: stage('new') });
    const id = await createDrillView(db, deals, 'Report: New', [b.id, a.id, a.id]);
    const view = await db.views.get(id);
    expect(view).toMatchObject({ folderId: deals, name: 'Report: New', layout: 'list', sort: [], filters: [{ fieldId: '_id', op: 'in', value: [a.id, b.id].sort() }] });
    expect(view?.columns).toEqual((await db.views.get('view_deals_all'))?.columns);
    expect((await db.outbox.toArray()).some((e) => e.table === 'views' && e.docId === id)).toBe(true);
    expect(await createDrillView(db, deals, 'Report: New', [a.id, b.id])).toBe(id);
    expect(viewHref(id)).toBe(`dashboard.html#/view/${id}`);
  });

  it('drill targets split the records behind a figure by folder, largest first', async () => {
    const c = await createRecord(db, contacts, { fc_firstName: 'C' });
    const d1 = await createRecord(db, deals, { fd_name: 'D1', fd_stage: stage('new') });
    const d2 = await createRecord(db, deals, { fd_name: 'D2', fd_stage: stage('new') });
    expect((await drillTargets(db, [c.id, d1.id, d2.id, 'gone'])).map((t) => [t.folderName, t.count])).toEqual([['Deals', 2], ['Contacts', 1]]);
  });

  it('reminder rules are validated and list what is due today', async () => {
    await expect(saveReminderRules(db, [{ id: 'r', name: 'X', folderId: contacts, fieldId: 'fc_firstName', daysBefore: 3, yearly: true, enabled: true }])).rejects.toThrow(AutomationRuleError);
    await saveReminderRules(db, [{ id: 'r', name: 'Birthdays', folderId: contacts, fieldId: 'fc_birthday', daysBefore: 3, yearly: true, enabled: true }]);
    const now = new Date(2026, 10, 24, 9, 0);
    await createRecord(db, contacts, { fc_firstName: 'Soon', fc_birthday: '1990-11-26' });
    await createRecord(db, contacts, { fc_firstName: 'Later', fc_birthday: '1990-12-26' });
    expect((await dueDateReminders(db, now)).map((r) => [r.title, r.daysLeft])).toEqual([['Soon', 2]]);
  });
});

describe('CSV export of a report table', () => {
  it('quotes as needed and defuses spreadsheet formulas', () => {
    const csv = toCsv([{ header: 'Campaign', value: (r: { c: string; n: number }) => r.c }, { header: 'Deals', value: (r) => r.n }], [
      { c: '=HYPERLINK("x")', n: -3 },
      { c: 'Expo, 2026', n: 2 },
    ]);
    expect(csv.split('\r\n')).toEqual(['Campaign,Deals', `"'=HYPERLINK(""x"")",-3`, '"Expo, 2026",2']);
  });
});
