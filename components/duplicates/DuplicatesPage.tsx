import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { findDuplicates, type DuplicateGroup, type DuplicateReason } from '../../storage/duplicates/duplicates';
import { recordTitles } from '../../storage/duplicates/queries';
import type { CrmRecord } from '../../storage/model/entities';
import { useFolderSchema } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { FolderPicker, useDefaultFolder } from '../import/FolderPicker';
import { MergeReview } from './MergeReview';
import { formatCount } from '../format';
import '../pages.css';

function reasonText(reason: DuplicateReason): string {
  if (reason.kind === 'email') return t('data.dup.sameEmail', { value: reason.label });
  if (reason.kind === 'phone') return t('data.dup.samePhone', { value: reason.label });
  return t('data.dup.sameName', { value: reason.label });
}

/** Likely duplicates in a folder (same email, phone, or name + company), reviewed and merged. */
export function DuplicatesPage() {
  const db = useDb();
  const [chosenFolder, setChosenFolder] = useState<string>();
  const folderId = useDefaultFolder(chosenFolder);
  const schema = useFolderSchema(folderId);
  const groups = useLiveQuery(() => (folderId ? findDuplicates(db, folderId) : undefined), [db, folderId]);
  const titles = useLiveQuery(() => recordTitles(db, (groups ?? []).flatMap((g) => g.recordIds)), [db, groups]);
  const [reviewing, setReviewing] = useState<DuplicateGroup>();
  const [merged, setMerged] = useState<CrmRecord>();
  const canWrite = useCanWrite();

  return (
    <div className="tl-data-page">
      <header className="tl-toolbar">
        <h2>{t('data.dup.title')}</h2>
        <FolderPicker value={folderId} onChange={(f) => { setChosenFolder(f); setReviewing(undefined); }} />
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      {merged && (
        <p role="status" className="tl-data-ok">
          {t('data.dup.merged')} <a href={`#/record/${merged.id}`}>{merged.title || t('common.untitled')}</a>
        </p>
      )}
      {canWrite && reviewing && schema ? (
        <MergeReview
          key={reviewing.id}
          schema={schema}
          recordIds={reviewing.recordIds}
          onMerged={(r) => {
            setMerged(r);
            setReviewing(undefined);
          }}
          onClose={() => setReviewing(undefined)}
        />
      ) : !groups ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="tl-empty">{t('data.dup.none')}</p>
      ) : (
        <>
          <p>{t('data.dup.found', { n: formatCount(groups.length) })}</p>
          <ul className="tl-data-groups" aria-label={t('data.dup.groups')}>
            {groups.map((g) => (
              <li key={g.id}>
                <div>
                  {g.recordIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ' · '}
                      <a href={`#/record/${id}`}>{titles?.get(id) || t('common.untitled')}</a>
                    </span>
                  ))}
                </div>
                <div className="tl-muted">{g.reasons.map(reasonText).join('; ')}</div>
                {canWrite && (
                  <button type="button" onClick={() => { setMerged(undefined); setReviewing(g); }}>
                    {t('data.dup.reviewButton', { n: g.recordIds.length })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
