import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { getLocale, isLocaleLoaded, loadLocale, t } from '../../i18n';
import { templateSample } from '../../storage/queries/templateSample';
import { mergeFieldLabel } from '../../storage/templates/mergeFields';
import { renderTemplate } from '../../storage/templates/render';
import type { TemplateInput } from '../../storage/templates/templates';
import { useDb } from '../shell/DbProvider';

/**
 * The draft as the compose button would insert it for the workspace's first contact: the same
 * renderTemplate, its missing values marked. Its html is escaped by renderTemplate (every value
 * and every character of the template), which is what makes it safe to set here.
 */
export function TemplatePreview({ draft }: { draft: Pick<TemplateInput, 'subject' | 'body' | 'language'> }) {
  const db = useDb();
  const id = useId();
  const sample = useLiveQuery(() => templateSample(db), [db]);
  // Missing values are labelled in the template's language, whose catalogue the page may not hold yet.
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!isLocaleLoaded(draft.language)) void loadLocale(draft.language).then(() => setLoaded((n) => n + 1));
  }, [draft.language]);
  if (!sample) return null;
  const rendered = renderTemplate(draft, sample.ctx);
  const contact = sample.ctx.contact;
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ') || sample.email;
  const locale = getLocale();
  // "Me" is only known in Gmail: not listed as missing here, the note says where it comes from.
  const missing = rendered.missing.filter((key) => !key.startsWith('me.'));
  return (
    <aside className="tl-tpl-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('templates.preview')}</h3>
      <p className="tl-muted">{sample.email ? t('templates.previewFor', { name: name ?? '', email: sample.email }) : t('templates.previewNoContact')}</p>
      <div className="tl-tpl-mail" lang={draft.language}>
        <p className="tl-tpl-mail-subject" dir="auto">{rendered.subject || t('templates.noSubject')}</p>
        <div className="tl-tpl-mail-body" dir="auto" data-testid="template-preview" dangerouslySetInnerHTML={{ __html: rendered.html }} />
      </div>
      {missing.length > 0 && (
        <p className="tl-tpl-missing" role="status">
          {t('templates.previewMissing', { fields: missing.map((key) => mergeFieldLabel(key, locale)).join(', ') })}
        </p>
      )}
    </aside>
  );
}
