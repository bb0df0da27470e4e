import type { CrmRecord } from '../../storage/model/entities';
import { t } from '../../i18n';
import { openRecord, recordUrl } from './host';

/** A record's title that opens its page; a real link, so it can also be copied or opened in a new tab. */
export function RecordLink({ record }: { record: CrmRecord }) {
  return (
    <a href={recordUrl(record.id)} className="tl-record-link" dir="auto" title={t('sidebar.openRecord', { name: record.title || t('common.untitled') })}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        void openRecord(record.id);
      }}>
      {record.title || t('common.untitled')}
    </a>
  );
}
