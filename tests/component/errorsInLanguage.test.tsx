import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordForm } from '../../components/crm/RecordForm';
import { FolderDialog } from '../../components/crm/FolderDialog';
import { PipelineDialog } from '../../components/crm/PipelineDialog';
import { FIELD_SETTINGS_EDITORS } from '../../components/fields/settingsEditors';
import { setLocale, t } from '../../i18n';
import { loadFolderSchema } from '../../storage/folders/schema';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { db, resetDb } from '../support/db';
import { renderWithDb } from '../support/render';
import { render } from '@testing-library/react';
import { AutomationEntry } from '../../components/automations/AutomationEntry';
import type { ActivityOf } from '../../storage/model/entities';

/**
 * Storage's refusals reach a Spanish or Italian screen in that language, naming what the person
 * typed into: the field, the stage, the formula. Nothing English in between.
 */
const { contacts } = PRESET_FOLDER_IDS;

/** The alert's sentences (ErrorAlert lists them under "Not saved:"). */
async function alertText(): Promise<string[]> {
  const alert = await screen.findByRole('alert');
  return within(alert).getAllByRole('listitem').map((li) => li.textContent ?? '');
}

beforeEach(resetDb);
afterEach(() => setLocale('en'));

describe('refusals in the user’s language', () => {
  it('an invalid email in a record form, in Italian, names the field and the address', async () => {
    setLocale('it');
    const schema = await loadFolderSchema(db, contacts);
    const first = schema.fields.find((f) => f.id === 'fc_firstName')!;
    const emails = schema.fields.find((f) => f.id === 'fc_emails')!;
    renderWithDb(<RecordForm schema={schema} onSaved={() => {}} submitLabel="Crea" />);
    fireEvent.change(screen.getByLabelText(new RegExp(`^${first.label}`)), { target: { value: 'Niccolò' } });
    fireEvent.change(screen.getByLabelText(new RegExp(`^${emails.label}`)), { target: { value: 'niccolo@esempio' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crea' }));
    expect(await alertText()).toEqual([`${emails.label}: «niccolo@esempio» non è un indirizzo email`]);
    expect(await db.records.where('folderId').equals(contacts).count()).toBe(0);
  });

  it('a missing mandatory field, in Spanish, says so in Spanish', async () => {
    setLocale('es');
    const schema = await loadFolderSchema(db, contacts);
    const first = schema.fields.find((f) => f.id === 'fc_firstName')!;
    renderWithDb(<RecordForm schema={schema} onSaved={() => {}} submitLabel="Crear" />);
    fireEvent.click(screen.getByRole('button', { name: 'Crear' }));
    expect(await alertText()).toContain(`${first.label} es obligatorio`);
  });

  it('a folder without a name, in Spanish', async () => {
    setLocale('es');
    renderWithDb(<FolderDialog onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: t('views.folder.create') }));
    expect(await alertText()).toEqual(['El nombre de la carpeta es obligatorio.']);
    expect(await db.folders.count()).toBe(4);
  });

  it('a stage probability out of range, in Italian, names the stage', async () => {
    setLocale('it');
    const pipelines = await db.pipelines.toArray();
    renderWithDb(<PipelineDialog pipelines={pipelines} initialId={DEFAULT_PIPELINE_ID} onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText(t('views.pipeline.probability', { n: 2 })), { target: { value: '140' } });
    fireEvent.click(screen.getByRole('button', { name: t('common.save') }));
    expect(await alertText()).toEqual([`La probabilità della fase 2 deve essere al massimo ${(100).toLocaleString('it')}.`]);
    expect((await db.pipelines.get(DEFAULT_PIPELINE_ID))!.stages[1]!.probability).not.toBe(140);
  });

  it('a formula that does not parse, in Spanish, points at the character, as it is typed', async () => {
    setLocale('es');
    const schema = await loadFolderSchema(db, PRESET_FOLDER_IDS.deals);
    const field = schema.fields.find((f) => f.type === 'formula')!;
    const Editor = FIELD_SETTINGS_EDITORS.formula!;
    renderWithDb(<Editor field={field} setup={{ settings: { expression: 'amount ^ 2' } }} folderFields={schema.fields} onChange={() => {}} />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Error en la fórmula: tiene un «^» inesperado en la posición 8'));
  });

  it('an automation that changed nothing says why in the reader’s language; an old English reason is not shown', () => {
    const entry = (effect: ActivityOf<'automation'>['effect']): ActivityOf<'automation'> => ({
      id: 'act_1', kind: 'automation', recordIds: ['r'], at: 1, createdAt: 1, updatedAt: 1, ruleId: 'rule_1', ruleName: 'Caliente',
      trigger: { kind: 'stageEntered', record: 'Piloto', stage: 'Propuesta' }, effect,
    });
    setLocale('es');
    const { container, rerender } = render(<AutomationEntry activity={entry({ kind: 'failed', record: 'Piloto', message: 'Priority is not one of the options', issue: { label: 'Prioridad', code: 'unknownOption' } })} />);
    expect(container).toHaveTextContent('Piloto: sin cambios (Prioridad no es una de las opciones)');
    rerender(<AutomationEntry activity={entry({ kind: 'failed', record: 'Piloto', message: 'Priority is not one of the options' })} />);
    expect(container).toHaveTextContent('Piloto: sin cambios');
    expect(container).not.toHaveTextContent('Priority');
  });
});
