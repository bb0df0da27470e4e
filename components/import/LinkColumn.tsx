import { useId } from 'react';
import type { RowIssue } from '../../storage/csv/convert';
import type { LinkPart } from '../../storage/csv/linkResolver';
import { LINK_SEPARATORS, type LinkOption } from '../../storage/csv/links';
import { t } from '../../i18n';
import { describeRowIssue } from '../errors';
import './links.css';

const SEPARATOR_LABELS = { ';': 'data.import.linkSemicolon', ',': 'data.import.linkComma' } as const;

/** A sample link cell as the import will read it: each name with the record it links, or "new". */
export function LinkSample({ parts, issue, folder, refused }: { parts: readonly LinkPart[] | undefined; issue: RowIssue | undefined; folder: string; refused: boolean }) {
  if (issue) return <span className="tl-data-bad tl-link-issue">{describeRowIssue(issue)}</span>;
  if (!parts?.length) return null;
  return (
    <span className="tl-link-parts">
      {parts.map((p, i) => (
        <span key={i} className={!p.created ? 'tl-link-part' : refused ? 'tl-link-part tl-link-skipped' : 'tl-link-part tl-link-new'}>
          <span className="tl-link-title">{p.title}</span>
          <span className="tl-link-tag">{!p.created ? t('data.import.linkFound') : refused ? t('data.import.linkNotCreated') : t('data.import.linkNew', { folder })}</span>
        </span>
      ))}
    </span>
  );
}

/** How a link column is read: the separator of several names, and whether missing names are created. */
export function LinkOptions({ option, folder, onChange }: { option: LinkOption; folder: string; onChange: (next: LinkOption) => void }) {
  const id = useId();
  return (
    <div className="tl-link-options">
      <label htmlFor={`${id}-sep`}>{t('data.import.linkSeparator')}</label>
      <select id={`${id}-sep`} value={option.separator} onChange={(e) => onChange({ ...option, separator: e.target.value as LinkOption['separator'] })}>
        {LINK_SEPARATORS.map((s) => (
          <option key={s} value={s}>
            {t(SEPARATOR_LABELS[s])}
          </option>
        ))}
      </select>
      <label className="tl-link-create">
        <input type="checkbox" checked={option.createMissing} onChange={(e) => onChange({ ...option, createMissing: e.target.checked })} />{' '}
        {t('data.import.linkCreateMissing', { folder })}
      </label>
    </div>
  );
}
