import { useId } from 'react';
import { useFolders } from '../hooks';
import { t } from '../../i18n';

/** Chooses the folder a data page works on; the first folder (Contacts) until one is chosen. */
export function FolderPicker({ value, onChange, disabled }: { value: string | undefined; onChange: (folderId: string) => void; disabled?: boolean }) {
  const id = useId();
  const folders = useFolders();
  return (
    <span className="tl-data-folder">
      <label htmlFor={id}>{t('data.folder')}</label>
      <select id={id} value={value ?? ''} disabled={disabled || !folders} onChange={(e) => onChange(e.target.value)}>
        {folders?.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The chosen folder, else the first one, once folders have loaded. */
export function useDefaultFolder(chosen: string | undefined): string | undefined {
  const folders = useFolders();
  return chosen ?? folders?.[0]?.id;
}
