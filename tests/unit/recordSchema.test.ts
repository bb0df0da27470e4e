import { describe, it, expect } from 'vitest';
import {
  RecordValidationError,
  describeIssueEn,
  recordSchema,
  validateRecordValues,
  withoutEmpties,
} from '../../storage/model/recordSchema';
import { LIMITS } from '../../storage/model/limits';
import { ISSUE_CODES, type IssueParams } from '../../storage/model/issues';
import { describeIssue } from '../../components/errors';
import { setLocale } from '../../i18n';
import type { Folder } from '../../storage/model/entities';
import { PRESET_FOLDER_IDS, presetFields, presetFolders, presetPipelines } from '../../storage/folders/presets';

const now = Date.now();
const folders = presetFolders(now);
const fields = presetFields(now);
const ctx = { pipelines: presetPipelines(now) };
const folderById = (id: string): Folder => {
  const f = folders.find((x) => x.id === id);
  if (!f) throw new Error(`no preset folder ${id}`);
  return f;
};
const contacts = folderById(PRESET_FOLDER_IDS.contacts);
const deals = folderById(PRESET_FOLDER_IDS.deals);

const validate = (folder: Folder, values: Record<string, unknown>) => validateRecordValues(folder, fields, ctx, values);

/** Runs a validation that must fail and hands back the error. */
function refusal(folder: Folder, values: Record<string, unknown>): RecordValidationError {
  try {
    validate(folder, values);
  } catch (e) {
    expect(e).toBeInstanceOf(RecordValidationError);
    return e as RecordValidationError;
  }
  throw new Error(`expected ${JSON.stringify(values).slice(0, 80)} to be refused`);
}

const ada = { fc_firstName: 'Ada' };
const stage = (stageId: string, pipelineId = 'pipeline_sales') => ({ pipelineId, stageId });
const deal = { fd_name: 'Big deal', fd_stage: stage('proposal') };

describe('validateRecordValues with the preset folders', () => {
  it('accepts a well-formed contact and returns its values', () => {
    const values = {
      fc_firstName: 'Ada',
      fc_lastName: 'Lovelace',
      fc_emails: ['ada@example.com'],
      fc_phones: ['+44 20 7946 0000'],
      fc_birthday: '1815-12-10',
      fc_lifecycleStage: 'lead',
      fc_socials: { github: 'ada' },
      fc_company: ['rec_acme'],
    };
    expect(validate(contacts, values)).toEqual(values);
  });

  it('accepts a well-formed deal', () => {
    const values = { ...deal, fd_amount: { amount: 5000, currency: 'EUR' }, fd_probability: 50, fd_priority: 'high' };
    expect(validate(deals, values)).toEqual(values);
  });

  it('refuses a contact without its mandatory first name, naming the field', () => {
    const err = refusal(contacts, { fc_lastName: 'Lovelace' });
    expect(err.name).toBe('RecordValidationError');
    expect(err.message).toBe('First name is required');
    expect(err.issues).toEqual([{ fieldId: 'fc_firstName', label: 'First name', code: 'required' }]);
  });

  it('lists every missing mandatory field of a deal', () => {
    const err = refusal(deals, {});
    expect(err.message).toBe('Name is required; Stage is required');
    expect(err.issues.map((i) => i.fieldId)).toEqual(['fd_name', 'fd_stage']);
  });

  it('drops empty strings and lists, so an empty mandatory field is still refused', () => {
    for (const empty of ['', '   ']) {
      expect(refusal(contacts, { fc_firstName: empty }).message).toBe('First name is required');
    }
    const kept = validate(contacts, { ...ada, fc_lastName: '', fc_emails: [], fc_socials: {}, fc_birthday: '', fc_owner: undefined });
    expect(kept).toEqual(ada);
    expect(Object.keys(kept)).toEqual(['fc_firstName']);
  });

  it('refuses a wrong-typed value, naming the field', () => {
    expect(refusal(contacts, { ...ada, fc_lastName: 42 }).issues).toEqual([{ fieldId: 'fc_lastName', label: 'Last name', code: 'wrongType', params: { expected: 'string' } }]);
    // A wrong-typed mandatory value is a type error, not a crash and not "required".
    expect(refusal(contacts, { fc_firstName: 42 }).issues).toEqual([
      { fieldId: 'fc_firstName', label: 'First name', code: 'wrongType', params: { expected: 'string' } },
    ]);
    expect(refusal(contacts, { ...ada, fc_birthday: '10/12/1815' }).message).toBe('Birthday must be a date written YYYY-MM-DD');
    expect(refusal(deals, { ...deal, fd_probability: '50%' }).issues[0]?.code).toBe('notANumber');
    expect(refusal(contacts, { ...ada, fc_emails: 'ada@example.com' }).issues[0]).toMatchObject({ label: 'Emails', code: 'wrongType', params: { expected: 'array' } });
  });

  it('names the list item and the nested part at fault', () => {
    const err = refusal(contacts, { ...ada, fc_emails: ['ada@example.com', 'not-an-email'] });
    expect(err.issues).toEqual([{ fieldId: 'fc_emails', label: 'Emails', code: 'invalidEmail', params: { value: 'not-an-email' } }]);
    expect(err.message).toBe('Emails: "not-an-email" is not an email address');
    const money = refusal(deals, { ...deal, fd_amount: { amount: 1, currency: 'euro' } });
    expect(money.issues[0]).toMatchObject({ label: 'Amount', params: { part: 'currency' } });
    expect(money.message).toBe('Amount (currency) needs a 3-letter ISO currency code such as EUR');
    expect(money.issues[0]?.code).toBe('invalidCurrency');
  });

  it('refuses an unknown field id, naming it', () => {
    const err = refusal(contacts, { ...ada, fc_nickname: 'Countess' });
    expect(err.message).toBe('"fc_nickname" is not a field of Contacts');
    expect(err.issues[0]?.fieldId).toBeUndefined();
  });

  it("refuses another folder's field as unknown", () => {
    expect(refusal(contacts, { ...ada, fd_name: 'Big deal' }).message).toBe('"fd_name" is not a field of Contacts');
  });

  it('truncates an absurdly long unknown key in the message', () => {
    const key = 'k'.repeat(5_000);
    const err = refusal(contacts, { ...ada, [key]: 1 });
    expect(err.message).toBe(`"${'k'.repeat(64)}" is not a field of Contacts`);
  });

  it('refuses text over the short-text limit and accepts text at it', () => {
    const atLimit = 'x'.repeat(LIMITS.shortText);
    expect(validate(contacts, { ...ada, fc_position: atLimit }).fc_position).toBe(atLimit);
    const err = refusal(contacts, { ...ada, fc_position: `${atLimit}x` });
    expect(err.message).toBe('Position is longer than 1,000 characters');
    expect(refusal(contacts, { fc_firstName: 'A'.repeat(LIMITS.shortText + 1) }).issues[0]?.fieldId).toBe('fc_firstName');
  });

  it('refuses writing a computed field', () => {
    expect(refusal(contacts, { ...ada, fc_createdAt: now }).message).toBe('Created at is computed and cannot be set');
    expect(refusal(contacts, { ...ada, fc_emailThreadCount: 3 }).message).toBe('Email threads is computed and cannot be set');
    expect(refusal(deals, { ...deal, fd_weightedAmount: 2500 }).message).toBe('Weighted amount is computed and cannot be set');
  });

  it('refuses a dropdown value that is not one of the options', () => {
    expect(refusal(contacts, { ...ada, fc_lifecycleStage: 'vip' }).message).toBe('Lifecycle stage is not one of the options');
    // Labels are not ids: the stored value is the option id.
    expect(refusal(contacts, { ...ada, fc_lifecycleStage: 'Lead' }).message).toBe('Lifecycle stage is not one of the options');
    expect(validate(contacts, { ...ada, fc_lifecycleStage: 'customer' }).fc_lifecycleStage).toBe('customer');
  });

  it('refuses a stage that is not in the pipeline', () => {
    const msg = 'Stage is not a stage of a pipeline in this workspace';
    expect(refusal(deals, { ...deal, fd_stage: stage('closed') }).message).toBe(msg);
    expect(refusal(deals, { ...deal, fd_stage: stage('won', 'pipeline_marketing') }).message).toBe(msg);
    const nested = refusal(deals, { ...deal, fd_stage: { ...stage('won'), extra: 1 } });
    expect(nested.issues).toEqual([{ fieldId: 'fd_stage', label: 'Stage', code: 'unknownPart', params: { value: 'extra' } }]);
    expect(nested.message).toBe('Stage: "extra" is not a part this value can have');
    expect(validate(deals, { ...deal, fd_stage: stage('won') }).fd_stage).toEqual(stage('won'));
  });

  it('checks stages against the pipelines it is given', () => {
    expect(() => validateRecordValues(deals, fields, { pipelines: [] }, deal)).toThrow(RecordValidationError);
  });

  it('reports several faults at once', () => {
    const err = refusal(contacts, { fc_lifecycleStage: 'vip', fc_bogus: 1 });
    expect(err.issues).toHaveLength(3);
    expect(err.message).toContain('First name is required');
    expect(err.message).toContain('Lifecycle stage is not one of the options');
    expect(err.message).toContain('"fc_bogus" is not a field of Contacts');
  });
});

describe('recordSchema', () => {
  it('validates without dropping empties itself', () => {
    const schema = recordSchema(contacts, fields, ctx);
    expect(schema.safeParse(ada).success).toBe(true);
    expect(schema.safeParse({ ...ada, fc_emails: [] }).success).toBe(true);
    expect(schema.safeParse({ fc_firstName: '' }).success).toBe(false);
  });

  it('only knows the fields of its own folder', () => {
    const schema = recordSchema(deals, fields, ctx);
    expect(schema.safeParse({ ...deal, fc_firstName: 'Ada' }).success).toBe(false);
  });
});

describe('withoutEmpties', () => {
  it('drops undefined, null and empty values but keeps false, zero and unknown keys', () => {
    const out = withoutEmpties(
      { fc_firstName: 'Ada', fc_lastName: ' ', fc_emails: [], fc_phones: null, fc_socials: {}, fd_probability: 0, x: '' },
      fields,
    );
    expect(out).toEqual({ fc_firstName: 'Ada', fd_probability: 0, x: '' });
  });
});

describe('describeIssue (UI) and describeIssueEn (logs)', () => {
  it('word a code with its label; zod’s own English (detail) stays in the log, never on the page', () => {
    setLocale('en');
    expect(describeIssue({ label: 'Name', code: 'required' })).toBe('Name is required');
    expect(describeIssue({ label: 'Name', code: 'invalid', params: { detail: 'Invalid input' } })).toBe('Name is not valid');
    expect(describeIssueEn({ label: 'Name', code: 'invalid', params: { detail: 'Invalid input' } })).toBe('Name is not valid (Invalid input)');
    expect(describeIssue({ label: '', code: 'invalid' })).toBe('Record is not valid');
    expect(describeIssueEn({ label: 'Name', code: 'required' })).toBe('Name is required');
  });

  it('say the same in English for every code, so logs and pages never drift apart', () => {
    setLocale('en');
    for (const code of ISSUE_CODES) {
      for (const params of [{}, { max: 50, min: 2, key: 'amount', char: '^', position: 3, folder: 'Deals', value: 'x@' }] as IssueParams[]) {
        expect(describeIssueEn({ label: 'Field', code, params })).toBe(describeIssue({ label: 'Field', code, params }));
      }
    }
  });

  it('word an issue code in Spanish and Italian', () => {
    const issue = { fieldId: 'fc_position', label: 'Cargo', code: 'tooLong', params: { max: 1000 } } as const;
    setLocale('es');
    expect(describeIssue(issue)).toBe('Cargo tiene más de 1000 caracteres'.replace('1000', new Intl.NumberFormat('es').format(1000)));
    expect(describeIssue({ label: 'Nombre', code: 'required' })).toBe('Nombre es obligatorio');
    setLocale('it');
    expect(describeIssue({ label: 'Email', code: 'invalidEmail' })).toBe('Email non è un indirizzo email');
    expect(describeIssue({ label: '"fc_x"', code: 'unknownField', params: { folder: 'Contatti' } })).toBe('"fc_x" non è un campo di Contatti');
    setLocale('en');
  });
});
