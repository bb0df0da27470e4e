import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { COMBINE, defaultChoices, differingFields, mergeRecords, type MergeChoices } from '../../storage/duplicates/duplicates';
import { existingRecords, historyCounts, recordTitles } from '../../storage/duplicates/queries';
import type { CrmRecord } from '../../storage/model/entities';
import { formatValue } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { formatContext } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { formatCount, formatDay } from '../format';

type Props = { schema: FolderSchema; recordIds: string[]; onMerged: (survivor: CrmRecord) => void; onClose: () => void };

/** Side-by-side review of likely duplicates: pick the record to keep and, field by field, each value. */
export function MergeReview({ schema, recordIds, onMerged, onClose }: Props) {
  const db = useDb();
  const id = useId();
  const records = useLiveQuery(() => existingRecords(db, recordIds), [db, recordIds.join()]);
  const history = useLiveQuery(() => historyCounts(db, recordIds), [db, recordIds.join()]);
  const linkedTitles = useLiveQuery(() => recordTitles(db, (records ?? []).flatMap((r) => r.linkedIds)), [db, records]);
  const [survivorId, setSurvivorId] = useState(recordIds[0]!);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [errors, setErrors] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  if (!records || records.length < 2) return null;

  const ordered = [records.find((r) => r.id === survivorId) ?? records[0]!, ...records.filter((r) => r.id !== survivorId)];
  const defaults = defaultChoices(schema, ordered);
  const chosen = (fieldId: string) => choices[fieldId] ?? defaults[fieldId];
  const ctx = formatContext(schema.pipelines, (rid) => linkedTitles?.get(rid));
  const fields = differingFields(schema, records);
  const isList = (fieldId: string) => records.some((r) => Array.isArray(r.values[fieldId]));
  const anyList = fields.some((f) => isList(f.id));

  async function merge() {
    setBusy(true);
    setErrors(undefined);
    try {
      const survivor = await mergeRecords(db, { survivorId: ordered[0]!.id, loserIds: ordered.slice(1).map((r) => r.id), choices: { ...defaults, ...choices } });
      onMerged(survivor);
    } catch (e) {
      setErrors(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="tl-data-merge" aria-label={t('data.dup.review')}>
      <table className="tl-table tl-data-compare">
        <thead>
          <tr>
            <th scope="col">{t('data.dup.field')}</th>
            {records.map((r) => (
              <th key={r.id} scope="col">
                <label>
                  <input type="radio" name={`${id}-keep`} checked={r.id === survivorId} onChange={() => setSurvivorId(r.id)} /> {t('data.dup.keep', { title: r.title || t('common.untitled') })}
                </label>
                <div className="tl-muted">{t('data.dup.created', { date: formatDay(r.createdAt) })}</div>
              </th>
            ))}
            {anyList && <th scope="col">{t('data.dup.combine')}</th>}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.id}>
              <th scope="row">{field.label}</th>
              {records.map((r) => (
                <td key={r.id}>
                  <label>
                    <input
                      type="radio"
                      name={`${id}-${field.id}`}
                      aria-label={t('data.dup.useValue', { field: field.label, title: r.title || t('common.untitled') })}
                      checked={chosen(field.id) === r.id}
                      onChange={() => setChoices({ ...choices, [field.id]: r.id })}
                    />{' '}
                    {r.values[field.id] === undefined ? <span className="tl-muted">—</span> : formatValue(field, r.values[field.id], ctx)}
                  </label>
                </td>
              ))}
              {anyList && (
                <td>
                  {isList(field.id) && (
                    <label>
                      <input type="radio" name={`${id}-${field.id}`} checked={chosen(field.id) === COMBINE} onChange={() => setChoices({ ...choices, [field.id]: COMBINE })} />{' '}
                      {t('data.dup.combineValues')}
                    </label>
                  )}
                </td>
              )}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('data.dup.history')}</th>
            {records.map((r) => (
              <td key={r.id}>{t('data.dup.activities', { n: formatCount(history?.[recordIds.indexOf(r.id)] ?? 0) })}</td>
            ))}
            {anyList && <td />}
          </tr>
        </tbody>
      </table>
      {fields.length === 0 && <p className="tl-muted">{t('data.dup.identical')}</p>}
      <p className="tl-muted">{t('data.dup.mergeHelp')}</p>
      {errors && (
        <div role="alert" className="tl-error">
          {errors.map((e, i) => (
            <div key={i}>{e}</div>
          ))}
        </div>
      )}
      <button type="button" className="tl-primary" disabled={busy} onClick={() => void merge()}>
        {t('data.dup.merge', { n: records.length })}
      </button>{' '}
      <button type="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
