import { t } from '../../i18n';
import { StorageError } from '../../storage/model/errors';
import { issueInParams } from '../../storage/model/inputErrors';
import { describeProblem } from '../errors';

export type TemplateField = 'name' | 'subject' | 'body' | 'language';

const FIELD_OF: Record<string, TemplateField> = { templateName: 'name', templateSubject: 'subject', templateBody: 'body', templateLanguage: 'language' };
const LABEL: Record<TemplateField, () => string> = {
  name: () => t('templates.field.name'),
  subject: () => t('templates.field.subject'),
  body: () => t('templates.field.body'),
  language: () => t('templates.field.language'),
};

/** A refused save as the field it is about and "Name is required" in the user's language; undefined for any other failure. */
export function fieldProblem(error: unknown): { field: TemplateField; message: string } | undefined {
  if (!(error instanceof StorageError) || error.code !== 'invalidInput') return undefined;
  const field = FIELD_OF[String(error.params.subject)];
  if (!field) return undefined;
  return { field, message: t('issue.sentence', { label: LABEL[field](), problem: describeProblem(issueInParams('invalidInput', error.params)) }) };
}
