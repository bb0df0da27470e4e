import { beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../../storage/activities/activities';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import type { Activity } from '../../storage/model/entities';
import { loadClosedStageChanges } from '../../storage/reports/closedHistory';
import { loadReportActivities, loadReportData, loadReportDeals, loadReportPeople, loadReportRecords } from '../../storage/reports/load';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const change = (id: string, recordId: string, to: string, at: number): Activity =>
  ({ id, recordIds: [recordId], at, createdAt: at, updatedAt: at, kind: 'stageChange', fieldId: 'fd_stage', from: stage('negotiation'), to: stage(to) }) as Activity;
const note = (id: string, recordId: string, at: number): Activity =>
  ({ id, recordIds: [recordId], at, createdAt: at, updatedAt: at, kind: 'note', body: 'later' }) as Activity;

describe('the reports page loads in two parts', () => {
  beforeEach(resetDb);

  it('the records part reads no activities; the activities part reads the period only', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_owner: 'ana' });
    await createRecord(db, deals, { fd_name: 'Open', fd_stage: stage('new'), fd_owner: 'bo' });
    await addNote(db, [ana.id], 'hello');
    const won = await createRecord(db, deals, { fd_name: 'Won', fd_stage: stage('won'), fd_mainContact: [ana.id] });
    const records = await loadReportRecords(db);
    expect(records.activities).toEqual([]);
    expect(records.deals.map((d) => d.title).sort()).toEqual(['Open', 'Won']);
    expect(records.ownerOf.get(ana.id)).toBe('ana');
    // Top customers' titles: the won deals' customers only, read by id.
    expect([...records.customerTitles!]).toEqual([[ana.id, 'Ana']]);
    expect(records.deals.find((d) => d.id === won.id)?.mainContactId).toBe(ana.id);
    expect((await loadReportActivities(db, {})).activities.map((a) => a.kind)).toContain('note');
    expect((await loadReportActivities(db, { from: '2000-01-01', to: '2000-01-31' })).activities).toEqual([]);
    const both = await loadReportData(db, {});
    expect(both.activities.some((a) => a.kind === 'note')).toBe(true);
    expect(both.ownerOf.get(ana.id)).toBe('ana');
  });

  it('the deals part reads no contacts and the people part no deals, so the deal reports never wait for 50,000 contacts', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_owner: 'ana', fc_lifecycleStage: 'lead' });
    const deal = await createRecord(db, deals, { fd_name: 'Open', fd_stage: stage('new'), fd_owner: 'bo' });
    const dealsPart = await loadReportDeals(db);
    expect(dealsPart.contacts).toEqual([]);
    expect(dealsPart.deals.map((d) => d.title)).toEqual(['Open']);
    expect(dealsPart.ownerOf.get(deal.id)).toBe('bo');
    expect(dealsPart.ownerOf.has(ana.id)).toBe(false);
    expect(dealsPart.lifecycleStages.map((o) => o.id)).toContain('lead');
    const people = await loadReportPeople(db);
    expect(people.contacts.map((c) => c.id)).toEqual([ana.id]);
    expect(people.ownerOf.get(ana.id)).toBe('ana');
    expect(people.ownerOf.has(deal.id)).toBe(false);
  });

  // With 0 extra notes the closed deals' few activities are read at once; with 20 each deal's history is walked.
  it.each([0, 20])('a closed deal closes at its latest change into its current stage, whatever came after it (%i more notes)', async (more) => {
    const won = await createRecord(db, deals, { fd_name: 'Won', fd_stage: stage('won') });
    const lost = await createRecord(db, deals, { fd_name: 'Lost', fd_stage: stage('lost') });
    const open = await createRecord(db, deals, { fd_name: 'Open', fd_stage: stage('new') });
    // Only this history: not the stage changes the write path logged at creation.
    await db.activities.clear();
    await db.activities.bulkPut([
      change('s1', won.id, 'won', 1_000),
      change('s2', won.id, 'negotiation', 2_000),
      change('s3', won.id, 'won', 3_000),
      note('n1', won.id, 4_000),
      change('s4', lost.id, 'won', 5_000),
      change('s5', lost.id, 'lost', 1_500),
      change('s6', open.id, 'won', 6_000),
      ...Array.from({ length: more }, (_, i) => note(`m${i}`, i % 2 ? won.id : lost.id, 10_000 + i)),
    ]);
    const records = await loadReportRecords(db);
    const closedAt = Object.fromEntries(records.deals.map((d) => [d.title, d.closedAt]));
    expect(closedAt).toEqual({ Won: 3_000, Lost: 1_500, Open: undefined });
    const found = await loadClosedStageChanges(db, records.deals);
    // Stage changes only (the notes are never returned), the closing ones among them.
    expect(found.map((a) => a.id)).toEqual(expect.arrayContaining(['s3', 's5']));
    expect(found.every((a) => a.kind === 'stageChange')).toBe(true);
  });
});
