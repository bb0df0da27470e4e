import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { foldText } from '../../storage/model/normalize';
import { LOCAL_ME, readUserDirectory, type UserDirectory } from '../../storage/workspace/members';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { Combobox, type PickerOption } from './Combobox';

type Props = { value: string | undefined; onChange: (v: string | undefined) => void; inputId: string; label: string };

const ROLE_KEYS = { owner: 'sync.role.owner', admin: 'sync.role.admin', member: 'sync.role.member', viewer: 'sync.role.viewer' } as const;
const roleLabel = (role: string) => (role in ROLE_KEYS ? t(ROLE_KEYS[role as keyof typeof ROLE_KEYS]) : '');

/** Who a user field can name: the shared workspace's members (stored by email), or "me" in the local workspace. */
export function userOptions(directory: UserDirectory): PickerOption[] {
  if (directory.kind === 'local') return [{ id: LOCAL_ME, title: t('views.picker.me'), secondary: t('views.picker.meHint') }];
  return directory.members.map((m) => ({ id: m.email, title: m.email, secondary: roleLabel(m.role) }));
}

/** The name a stored user value shows: "me" in the reader's language, anyone else as stored. */
export const userTitle = (value: string) => (value === LOCAL_ME ? t('views.picker.me') : value);

/** An owner (user) field: one value, picked from the workspace's people by type-ahead. */
export function UserPicker({ value, onChange, inputId, label }: Props) {
  const db = useDb();
  const [query, setQuery] = useState('');
  const directory = useLiveQuery(() => readUserDirectory(db), [db]);
  const all = directory ? userOptions(directory) : [];
  const q = foldText(query.trim());
  const options = q ? all.filter((o) => foldText(`${o.title} ${o.secondary ?? ''}`).includes(q)) : all;
  const selected = value ? [all.find((o) => o.id === value) ?? { id: value, title: userTitle(value) }] : [];
  return (
    <>
      <Combobox inputId={inputId} label={label} multiple={false} selected={selected} options={options} onQueryChange={setQuery}
        onChange={(next) => onChange(next[next.length - 1]?.id)} />
      {directory?.kind === 'shared' && directory.members.length === 0 && <small className="tl-muted">{t('views.picker.noMembers')}</small>}
    </>
  );
}
