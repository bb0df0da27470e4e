import { useDraggable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import type { ActivityOf, CrmRecord } from '../../storage/model/entities';
import type { FormatContext } from '../../storage/model/fieldRegistry';
import type { FolderSchema } from '../../storage/folders/schema';
import { FieldValue } from '../fields/FieldValue';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import type { cardFields } from './boardModel';
import { routeHref } from '../shell/router';
import { formatDue } from '../tasks/dueFormat';

type CardProps = { record: CrmRecord; schema: FolderSchema; cards: ReturnType<typeof cardFields>; ctx: FormatContext; task?: ActivityOf<'task'> };

/** What a card shows: name, amount, owner and the next open task. */
export function CardBody({ record, cards, ctx, task }: CardProps) {
  const amount = cards.amount && record.values[cards.amount.id];
  const owner = cards.owner && record.values[cards.owner.id];
  return (
    <div className="tl-board-card-body">
      <a href={routeHref({ page: 'record', recordId: record.id })} className="tl-card-title" dir="auto">{record.title || t('common.untitled')}</a>
      {cards.amount && amount !== undefined && <div className="tl-card-amount"><FieldValue field={cards.amount} value={amount} ctx={ctx} /></div>}
      {cards.owner && owner !== undefined && <div className="tl-card-meta"><Icon name="owner" size={13} /> <FieldValue field={cards.owner} value={owner} ctx={ctx} /></div>}
      {task && (
        <div className="tl-card-meta">
          <Icon name="task" size={13} /> {t('views.board.nextTask', { task: task.title })}
          {task.due && ` · ${formatDue({ due: task.due, timed: task.timed })}`}
        </div>
      )}
    </div>
  );
}

/**
 * A draggable card: focus it and press Space to pick it up, arrows to move, Space to drop. A
 * viewer's cards stay put: a move they cannot save is not offered.
 */
export function BoardCard({ canWrite = true, ask, ...props }: CardProps & { dimmed: boolean; canWrite?: boolean; ask?: ReactNode }) {
  // While it asks for missing fields the card stays where it was and is not draggable: its form takes the keys.
  const { attributes, listeners, setNodeRef } = useDraggable({ id: props.record.id, disabled: !canWrite || !!ask });
  return (
    <article ref={setNodeRef} className="tl-board-card" data-dimmed={props.dimmed || undefined} data-asking={ask ? true : undefined}
      {...(canWrite && !ask ? { ...attributes, ...listeners } : {})}
      aria-label={props.record.title || t('common.untitled')} aria-describedby={canWrite && !ask ? 'tl-board-help' : undefined}>
      <CardBody {...props} />
      {ask}
    </article>
  );
}
