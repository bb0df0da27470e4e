import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../i18n';
import { AutomationsPage } from '../../../components/automations/AutomationsPage';
import { Timeline } from '../../../components/timeline/Timeline';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord, updateRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

describe('automations page', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('adds a "won deal makes a customer" rule that then runs, and the contact’s history says why', async () => {
    renderWithDb(<AutomationsPage />);
    await userEvent.selectOptions(await screen.findByLabelText('Add a ready-made rule:'), 'dealWon');
    await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect((await db.settings.get('automations'))?.value).toMatchObject([{ kind: 'dealWon', name: 'Won deal makes a customer', enabled: true }]);

    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lifecycleStage: 'lead' });
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Pilot', fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal' }, fd_mainContact: [ana.id] });
    await updateRecord(db, deal.id, { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' } });
    renderWithDb(<Timeline recordIds={[ana.id]} pipelines={await db.pipelines.toArray()} />);
    const entry = await screen.findByText('Automation “Won deal makes a customer”');
    expect(entry.nextElementSibling).toHaveTextContent('Ana: Lifecycle stage set to Customer · because deal Pilot was won');
  });

  it('a stage rule with a task needs a title: the error names it and nothing is saved', async () => {
    renderWithDb(<AutomationsPage />);
    await userEvent.selectOptions(await screen.findByLabelText('Add a ready-made rule:'), 'stageEntered');
    await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule = screen.getByRole('group', { name: 'Deal enters a stage' });
    await userEvent.selectOptions(within(rule).getByLabelText('When a deal enters'), `${DEFAULT_PIPELINE_ID}/proposal`);
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The task title of rule 1 is required.');
    expect(await db.settings.get('automations')).toBeUndefined();
    await userEvent.type(within(rule).getByLabelText('Task'), 'Send the proposal');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(async () => expect((await db.settings.get('automations'))?.value).toMatchObject([{ stageId: 'proposal', action: { kind: 'createTask', title: 'Send the proposal' } }]));
  });

  it('a "set a field" rule edits its value with the field’s own editor', async () => {
    renderWithDb(<AutomationsPage />);
    await userEvent.selectOptions(await screen.findByLabelText('Add a ready-made rule:'), 'stageEntered');
    await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule = screen.getByRole('group', { name: 'Deal enters a stage' });
    await userEvent.selectOptions(within(rule).getByLabelText('then'), 'setField');
    await userEvent.selectOptions(within(rule).getByLabelText('Field'), 'fd_priority');
    await userEvent.selectOptions(within(rule).getByLabelText('Value'), 'high');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(async () => expect((await db.settings.get('automations'))?.value).toMatchObject([{ action: { kind: 'setField', fieldId: 'fd_priority', value: 'high' } }]));
  });

  it('a birthday reminder is saved and lists who is due', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const birthday = `1990-${String(soon.getMonth() + 1).padStart(2, '0')}-${String(soon.getDate()).padStart(2, '0')}`;
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Bea', fc_birthday: birthday });
    renderWithDb(<AutomationsPage />);
    // The button stays disabled until the workspace's date fields have loaded.
    const add = await screen.findByRole('button', { name: 'Add reminder' });
    await waitFor(() => expect(add).toBeEnabled());
    await userEvent.click(add);
    await userEvent.click(screen.getByRole('button', { name: 'Save reminders' }));
    const due = await screen.findByRole('list', { name: 'Due now' });
    expect(due).toHaveTextContent(/Bea: Birthday on .* \(in 2 days\)/);
  }, 30_000);
});
