import { useState } from 'react';
import { exportRecordsFile } from '../../storage/csv/exportCsv';
import type { CrmRecord } from '../../storage/model/entities';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { downloadText } from './download';

type Props = { folderId: string; records: readonly CrmRecord[]; fieldIds: readonly string[] };

/** Downloads the given records (e.g. a view's rows and columns) as a CSV that re-imports losslessly. */
export function ExportButton({ folderId, records, fieldIds }: Props) {
  const db = useDb();
  const [error, setError] = useState<string>();
  async function exportNow() {
    try {
      setError(undefined);
      const { name, csv } = await exportRecordsFile(db, folderId, records, fieldIds);
      downloadText(name, csv);
    } catch (e) {
      setError(describeError(e).join(' '));
    }
  }
  return (
    <>
      <button type="button" onClick={() => void exportNow()} disabled={records.length === 0}>
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
