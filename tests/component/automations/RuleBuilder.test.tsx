import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../i18n';
import { AutomationsPage } from '../../../components/automations/AutomationsPage';
import type { AutomationRule } from '../../../storage/model/automationRules';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { deals } = PRESET_FOLDER_IDS;
const stage = (stageId: string) => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId });
const storedRules = async () => ((await db.settings.get('automations'))?.value ?? []) as AutomationRule[];

describe('the rule builder', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });
  afterEach(() => setLocale('en'));

  it('starts from the trade-fair example, previews the deals it would act on, saves, pauses, and its run log shows a firing', async () => {
    const fair = await createRecord(db, deals, { fd_name: 'Fiera Milano', fd_stage: stage('proposal'), fd_source: 'tradeFair', fd_amount: { amount: 15_000, currency: 'EUR' } });
    await createRecord(db, deals, { fd_name: 'Small stand', fd_stage: stage('proposal'), fd_source: 'tradeFair', fd_amount: { amount: 3_000, currency: 'EUR' } });
    const later = await createRecord(db, deals, { fd_name: 'Bologna expo', fd_stage: stage('new'), fd_source: 'tradeFair', fd_amount: { amount: 40_000, currency: 'EUR' } });
    renderWithDb(<AutomationsPage />);

    await userEvent.selectOptions(await screen.findByLabelText('Start from an example'), 'rules.example.tradeFair');
    const form = await screen.findByRole('form', { name: 'New rule' });
    expect(within(form).getByLabelText('Stage')).toHaveValue(`${DEFAULT_PIPELINE_ID}/proposal`);
    expect(within(form).getByLabelText('Condition 2: value')).toHaveValue(10_000);
    expect(within(form).getByLabelText('Task title')).toHaveValue('Follow up on {{record.title}}');

    await userEvent.click(within(form).getByRole('button', { name: 'Preview: which records would it act on now?' }));
    const preview = await within(form).findByRole('status');
    expect(preview).toHaveTextContent('Records in that state now: 1 (of 3 checked)');
    expect(within(preview).getByRole('link', { name: 'Fiera Milano' })).toHaveAttribute('href', `#/record/${fair.id}`);
    // The preview changes nothing: no task, no run.
    expect((await db.activities.toArray()).filter((a) => a.kind === 'task' || a.kind === 'automation')).toEqual([]);

    await userEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    const card = await screen.findByRole('article', { name: 'Trade-fair proposals' });
    expect(within(card).getByText('On')).toBeInTheDocument();
    const [saved] = await storedRules();
    expect(saved).toMatchObject({ kind: 'custom', enabled: true, trigger: { on: 'stageEntered', stageId: 'proposal' } });

    await userEvent.click(within(card).getByRole('button', { name: 'Run log' }));
    expect(await within(card).findByText('It has not run yet.')).toBeInTheDocument();
    await updateRecord(db, later.id, { fd_stage: stage('proposal') });
    expect(await within(card).findByText(/Bologna expo: task “Follow up on Bologna expo” created/)).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Pause' }));
    await waitFor(async () => expect((await storedRules())[0]?.enabled).toBe(false));
    expect(await within(card).findByText('Paused')).toBeInTheDocument();
  });

  it('refuses, in Spanish, a blank task title and a blank condition, and saves nothing', async () => {
    setLocale('es');
    renderWithDb(<AutomationsPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Nueva regla' }));
    const form = await screen.findByRole('form', { name: 'Nueva regla' });
    await userEvent.type(within(form).getByLabelText('Nombre de la regla'), 'Prueba');
    await userEvent.click(within(form).getByRole('button', { name: 'Añadir una condición' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Guardar regla' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/necesita un valor|obligatori/);
    expect(await storedRules()).toEqual([]);
  });

  it('builds "lead status becomes Unqualified → Subscriber" from a blank rule with the keyboard and labelled controls', async () => {
    renderWithDb(<AutomationsPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    const form = await screen.findByRole('form', { name: 'New rule' });
    await userEvent.type(within(form).getByLabelText('Rule name'), 'Unqualified leads');
    await userEvent.selectOptions(within(form).getByLabelText('In the folder'), PRESET_FOLDER_IDS.contacts);
    await userEvent.selectOptions(within(form).getByLabelText('What happens'), 'fieldChanged');
    await userEvent.selectOptions(within(form).getByLabelText('Field'), 'fc_leadStatus');
    await userEvent.click(within(form).getByLabelText('Only when it becomes'));
    await userEvent.selectOptions(within(form).getByLabelText('Value it becomes'), 'unqualified');
    await userEvent.selectOptions(within(form).getByLabelText('Action 1: what'), 'setField');
    const action = within(form).getByRole('group', { name: 'Action 1' });
    await userEvent.selectOptions(within(action).getByLabelText('Field'), 'fc_lifecycleStage');
    await userEvent.selectOptions(within(action).getByLabelText('Value'), 'subscriber');
    within(form).getByRole('button', { name: 'Save rule' }).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('article', { name: 'Unqualified leads' });
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_leadStatus: 'open', fc_lifecycleStage: 'lead' });
    await updateRecord(db, ana.id, { fc_leadStatus: 'unqualified' });
    expect((await db.records.get(ana.id))?.values.fc_lifecycleStage).toBe('subscriber');
  });
});
