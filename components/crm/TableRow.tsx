import { memo, type KeyboardEvent } from 'react';
import { fieldValue } from '../../storage/fields/computed';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { FIELD_REGISTRY, type FormatContext } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { FIELD_EDITORS } from '../fields/editors';
import { FieldValue } from '../fields/FieldValue';
import { t } from '../../i18n';
import { cellAttr, type CellMove, type CellRef } from './cellFocus';
import { InlineEditor } from './InlineEditor';
import { routeHref } from '../shell/router';

const ARROWS: Partial<Record<string, CellMove>> = { ArrowDown: 'down', ArrowUp: 'up', ArrowLeft: 'left', ArrowRight: 'right' };

export const editable = (f: Field) => FIELD_EDITORS[f.type] !== null && !FIELD_REGISTRY[f.type].computed;

type Props = {
  index: number;
  record: CrmRecord;
  columns: readonly Field[];
  schema: FolderSchema;
  ctx: FormatContext;
  selected: boolean;
  editingFieldId: string | undefined;
  onToggle: (id: string) => void;
  onEdit: (recordId: string, fieldId: string) => void;
  onEditDone: (from: CellRef, move: CellMove) => void;
  onError: (errors: string[]) => void;
  canWrite: boolean;
};

/**
 * One table row. Memoised: while scrolling, rows that stay in view are not rendered again. The
 * first column links to the record page; a cell opens its editor on double-click, Enter or F2, and
 * the arrow keys move between cells.
 */
export const TableRow = memo(function TableRow({ index, record, columns, schema, ctx, selected, editingFieldId, onToggle, onEdit, onEditDone, onError, canWrite }: Props) {
  const title = record.title || t('common.untitled');
  const canEdit = (field: Field) => canWrite && editable(field);
  const onKey = (field: Field) => (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const arrow = ARROWS[e.key];
    if ((e.key === 'Enter' || e.key === 'F2') && canEdit(field)) onEdit(record.id, field.id);
    // Arrows move between cells as in a spreadsheet (left and right over the cells that edit).
    else if (arrow) onEditDone({ recordId: record.id, fieldId: field.id }, arrow);
    else return;
    e.preventDefault();
  };
  return (
    <tr aria-rowindex={index + 2} aria-selected={selected} data-index={index}>
      <td className="tl-sticky">
        <input type="checkbox" aria-label={t('views.selectRow', { title })} checked={selected} onChange={() => onToggle(record.id)} />
      </td>
      {columns.map((f, ci) => {
        const value = fieldValue(record, f, schema.fields);
        const shown = <FieldValue field={f} value={value} ctx={ctx} />;
        const cell = { recordId: record.id, fieldId: f.id };
        const classes = [ci === 0 && 'tl-sticky tl-sticky-title', editingFieldId === f.id && 'tl-cell-editing'].filter(Boolean).join(' ');
        return (
          <td key={f.id} {...cellAttr(cell)} tabIndex={canEdit(f) ? 0 : undefined} onDoubleClick={() => canEdit(f) && onEdit(record.id, f.id)} onKeyDown={onKey(f)}
            className={classes || undefined}>
            {ci === 0 ? (
              <a href={routeHref({ page: 'record', recordId: record.id })}>
                {shown}
                {value === undefined && <span className="tl-muted" dir="auto">{title}</span>}
              </a>
            ) : shown}
            {canWrite && editingFieldId === f.id && <InlineEditor record={record} field={f} schema={schema} onClose={(move) => onEditDone(cell, move)} onError={onError} />}
          </td>
        );
      })}
    </tr>
  );
});
