import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { suggestionsFor, suggestRecords } from '../../storage/search/suggest';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import { Combobox, type PickerOption } from './Combobox';

type Props = {
  folderId: string;
  value: readonly string[] | undefined;
  onChange: (ids: string[] | undefined) => void;
  inputId: string;
  label: string;
  /** False: one record (a filter's argument), a new pick replacing the chip. */
  multiple?: boolean;
};

const NONE: readonly PickerOption[] = [];

/**
 * Links to records of `folderId`: type-ahead over the search index (never a read of the
 * folder), the linked records as chips with their titles.
 */
export function RecordPicker({ folderId, value, onChange, inputId, label, multiple = true }: Props) {
  const db = useDb();
  const [query, setQuery] = useState('');
  // Titles of what was just picked, shown before the chips' own read comes back.
  const [picked, setPicked] = useState<ReadonlyMap<string, PickerOption>>(new Map());
  const ids = value ?? [];
  const key = ids.join(',');
  const options = useLiveQuery(() => suggestRecords(db, folderId, query), [db, folderId, query]) ?? NONE;
  const linked = useLiveQuery(async () => {
    const found = await suggestionsFor(db, key ? key.split(',') : []);
    return new Map(found.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  }, [db, key]);
  const selected = ids.map((id): PickerOption => linked?.get(id) ?? picked.get(id) ?? { id, title: linked ? t('views.picker.deleted') : '…' });

  return (
    <Combobox
      inputId={inputId}
      label={label}
      multiple={multiple}
      selected={selected}
      options={options}
      onQueryChange={setQuery}
      onChange={(next) => {
        setPicked(new Map([...picked, ...next.map((o) => [o.id, o] as const)]));
        onChange(next.length ? next.map((o) => o.id) : undefined);
      }}
    />
  );
}
