import { beforeEach, describe, expect, it } from 'vitest';
import { addField, changeFieldType, deleteField, FieldAdminError, reorderFields, updateField } from '../../storage/fields/fieldsAdmin';
import { createView } from '../../storage/folders/folders';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord, updateRecord } from '../../storage/write/records';
import { RecordValidationError } from '../../storage/model/recordSchema';
import { db, resetDb, shareWorkspace } from '../support/db';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const values = async (id: string) => (await db.records.get(id))!.values;

describe('field administration', () => {
  beforeEach(resetDb);

  it('adds a mandatory field that the write path then enforces, naming it', async () => {
    const field = await addField(db, contacts, { label: 'Customer ID', type: 'text', mandatory: true });
    expect(field.key).toBe('customerID');
    const err = await createRecord(db, contacts, { fc_firstName: 'Ana' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordValidationError);
    expect((err as Error).message).toContain('Customer ID is required');
    await createRecord(db, contacts, { fc_firstName: 'Ana', [field.id]: 'C-1' });
  });

  it('gives each field a unique key and keeps it across renames', async () => {
    const a = await addField(db, contacts, { label: 'Position', type: 'text' });
    expect(a.key).toBe('position2');
    const renamed = await updateField(db, a.id, { label: 'Role' });
    expect(renamed).toMatchObject({ label: 'Role', key: 'position2' });
  });

  it('rejects a formula that does not parse or uses a non-number, with the reason', async () => {
    const refusal = (expression: string) => addField(db, deals, { label: 'Bad', type: 'formula', settings: { expression } });
    await expect(refusal('amount * (')).rejects.toMatchObject({ code: 'formulaSetup', params: { field: 'Bad', issue: 'formulaEndsEarly' }, message: 'The formula of Bad ends too early' });
    await expect(refusal('amount * name')).rejects.toMatchObject({ code: 'formulaSetup', params: { field: 'Bad', issue: 'formulaNotNumber', key: 'name' } });
    await expect(refusal('amount * nope')).rejects.toMatchObject({ code: 'formulaSetup', params: { field: 'Bad', issue: 'formulaUnknownKey', key: 'nope' } });
    await expect(refusal('')).rejects.toMatchObject({ code: 'formulaSetup', params: { issue: 'formulaEmpty' } });
    const ok = await addField(db, deals, { label: 'Net', type: 'formula', settings: { expression: 'amount * 0.8' } });
    expect(ok.mandatory).toBe(false);
  });

  it('needs a target folder for links and a statistic for statistics', async () => {
    await expect(addField(db, deals, { label: 'L', type: 'link' })).rejects.toThrow(FieldAdminError);
    await expect(addField(db, deals, { label: 'L', type: 'link' })).rejects.toMatchObject({ code: 'fieldSetup', params: { field: 'L', issue: 'needsLinkFolder' } });
    await expect(addField(db, deals, { label: 'S', type: 'statistic' })).rejects.toMatchObject({ code: 'fieldSetup', params: { field: 'S', issue: 'needsStatistic' } });
    await expect(addField(db, deals, { label: '', type: 'text' })).rejects.toMatchObject({ code: 'invalidInput', params: { subject: 'fieldLabel', issue: 'required' } });
  });

  it('reorders and hides fields', async () => {
    const all = await db.fields.where('folderId').equals(companies).sortBy('order');
    await reorderFields(db, companies, [all[2]!.id, all[0]!.id]);
    const after = await db.fields.where('folderId').equals(companies).sortBy('order');
    expect(after.slice(0, 3).map((f) => f.id)).toEqual([all[2]!.id, all[0]!.id, all[1]!.id]);
    await updateField(db, all[1]!.id, { hidden: true });
    expect((await db.fields.get(all[1]!.id))!.hidden).toBe(true);
  });

  it('refuses to remove a dropdown option that records use', async () => {
    await createRecord(db, contacts, { fc_firstName: 'A', fc_leadStatus: 'open' });
    const field = (await db.fields.get('fc_leadStatus'))!;
    await expect(updateField(db, field.id, { options: field.options!.filter((o) => o.id !== 'open') })).rejects.toMatchObject({ code: 'optionsInUse', params: { count: 1, options: '"Open"' } });
    await updateField(db, field.id, { options: field.options!.map((o) => (o.id === 'new' ? { ...o, color: '#123456' } : o)) });
    expect((await db.fields.get(field.id))!.options!.find((o) => o.id === 'new')!.color).toBe('#123456');
  });

  it('deletes a field with its values and removes it from views; refuses title and formula inputs', async () => {
    const r = await createRecord(db, contacts, { fc_firstName: 'A', fc_campaign: 'Spring' });
    const view = await createView(db, contacts, { name: 'v', layout: 'list', columns: ['fc_campaign', 'fc_firstName'], sort: [{ fieldId: 'fc_campaign', direction: 'asc' }], filters: [{ fieldId: 'fc_campaign', op: 'contains', value: 'x' }] });
    expect(await deleteField(db, 'fc_campaign')).toEqual({ clearedRecords: 1 });
    expect(await values(r.id)).not.toHaveProperty('fc_campaign');
    expect(await db.views.get(view.id)).toMatchObject({ columns: ['fc_firstName'], sort: [], filters: [] });
    await expect(deleteField(db, 'fc_firstName')).rejects.toMatchObject({ code: 'titleField', params: { field: 'First name', folder: 'Contacts' } });
    await expect(deleteField(db, 'fd_probability')).rejects.toMatchObject({ code: 'formulaUsesField', params: { field: 'Probability', formulas: 'Weighted amount' } });
  });
});

describe('changing a field type', () => {
  beforeEach(resetDb);

  it('converts what converts, reports and keeps what does not, in one transaction', async () => {
    const field = await addField(db, contacts, { label: 'Score', type: 'text' });
    const good = await createRecord(db, contacts, { fc_firstName: 'Good', [field.id]: '1.234,5' });
    const bad = await createRecord(db, contacts, { fc_firstName: 'Bad', [field.id]: 'very high' });
    const none = await createRecord(db, contacts, { fc_firstName: 'None' });
    const report = await changeFieldType(db, field.id, 'number');
    expect(report.converted).toBe(1);
    expect(report.failed).toEqual([{ recordId: bad.id, title: 'Bad', oldText: 'very high', code: 'notANumber', params: { value: 'very high' } }]);
    expect((await values(good.id))[field.id]).toBe(1234.5);
    const kept = (await db.fields.get(report.preservedFieldId!))!;
    expect(kept).toMatchObject({ label: 'Score (old value)', type: 'longText' });
    expect((await values(bad.id))).toMatchObject({ [kept.id]: 'very high' });
    expect((await values(bad.id))).not.toHaveProperty(field.id);
    expect(await values(none.id)).not.toHaveProperty(kept.id);
    expect((await db.fields.get(field.id))!.type).toBe('number');
    // The converted records still pass the write path's validation.
    await updateRecord(db, good.id, { fc_lastName: 'X' });
  });

  it('text to dropdown creates one option per distinct value (accents and case folded)', async () => {
    const a = await createRecord(db, contacts, { fc_firstName: 'A', fc_campaign: 'Feria' });
    const b = await createRecord(db, contacts, { fc_firstName: 'B', fc_campaign: 'feria' });
    await createRecord(db, contacts, { fc_firstName: 'C', fc_campaign: 'Web' });
    const report = await changeFieldType(db, 'fc_campaign', 'dropdown');
    expect(report).toMatchObject({ converted: 3, failed: [], createdOptions: 2 });
    const field = (await db.fields.get('fc_campaign'))!;
    expect(field.options!.map((o) => o.label)).toEqual(['Feria', 'Web']);
    expect((await values(a.id)).fc_campaign).toBe((await values(b.id)).fc_campaign);
  });

  it('text naming records converts to a link; unknown names are reported', async () => {
    const acme = await createRecord(db, companies, { fo_name: 'Acmé' });
    const field = await addField(db, contacts, { label: 'Employer', type: 'text' });
    const a = await createRecord(db, contacts, { fc_firstName: 'A', [field.id]: 'acme' });
    await createRecord(db, contacts, { fc_firstName: 'B', [field.id]: 'Nobody Inc' });
    const report = await changeFieldType(db, field.id, 'link', { settings: { targetFolderId: companies } });
    expect(report.converted).toBe(1);
    expect(report.failed[0]).toMatchObject({ title: 'B', code: 'notALinkedRecord', params: { value: 'Nobody Inc' } });
    const rec = (await db.records.get(a.id))!;
    expect(rec.values[field.id]).toEqual([acme.id]);
    expect(rec.linkedIds).toContain(acme.id);
  });

  it('to a computed type nothing is stored: every value is kept and reported; view filters that no longer fit are reported', async () => {
    await createRecord(db, deals, { fd_name: 'D', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, fd_product: 'Pro' });
    await createView(db, deals, { name: 'Pro deals', layout: 'list', columns: [], sort: [], filters: [{ fieldId: 'fd_product', op: 'contains', value: 'Pro' }] });
    const report = await changeFieldType(db, 'fd_product', 'formula', { settings: { expression: 'amount * 2' } });
    expect(report.converted).toBe(0);
    expect(report.failed).toHaveLength(1);
    expect(report.removedFilters).toEqual([{ viewName: 'Pro deals', op: 'contains' }]);
  });

  it('a refused type change writes nothing', async () => {
    // Shared: the outbox count below would prove nothing in the local workspace, which queues none.
    await shareWorkspace();
    await createRecord(db, contacts, { fc_firstName: 'A', fc_campaign: 'x' });
    const outbox = await db.outbox.count();
    await expect(changeFieldType(db, 'fc_campaign', 'link')).rejects.toMatchObject({ code: 'fieldSetup', params: { issue: 'needsLinkFolder' } });
    await expect(changeFieldType(db, 'fc_firstName', 'number')).rejects.toThrow(/title/);
    expect(await db.outbox.count()).toBe(outbox);
    expect((await db.fields.get('fc_campaign'))!.type).toBe('text');
  });
});
