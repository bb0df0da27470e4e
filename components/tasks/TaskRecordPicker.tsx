import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { suggestTaskRecords, type TaskRecordOption } from '../../storage/queries/tasks';
import { Combobox } from '../pickers/Combobox';
import { useDb } from '../shell/DbProvider';

type Props = { inputId: string; label: string; value: readonly TaskRecordOption[]; onChange: (records: TaskRecordOption[]) => void };

const NONE: readonly TaskRecordOption[] = [];

/** The records a new task is about, from any folder: type-ahead over the search index, chips for the chosen ones. */
export function TaskRecordPicker({ inputId, label, value, onChange }: Props) {
  const db = useDb();
  const [query, setQuery] = useState('');
  const options = useLiveQuery(() => suggestTaskRecords(db, query), [db, query]) ?? NONE;
  return (
    <Combobox inputId={inputId} label={label} multiple selected={value} options={options} onQueryChange={setQuery}
      onChange={(next) => onChange(next.map((o) => ({ id: o.id, title: o.title, secondary: o.secondary ?? '' })))} />
  );
}
