import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { countRecords } from '../../storage/queries/queries';
import { createFolder, deleteFolder, updateFolder } from '../../storage/folders/folders';
import type { Folder } from '../../storage/model/entities';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { ConfirmButton } from './ConfirmButton';
import { ErrorAlert } from './ErrorAlert';
import { navigate } from '../shell/router';
import { useDb } from '../shell/DbProvider';
import { DEFAULT_FOLDER_ICON, FOLDER_ICONS, folderIconName, type FolderIconName } from '../../storage/model/folderIcons';
import { FolderIcon, folderIconLabel } from '../icons/folderIcons';

/** Creates a folder, or renames, re-icons or deletes one (deleting asks first, with the record count). */
export function FolderDialog({ folder, onClose }: { folder?: Folder; onClose: () => void }) {
  const db = useDb();
  const count = useLiveQuery(() => (folder ? countRecords(db, folder.id) : 0), [db, folder?.id]);
  const [name, setName] = useState(folder?.name ?? '');
  // An emoji an older version stored shows as its replacement, and is only rewritten if another icon is picked.
  const stored = folderIconName(folder?.icon ?? DEFAULT_FOLDER_ICON);
  const [icon, setIcon] = useState<FolderIconName>(stored);
  const [errors, setErrors] = useState<string[]>([]);
  const fail = (e: unknown) => setErrors(describeError(e));

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      // Only what the person changed: the folder it was opened with can be older than the stored one.
      if (folder) await updateFolder(db, folder.id, { ...(name !== folder.name ? { name } : {}), ...(icon !== stored ? { icon } : {}) });
      else navigate({ page: 'folder', folderId: (await createFolder(db, { name, icon })).id });
      onClose();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <form className="tl-dialog" onSubmit={submit} aria-label={folder ? t('views.folder.settings') : t('views.nav.newFolder')}>
      <ErrorAlert errors={errors} />
      <label>
        {t('views.folder.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus />
      </label>
      <fieldset className="tl-icon-picker">
        <legend>{t('views.folder.icon')}</legend>
        {FOLDER_ICONS.map((i) => (
          <label key={i} className={i === icon ? 'tl-icon-on' : undefined} title={folderIconLabel(i)}>
            <input type="radio" name="icon" value={i} checked={i === icon} onChange={() => setIcon(i)} className="tl-visually-hidden" />
            <FolderIcon icon={i} size={18} />
            <span className="tl-visually-hidden">{folderIconLabel(i)}</span>
          </label>
        ))}
      </fieldset>
      <div className="tl-actions">
        <button type="submit">{folder ? t('common.save') : t('views.folder.create')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        {folder && folder.kind === 'custom' && (
          <ConfirmButton
            label={t('views.folder.delete')}
            question={t('views.folder.deleteQuestion', { folder: folder.name, count: count ?? 0 })}
            confirmLabel={t('views.folder.deleteConfirm')}
            onConfirm={() => deleteFolder(db, folder.id).then(() => { onClose(); navigate({ page: 'home' }); }, fail)}
          />
        )}
        {folder && folder.kind !== 'custom' && <small className="tl-muted">{t('views.folder.builtIn')}</small>}
      </div>
    </form>
  );
}
