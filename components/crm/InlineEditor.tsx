import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { updateRecord } from '../../storage/write/records';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';

type Props = { record: CrmRecord; field: Field; schema: FolderSchema; onClose: () => void; onError: (errors: string[]) => void };

/**
 * A cell's value through its type's registry editor. Enter or leaving the editor saves through
 * the write path (which validates the whole record); Escape cancels.
 */
export function InlineEditor({ record, field, schema, onClose, onError }: Props) {
  const db = useDb();
  const [value, setValue] = useState(record.values[field.id]);
  const box = useRef<HTMLDivElement>(null);
  const done = useRef(false);
  const inputId = useId();

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  async function commit() {
    if (done.current) return;
    done.current = true;
    try {
      await updateRecord(db, record.id, { [field.id]: value });
      onError([]);
    } catch (e) {
      onError(describeError(e));
    }
    onClose();
  }
  function cancel() {
    done.current = true;
    onClose();
  }
  function onKeyDown(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') cancel();
    else if (e.key === 'Enter' && target.tagName !== 'TEXTAREA' && !(target instanceof HTMLSelectElement && target.multiple) && target.tagName !== 'BUTTON') void commit();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div
      ref={box}
      className="tl-inline-editor"
      role="group"
      aria-label={t('views.editCell', { field: field.label, title: record.title || t('common.untitled') })}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) void commit();
      }}
    >
      <label htmlFor={inputId} className="tl-visually-hidden">{field.label}</label>
      <FieldEditor field={field} value={value} onChange={setValue} pipelines={schema.pipelines} inputId={inputId} />
      <span className="tl-inline">
        <button type="button" className="tl-primary" onClick={() => void commit()}>{t('common.save')}</button>
        <button type="button" onClick={cancel}>{t('common.cancel')}</button>
      </span>
    </div>
  );
}
