import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { updateRecord } from '../../storage/write/records';
import type { FolderSchema } from '../../storage/folders/schema';
import { describeError } from '../errors';
import { FieldEditor } from '../fields/FieldEditor';
import { t } from '../../i18n';
import { useDb } from '../shell/DbProvider';
import type { CellMove } from './cellFocus';

type Props = { record: CrmRecord; field: Field; schema: FolderSchema; onClose: (move: CellMove) => void; onError: (errors: string[]) => void };

/** The field controls of the editor (not its Save/Cancel buttons), in tab order. */
const controls = (box: HTMLElement) => [...box.querySelectorAll<HTMLElement>('input, select, textarea')].filter((el) => !(el as HTMLInputElement).disabled);

/**
 * Whether Tab should leave the editor: from its last control (first, with Shift), so an address
 * still tabs through its parts.
 */
function tabLeaves(box: HTMLElement, target: HTMLElement, back: boolean): boolean {
  const list = controls(box);
  const at = list.indexOf(target);
  return at < 0 || (back ? at === 0 : at === list.length - 1);
}

/**
 * A cell's value through its type's registry editor, saved through the write path (which
 * validates the whole record). As in a spreadsheet: Enter saves and moves down, Tab right,
 * Shift+Tab left, Escape cancels; a control that used the key (an open picker) keeps it.
 */
export function InlineEditor({ record, field, schema, onClose, onError }: Props) {
  const db = useDb();
  const [value, setValue] = useState(record.values[field.id]);
  const box = useRef<HTMLDivElement>(null);
  const done = useRef(false);
  const inputId = useId();

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    // The editor is wider than its cell: at the right edge of the table it would be cut off.
    box.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, []);

  async function commit(move: CellMove) {
    if (done.current) return;
    done.current = true;
    try {
      await updateRecord(db, record.id, { [field.id]: value });
    } catch (e) {
      // Refused: the alert says why, and the typed value stays in the editor to be fixed.
      onError(describeError(e));
      done.current = false;
      if (move !== 'none') box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
      return;
    }
    onError([]);
    onClose(move);
  }
  function cancel() {
    done.current = true;
    onClose('stay');
  }
  function onKeyDown(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') cancel();
    else if (e.key === 'Enter' && target.tagName !== 'TEXTAREA' && target.tagName !== 'BUTTON') void commit('down');
    else if (e.key === 'Tab' && box.current && tabLeaves(box.current, target, e.shiftKey)) void commit(e.shiftKey ? 'left' : 'right');
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
        if (!box.current?.contains(e.relatedTarget as Node | null)) void commit('none');
      }}
    >
      <label htmlFor={inputId} className="tl-visually-hidden">{field.label}</label>
      <FieldEditor field={field} value={value} onChange={setValue} pipelines={schema.pipelines} inputId={inputId} />
      <span className="tl-inline">
        <button type="button" className="tl-primary" onClick={() => void commit('stay')}>{t('common.save')}</button>
        <button type="button" onClick={cancel}>{t('common.cancel')}</button>
      </span>
    </div>
  );
}
