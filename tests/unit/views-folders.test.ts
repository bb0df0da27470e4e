import { beforeEach, describe, expect, it } from 'vitest';
import {
  bulkDeleteRecords, bulkUpdateRecords, createFolder, createView, deleteFolder, deleteView, FolderError, updateFolder, updateView,
} from '../../storage/folders/folders';
import { addField } from '../../storage/fields/fieldsAdmin';
import { createPipeline, deletePipeline, PipelineError, updatePipeline } from '../../storage/pipelines/pipelines';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { RecordValidationError } from '../../storage/model/recordSchema';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, deals } = PRESET_FOLDER_IDS;

describe('folders', () => {
  beforeEach(resetDb);

  it('a new workspace has the seeded example views under their folders', async () => {
    const names = (await db.views.toArray()).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['Leads created this week', 'Deals closing this month', 'Inactive deals (no activity 30 days)']));
  });

  it('creates a custom folder with a title field and an "All" view, records work in it, all through the outbox', async () => {
    await shareWorkspace();
    const before = await db.outbox.count();
    const folder = await createFolder(db, { name: 'Partners', icon: 'handshake' });
    expect(folder.kind).toBe('custom');
    const fields = await db.fields.where('folderId').equals(folder.id).toArray();
    expect(fields.map((f) => [f.label, f.mandatory])).toEqual([['Name', true]]);
    expect(folder.titleFieldIds).toEqual([fields[0]!.id]);
    expect((await db.views.where('folderId').equals(folder.id).toArray()).map((v) => v.name)).toEqual(['All partners']);
    expect(await db.outbox.count()).toBe(before + 3);
    const r = await createRecord(db, folder.id, { [fields[0]!.id]: 'Acme Partners' });
    expect(r.title).toBe('Acme Partners');
  });

  it('renames and changes the icon; refuses an empty name', async () => {
    const folder = await createFolder(db, { name: 'Partners', icon: 'handshake' });
    await updateFolder(db, folder.id, { name: 'Resellers', icon: 'store' });
    expect(await db.folders.get(folder.id)).toMatchObject({ name: 'Resellers', icon: 'store' });
    // An icon is a name of the set, never an emoji or markup.
    for (const icon of ['🏪', '<b>', 'not-an-icon']) {
      await expect(updateFolder(db, folder.id, { icon })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'folderIcon' } });
      await expect(createFolder(db, { name: 'Other', icon })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'folderIcon' } });
    }
    expect((await db.folders.get(folder.id))?.icon).toBe('store');
    expect((await createFolder(db, { name: 'Plain', icon: '' })).icon).toBe('folder');
    await expect(updateFolder(db, folder.id, { name: '  ' })).rejects.toThrow(FolderError);
    await expect(createFolder(db, { name: '', icon: '' })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'folderName', issue: 'required' } });
    await expect(updateFolder(db, folder.id, { name: 'x'.repeat(121) })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'folderName', issue: 'tooLong', max: 120 } });
  });

  it('deletes a custom folder with its records, fields and views; built-in folders stay', async () => {
    const folder = await createFolder(db, { name: 'Partners', icon: 'handshake' });
    const [nameField] = await db.fields.where('folderId').equals(folder.id).toArray();
    const p = await createRecord(db, folder.id, { [nameField!.id]: 'P1' });
    const deal = await createRecord(db, deals, { fd_name: 'D', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' } });
    expect(await deleteFolder(db, folder.id)).toEqual({ deletedRecords: 1 });
    expect(await db.records.get(p.id)).toBeUndefined();
    expect(await db.records.get(deal.id)).toBeDefined();
    expect(await db.fields.where('folderId').equals(folder.id).count()).toBe(0);
    expect(await db.views.where('folderId').equals(folder.id).count()).toBe(0);
    await expect(deleteFolder(db, contacts)).rejects.toThrow(/built-in/);
  });

  it('refuses to delete a folder that another folder links to, naming the field', async () => {
    const folder = await createFolder(db, { name: 'Partners', icon: 'handshake' });
    await addField(db, deals, { label: 'Partner', type: 'link', settings: { targetFolderId: folder.id } });
    await expect(deleteFolder(db, folder.id)).rejects.toThrow(/Partner \(Deals\)/);
    expect(await db.folders.get(folder.id)).toBeDefined();
  });
});

describe('saved views', () => {
  beforeEach(resetDb);

  it('saves a named filter + sort + columns + layout, updates and deletes it', async () => {
    const view = await createView(db, contacts, {
      name: 'Spanish leads', layout: 'list', columns: ['fc_firstName', 'fc_emails'],
      sort: [{ fieldId: 'fc_firstName', direction: 'asc' }], filters: [{ fieldId: 'fc_emails', op: 'contains', value: '.es' }],
    });
    expect((await db.views.get(view.id))?.filters).toEqual([{ fieldId: 'fc_emails', op: 'contains', value: '.es' }]);
    await updateView(db, view.id, { name: 'Leads in Spain', layout: 'board', boardFieldId: 'fc_lifecycleStage' });
    expect(await db.views.get(view.id)).toMatchObject({ name: 'Leads in Spain', layout: 'board', boardFieldId: 'fc_lifecycleStage' });
    await deleteView(db, view.id);
    expect(await db.views.get(view.id)).toBeUndefined();
  });

  it('refuses fields of another folder and operators the field type does not have', async () => {
    const base = { name: 'x', layout: 'list' as const, columns: [], sort: [] };
    await expect(createView(db, contacts, { ...base, filters: [{ fieldId: 'fd_amount', op: 'gt', value: 1 }] })).rejects.toMatchObject({ code: 'viewUnknownFields', params: { view: 'x', count: 1 } });
    await expect(createView(db, contacts, { ...base, filters: [{ fieldId: 'fc_firstName', op: 'gt', value: 1 }] })).rejects.toMatchObject({ code: 'viewBadFilter', params: { op: 'gt', field: 'First name' } });
  });
});

describe('bulk edit and delete', () => {
  beforeEach(resetDb);

  it('applies one patch to many records, all or nothing, naming the record at fault', async () => {
    const a = await createRecord(db, contacts, { fc_firstName: 'A' });
    const b = await createRecord(db, contacts, { fc_firstName: 'B' });
    await bulkUpdateRecords(db, [a.id, b.id], { fc_leadStatus: 'open' });
    expect((await db.records.bulkGet([a.id, b.id])).map((r) => r?.values.fc_leadStatus)).toEqual(['open', 'open']);
    const err = await bulkUpdateRecords(db, [a.id, b.id], { fc_leadStatus: 'open', fc_firstName: undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordValidationError);
    expect((err as Error).message).toContain('A: First name is required');
    await bulkDeleteRecords(db, [a.id, b.id]);
    expect(await db.records.count()).toBe(0);
  });
});

describe('pipelines', () => {
  beforeEach(resetDb);

  it('creates several pipelines, renames, edits stages', async () => {
    const p = await createPipeline(db, 'Partnerships');
    expect(p.stages.map((s) => s.name)).toEqual(['New', 'In progress', 'Won', 'Lost']);
    const next = await updatePipeline(db, p.id, { name: 'Partners', stages: [...p.stages.slice(0, 2), { name: 'Signed', probability: 100, color: '#00aa00', outcome: 'won' }] });
    expect(next.name).toBe('Partners');
    expect(next.stages.map((s) => s.name)).toEqual(['New', 'In progress', 'Signed']);
    expect(await db.pipelines.count()).toBe(2);
  });

  it('refuses to remove a stage or a pipeline that deals are in, and the last pipeline', async () => {
    await createRecord(db, deals, { fd_name: 'D', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' } });
    const sales = (await db.pipelines.get(DEFAULT_PIPELINE_ID))!;
    await expect(updatePipeline(db, sales.id, { stages: sales.stages.filter((s) => s.id !== 'proposal') })).rejects.toThrow(/1 record\(s\) are in stage "Proposal"/);
    await expect(deletePipeline(db, sales.id)).rejects.toThrow(PipelineError);
    const other = await createPipeline(db, 'Other');
    await deletePipeline(db, other.id);
    await expect(updatePipeline(db, sales.id, { stages: [] })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'stages', issue: 'emptyList' } });
    const renamed = sales.stages.map((s, i) => (i === 1 ? { ...s, name: '' } : s));
    await expect(updatePipeline(db, sales.id, { stages: renamed })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'stageName', n: 2, issue: 'required' } });
    const far = sales.stages.map((s, i) => (i === 2 ? { ...s, probability: 140 } : s));
    await expect(updatePipeline(db, sales.id, { stages: far })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'stageProbability', n: 3, issue: 'tooBig', max: 100 } });
  });
});
