import { useId } from 'react';
import { convertRow, rowNumber } from '../../storage/csv/convert';
import { unknownOptionValues } from '../../storage/csv/cellReaders';
import type { CellReading } from '../../storage/csv/reading';
import { LinkResolver } from '../../storage/csv/linkResolver';
import { linkOptionFor, planLinkColumns, type LinkOptions as LinkChoices } from '../../storage/csv/links';
import { duplicateTargets, ID_TARGET, importableFields, linkIdField, linkIdTarget, type ColumnMapping } from '../../storage/csv/mapping';
import { formatValue } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { formatContext } from '../hooks';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { describeRowIssue } from '../errors';
import { LinkOptions, LinkSample } from './LinkColumn';
import { useLinkIndexes } from './useLinkIndexes';

const SAMPLE_ROWS = 3;

type Props = {
  schema: FolderSchema;
  headers: string[];
  rows: string[][];
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  links: LinkChoices;
  onLinks: (l: LinkChoices) => void;
  /** How cells are read (date order, decimal mark, unknown dropdown values); the legacy reading without it. */
  reading?: CellReading;
};

/**
 * Column → field mapping. The samples are the first rows read exactly as the import will read
 * them (convertRow), so a column that would be refused shows its reason before anything is written.
 */
export function ImportMapping({ schema, headers, rows, mapping, onMapping, links, onLinks, reading }: Props) {
  const id = useId();
  const fields = importableFields(schema.fields);
  const ctx = formatContext(schema.pipelines);
  // Link cells are resolved as the import will: against the target folders, names created once.
  const plan = planLinkColumns(mapping, schema.fields);
  const indexes = useLinkIndexes(schema, mapping);
  const resolver = indexes && LinkResolver.over(indexes, schema, mapping, links);
  const linked = rows.slice(0, SAMPLE_ROWS).map((cells, i) => resolver?.resolve(cells, rowNumber(i), headers));
  const previews = rows.slice(0, SAMPLE_ROWS).map((cells, i) => convertRow(cells, i, headers, plan.plain, schema, reading));
  const targetOf = (fieldId: string) => indexes?.get(schema.fields.find((f) => f.id === fieldId)?.settings.targetFolderId ?? '')?.schema.folder;
  const linkFields = fields.filter((f) => f.type === 'link');
  const twice = new Set(duplicateTargets(mapping));
  const unfed = fields.filter((f) => f.mandatory && !mapping.includes(f.id));

  function sample(col: number, rowIndex: number) {
    const raw = rows[rowIndex]?.[col] ?? '';
    const target = mapping[col];
    const linkColumn = plan.columns.find((c) => c.titleCol === col || c.idCol === col);
    if (linkColumn && raw.trim()) {
      const result = linked[rowIndex];
      const parts = result?.parts.get(col);
      const issue = result?.issues.find((i) => i.column === headers[col]);
      const idDecides = col === linkColumn.titleCol && linkColumn.idCol !== undefined && !!result?.parts.has(linkColumn.idCol);
      if (idDecides) return <span className="tl-muted">{t('data.import.linkIdDecides', { value: raw })}</span>;
      if (!result || (!parts && !issue)) return <span className="tl-muted">{raw}</span>;
      // A row refused for another cell creates nothing: say so rather than promise a new record.
      const refused = (previews[rowIndex]?.issues.length ?? 0) > 0 || result.issues.some((i) => i.column !== headers[col]);
      return <LinkSample parts={parts} issue={issue} folder={targetOf(linkColumn.field.id)?.name ?? ''} refused={refused} />;
    }
    const field = schema.fields.find((f) => f.id === target);
    if (!field || !raw.trim()) return <span className="tl-muted">{raw}</span>;
    const issue = previews[rowIndex]?.issues.find((i) => i.column === headers[col]);
    if (issue) return <span className="tl-data-bad"><Icon name="warning" size={13} /> {describeRowIssue(issue)}</span>;
    const unknown = unknownOptionValues(field, raw);
    if (unknown.length > 0 && reading?.unknownOptions === 'add') return <span>{t('data.import.newOption', { value: raw.trim() })}</span>;
    return <span>{formatValue(field, previews[rowIndex]?.values[field.id], ctx)}</span>;
  }

  /** Under a link column's select: how its names are split, and whether missing ones are created. */
  function linkChoice(col: number) {
    const field = fields.find((f) => f.type === 'link' && f.id === mapping[col]);
    const folder = field && targetOf(field.id);
    if (!field || !folder) return null;
    const option = linkOptionFor(links, field.id, folder);
    return <LinkOptions option={option} folder={folder.name} onChange={(next) => onLinks({ ...links, [field.id]: next })} />;
  }

  const targetLabel = (target: string) => {
    const idOf = linkIdField(target);
    if (idOf) return t('data.import.linkIdColumn', { field: schema.fields.find((x) => x.id === idOf)?.label ?? idOf });
    return target === ID_TARGET ? t('data.import.idColumn') : (schema.fields.find((x) => x.id === target)?.label ?? target);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('data.import.mapTitle')}</h3>
      <table className="tl-table tl-data-mapping" aria-label={t('data.import.mapTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('data.import.column')}</th>
            <th scope="col">{t('data.import.into')}</th>
            <th scope="col">{t('data.import.samples')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, col) => (
            <tr key={col}>
              <th scope="row">
                <label htmlFor={`${id}-${col}`}>{header || t('data.import.unnamedColumn', { n: col + 1 })}</label>
              </th>
              <td>
                <select
                  id={`${id}-${col}`}
                  value={mapping[col] ?? ''}
                  aria-invalid={mapping[col] && twice.has(mapping[col]) ? true : undefined}
                  onChange={(e) => onMapping(mapping.map((m, i) => (i === col ? e.target.value || null : m)))}
                >
                  <option value="">{t('data.import.notImported')}</option>
                  <option value={ID_TARGET}>{t('data.import.idColumn')}</option>
                  {fields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.mandatory ? `${f.label} *` : f.label}
                    </option>
                  ))}
                  {linkFields.map((f) => (
                    <option key={`id-${f.id}`} value={linkIdTarget(f.id)}>
                      {t('data.import.linkIdColumn', { field: f.label })}
                    </option>
                  ))}
                </select>
                {linkChoice(col)}
              </td>
              <td className="tl-data-samples">
                {rows.slice(0, SAMPLE_ROWS).map((_r, i) => (
                  <div key={i}>{sample(col, i)}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {twice.size > 0 && (
        <p role="alert" className="tl-error">
          {t('data.import.usedTwice', { fields: [...twice].map(targetLabel).join(', ') })}
        </p>
      )}
      {unfed.length > 0 && <p className="tl-data-warn">{t('data.import.mandatoryUnmapped', { fields: unfed.map((f) => f.label).join(', ') })}</p>}
    </section>
  );
}
