import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../components/errors';
import { setLocale } from '../../i18n';
import { addNote } from '../../storage/activities/activities';
import { saveCallOutcomes } from '../../storage/activities/callOutcomes';
import { logCall, logMeeting } from '../../storage/activities/log';
import { saveAutomationRules, saveReminderRules } from '../../storage/automations/store';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID } from '../../storage/folders/presets';
import { StorageError } from '../../storage/model/errors';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

/**
 * Schema refusals of everything that is not a record (rules, reminders, calls, meetings, notes,
 * outcome lists) name the part at fault by code, and the page says it in the user's language.
 */
const { contacts } = PRESET_FOLDER_IDS;
const T0 = Date.UTC(2026, 0, 5, 10);

/** The refusal's code and params, and how the page words it in English, Spanish and Italian. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StorageError);
  const { code, params, message } = error as StorageError;
  const words = Object.fromEntries((['en', 'es', 'it'] as const).map((l) => [l, (setLocale(l), describeError(error)[0])]));
  setLocale('en');
  return { code, params, message, ...words } as { code: string; params: Record<string, unknown>; message: string; en: string; es: string; it: string };
}

beforeEach(resetDb);
afterEach(() => setLocale('en'));

describe('schema refusals outside records', () => {
  it('a meeting with a negative duration', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const r = await refusal(logMeeting(db, { recordIds: [ana.id], attendeeIds: [], title: 'Demo', durationMin: -5, body: '', at: T0 }));
    expect(r).toMatchObject({ code: 'invalidInput', params: { subject: 'duration', issue: 'tooSmall', min: 0 } });
    expect(r.en).toBe('The duration must be at least 0.');
    expect(r.es).toBe('La duración debe ser como mínimo 0.');
    expect(r.it).toBe('La durata deve essere almeno 0.');
    // storage's English message (logs) says what the English page says.
    expect(`${r.message}.`).toBe(r.en);
  });

  it('a call about no record', async () => {
    const r = await refusal(logCall(db, { recordIds: [], outcome: 'busy', body: '', at: T0 }));
    expect(r).toMatchObject({ code: 'invalidInput', params: { subject: 'activityRecords', issue: 'emptyList' } });
    expect(r.it).toBe('L’elenco dei record richiede almeno un elemento.');
  });

  it('a call with an outcome the workspace no longer lists', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const r = await refusal(logCall(db, { recordIds: [ana.id], outcome: 'demoDone', body: '', at: T0 }));
    expect(r).toMatchObject({ code: 'invalidInput', params: { subject: 'callOutcome', issue: 'unknownOption', value: 'demoDone' } });
    expect(r.it).toBe('L’esito della chiamata «demoDone» non è una delle opzioni.');
  });

  it('an empty note', async () => {
    const ana = await createRecord(db, contacts, { fc_firstName: 'Ana' });
    const r = await refusal(addNote(db, [ana.id], ''));
    expect(r).toMatchObject({ params: { subject: 'noteText', issue: 'required' } });
    expect(r.es).toBe('El texto de la nota es obligatorio.');
  });

  it('a call outcome list naming one outcome twice, and an added outcome without a name', async () => {
    const twice = await refusal(saveCallOutcomes(db, [{ id: 'busy' }, { id: 'busy' }]));
    expect(twice).toMatchObject({ params: { subject: 'callOutcomes', issue: 'duplicate' } });
    expect(twice.es).toBe('La lista de resultados de llamada incluye el mismo elemento más de una vez.');
    const unnamed = await refusal(saveCallOutcomes(db, [{ id: 'busy' }, { id: 'demo' }]));
    expect(unnamed).toMatchObject({ params: { subject: 'callOutcomeLabel', n: 2, issue: 'required' } });
    expect(unnamed.it).toBe('Il nome dell’esito di chiamata 2 è obbligatorio.');
  });

  it('an automation rule without a name, and one whose task is due too late', async () => {
    const unnamed = await refusal(saveAutomationRules(db, [{ id: 'r1', name: 'Ok', enabled: true, kind: 'dealWon' }, { id: 'r2', name: ' ', enabled: true, kind: 'dealWon' }]));
    expect(unnamed).toMatchObject({ params: { subject: 'ruleName', n: 2, issue: 'required' } });
    expect(unnamed.es).toBe('El nombre de la regla 2 es obligatorio.');
    const late = await refusal(saveAutomationRules(db, [{
      id: 'r1', name: 'Seguimiento', enabled: true, kind: 'stageEntered', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal',
      action: { kind: 'createTask', title: 'Llamar', dueInDays: 400 },
    }]));
    expect(late).toMatchObject({ params: { subject: 'ruleTaskDue', n: 1, issue: 'tooBig', max: 365 } });
    expect(late.it).toBe('La scadenza dell’attività della regola 1 deve essere al massimo 365.');
  });

  it('a rule setting a value its field refuses names the rule and the field', async () => {
    const r = await refusal(saveAutomationRules(db, [{
      id: 'r1', name: 'Caliente', enabled: true, kind: 'stageEntered', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won',
      action: { kind: 'setField', fieldId: 'fd_priority', value: 'urgent' },
    }]));
    expect(r).toMatchObject({ code: 'ruleBadValue', params: { rule: 'Caliente', issue: 'unknownOption' } });
    expect(r.es).toMatch(/^«Caliente»: .+ no es una de las opciones\.$/);
  });

  it('a reminder with fractional days', async () => {
    const r = await refusal(saveReminderRules(db, [{ id: 'x', name: 'Cumpleaños', folderId: contacts, fieldId: 'fc_birthday', daysBefore: 1.5, yearly: true, enabled: true }]));
    expect(r).toMatchObject({ params: { subject: 'reminderDays', n: 1, issue: 'notInteger' } });
    expect(r.es).toBe('La antelación del recordatorio 1 debe ser un número entero.');
  });
});
