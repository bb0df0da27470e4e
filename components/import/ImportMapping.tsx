import { useId } from 'react';
import { convertRow } from '../../storage/csv/convert';
import { duplicateTargets, ID_TARGET, importableFields, type ColumnMapping } from '../../storage/csv/mapping';
import { formatValue } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { formatContext } from '../hooks';
import { t } from '../../i18n';
import { describeRowIssue } from '../errors';

const SAMPLE_ROWS = 3;

type Props = { schema: FolderSchema; headers: string[]; rows: string[][]; mapping: ColumnMapping; onMapping: (m: ColumnMapping) => void };

/**
 * Column → field mapping. The samples are the first rows read exactly as the import will read
 * them (convertRow), so a column that would be refused shows its reason before anything is written.
 */
export function ImportMapping({ schema, headers, rows, mapping, onMapping }: Props) {
  const id = useId();
  const fields = importableFields(schema.fields);
  const ctx = formatContext(schema.pipelines);
  const previews = rows.slice(0, SAMPLE_ROWS).map((cells, i) => convertRow(cells, i, headers, mapping, schema));
  const twice = new Set(duplicateTargets(mapping));
  const unfed = fields.filter((f) => f.mandatory && !mapping.includes(f.id));

  function sample(col: number, rowIndex: number) {
    const raw = rows[rowIndex]?.[col] ?? '';
    const target = mapping[col];
    const field = schema.fields.find((f) => f.id === target);
    if (!field || !raw.trim()) return <span className="tl-muted">{raw}</span>;
    const issue = previews[rowIndex]?.issues.find((i) => i.column === headers[col]);
    if (issue) return <span className="tl-data-bad">⚠ {describeRowIssue(issue)}</span>;
    return <span>{formatValue(field, previews[rowIndex]?.values[field.id], ctx)}</span>;
  }

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
                </select>
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
          {t('data.import.usedTwice', { fields: [...twice].map((f) => (f === ID_TARGET ? t('data.import.idColumn') : schema.fields.find((x) => x.id === f)?.label ?? f)).join(', ') })}
        </p>
      )}
      {unfed.length > 0 && <p className="tl-data-warn">{t('data.import.mandatoryUnmapped', { fields: unfed.map((f) => f.label).join(', ') })}</p>}
    </section>
  );
}
