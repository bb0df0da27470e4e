import { useLayoutEffect, useId, useRef, useState, type ReactNode } from 'react';
import { getLocale, t } from '../../i18n';
import { TEMPLATE_LANGUAGES, TEMPLATE_LIMITS, type Template, type TemplateLanguage } from '../../storage/model/template';
import { saveTemplate, type TemplateInput } from '../../storage/templates/templates';
import { mergeToken, type MergeFieldKey } from '../../storage/templates/mergeFields';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { fieldProblem, type TemplateField } from './templateErrors';
import { InsertFieldMenu } from './InsertFieldMenu';
import { TemplatePreview } from './TemplatePreview';

type Props = { template?: Template; onSaved: (template: Template) => void; onCancel: () => void };

const uiLanguage = (): TemplateLanguage => {
  const locale = getLocale();
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(locale) ? (locale as TemplateLanguage) : 'en';
};

/** One labelled control with its help and its error beside it (aria-describedby names both). */
function Field({ id, label, error, help, children }: { id: string; label: string; error?: string; help?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [error && `${id}-error`, help && `${id}-help`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="tl-tpl-field" data-invalid={error ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {help && (
        <small id={`${id}-help`} className="tl-muted">
          {help}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="tl-tpl-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** Name, subject, body with "Insert field" at the caret, language, and a live preview beside. */
export function TemplateEditor({ template, onSaved, onCancel }: Props) {
  const db = useDb();
  const id = useId();
  const [draft, setDraft] = useState<TemplateInput>(() =>
    template ? { id: template.id, name: template.name, subject: template.subject, body: template.body, language: template.language } : { name: '', subject: '', body: '', language: uiLanguage() },
  );
  const [errors, setErrors] = useState<Partial<Record<TemplateField, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const subject = useRef<HTMLInputElement>(null);
  // The caret to restore after React re-renders an inserted field into the control that had it.
  const caret = useRef<{ el: HTMLInputElement | HTMLTextAreaElement; at: number }>(undefined);
  const lastFocused = useRef<'body' | 'subject'>('body');
  useLayoutEffect(() => {
    if (!caret.current) return;
    const { el, at } = caret.current;
    caret.current = undefined;
    el.focus();
    el.setSelectionRange(at, at);
  });

  const set = <K extends keyof TemplateInput>(key: K, value: TemplateInput[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const insert = (key: MergeFieldKey) => {
    const target = lastFocused.current;
    const el = target === 'subject' ? subject.current : body.current;
    if (!el) return;
    const token = mergeToken(key);
    const value = draft[target];
    const start = el.selectionStart ?? value.length;
    const end = el.selectionEnd ?? start;
    set(target, value.slice(0, start) + token + value.slice(end));
    caret.current = { el, at: start + token.length };
  };
  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      onSaved(await saveTemplate(db, draft));
    } catch (error) {
      const problem = fieldProblem(error);
      if (problem) setErrors({ [problem.field]: problem.message });
      else setFailure(describeError(error).join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="tl-tpl-editor" aria-labelledby={`${id}-title`}>
      <form
        className="tl-tpl-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3 id={`${id}-title`}>{template ? t('templates.edit', { name: template.name }) : t('templates.new')}</h3>
        <Field id={`${id}-name`} label={t('templates.field.name')} error={errors.name}>
          {(describedBy) => (
            <input id={`${id}-name`} value={draft.name} maxLength={TEMPLATE_LIMITS.name} aria-required="true" aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy} onChange={(e) => set('name', e.target.value)} autoFocus />
          )}
        </Field>
        <Field id={`${id}-language`} label={t('templates.field.language')} error={errors.language} help={t('templates.field.languageHelp')}>
          {(describedBy) => (
            <select id={`${id}-language`} value={draft.language} aria-describedby={describedBy} onChange={(e) => set('language', e.target.value as TemplateLanguage)}>
              {TEMPLATE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.name.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-subject`} label={t('templates.field.subject')} error={errors.subject}>
          {(describedBy) => (
            <input id={`${id}-subject`} ref={subject} value={draft.subject} maxLength={TEMPLATE_LIMITS.subject} aria-invalid={errors.subject ? true : undefined}
              aria-describedby={describedBy} onFocus={() => (lastFocused.current = 'subject')} onChange={(e) => set('subject', e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-body`} label={t('templates.field.body')} error={errors.body} help={t('templates.insertFieldHelp')}>
          {(describedBy) => (
            <>
              <InsertFieldMenu onInsert={insert} />
              <textarea id={`${id}-body`} ref={body} rows={10} value={draft.body} maxLength={TEMPLATE_LIMITS.body} aria-invalid={errors.body ? true : undefined}
                aria-describedby={describedBy} onFocus={() => (lastFocused.current = 'body')} onChange={(e) => set('body', e.target.value)} />
            </>
          )}
        </Field>
        {failure && (
          <p role="alert" className="tl-error">
            {failure}
          </p>
        )}
        <div className="tl-tpl-actions">
          <button type="submit" disabled={saving}>
            {t('templates.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('templates.cancel')}
          </button>
        </div>
      </form>
      <TemplatePreview draft={draft} />
    </section>
  );
}
