import { useState } from 'react';
import type { CrmRecord } from '../../storage/model/entities';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { downloadText } from './download';

/** `records`, or `load` them on click with their `count` known (a table that holds only the rows on screen). */
type Props = { folderId: string; fieldIds: readonly string[] } & ({ records: readonly CrmRecord[] } | { count: number; load: () => Promise<readonly CrmRecord[]> });

/** Downloads the given records (e.g. a view's rows and columns) as a CSV that re-imports losslessly. */
export function ExportButton(props: Props) {
  const { folderId, fieldIds } = props;
  const db = useDb();
  const [error, setError] = useState<string>();
  async function exportNow() {
    try {
      setError(undefined);
      const records = 'records' in props ? props.records : await props.load();
      // The CSV writer (papaparse, the importer's header names) loads on the first export, not with the table.
      const { exportRecordsFile } = await import('../../storage/csv/exportCsv');
      const { name, csv } = await exportRecordsFile(db, folderId, records, fieldIds);
      downloadText(name, csv);
    } catch (e) {
      setError(describeError(e).join(' '));
    }
  }
  return (
    <>
      <button type="button" onClick={() => void exportNow()} disabled={('records' in props ? props.records.length : props.count) === 0}>
        {t('data.export.button')}
      </button>
      {error && (
        <span role="alert" className="tl-error">
          {error}
        </span>
      )}
    </>
  );
}
