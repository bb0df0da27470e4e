import { useId, useState } from 'react';
import { saveCallOutcomes } from '../../storage/activities/callOutcomes';
import type { CallOutcome } from '../../storage/model/callOutcomes';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { useDb } from '../shell/DbProvider';
import { outcomeLabel } from './outcomes';
import { useSubmit } from './useSubmit';

/** An id for an outcome an admin adds: stable across renames of its label, unique in the list. */
function newOutcomeId(label: string, taken: readonly CallOutcome[]): string {
  const base = label.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).toLowerCase() || 'outcome';
  let id = base;
  for (let n = 2; taken.some((o) => o.id === id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The workspace's call outcome list, for admins: add, reorder, remove, then save once. Lives inside
 * the call form, so it is no form of its own (Enter in its box adds, not logs the call).
 */
export function OutcomesEditor({ outcomes, onClose }: { outcomes: readonly CallOutcome[]; onClose: () => void }) {
  const db = useDb();
  const id = useId();
  const [list, setList] = useState<CallOutcome[]>([...outcomes]);
  const [draft, setDraft] = useState('');
  const { busy, error, status, run, setError } = useSubmit();

  const add = () => {
    const label = draft.trim();
    if (!label) return;
    if (list.some((o) => outcomeLabel(o.id, list).toLocaleLowerCase() === label.toLocaleLowerCase())) return setError(t('activity.outcomes.exists'));
    setList([...list, { id: newOutcomeId(label, list), label }]);
    setDraft('');
    setError(undefined);
  };
  const remove = (i: number) => (list.length > 1 ? setList(list.filter((_, j) => j !== i)) : setError(t('activity.outcomes.last')));
  const up = (i: number) => setList(list.map((o, j) => (j === i - 1 ? list[i]! : j === i ? list[i - 1]! : o)));

  return (
    <fieldset className="tl-act-outcomes">
      <legend>{t('activity.outcomes.title')}</legend>
      <p className="tl-act-hint">{t('activity.outcomes.help')}</p>
      <ol>
        {list.map((o, i) => {
          const label = outcomeLabel(o.id, list);
          return (
            <li key={o.id}>
              <span dir="auto">{label}</span>
              <button type="button" disabled={i === 0} aria-label={t('activity.outcomes.up', { outcome: label })} onClick={() => up(i)}><Icon name="moveUp" size={14} /></button>
              <button type="button" aria-label={t('activity.outcomes.remove', { outcome: label })} onClick={() => remove(i)}><Icon name="remove" size={14} /></button>
            </li>
          );
        })}
      </ol>
      <div className="tl-act-add">
        <label htmlFor={`${id}-new`} className="tl-visually-hidden">{t('activity.outcomes.new')}</label>
        <input
          id={`${id}-new`}
          value={draft}
          maxLength={120}
          placeholder={t('activity.outcomes.new')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!draft.trim()}>{t('activity.outcomes.add')}</button>
      </div>
      {error && <div role="alert" className="tl-error">{error}</div>}
      <div className="tl-act-submit">
        <button type="button" className="tl-primary" disabled={busy} onClick={() => void run(() => saveCallOutcomes(db, list), onClose)}>
          {t('activity.outcomes.save')}
        </button>
        <button type="button" onClick={onClose}>{t('activity.outcomes.done')}</button>
        <span aria-live="polite" className="tl-act-status">{status}</span>
      </div>
    </fieldset>
  );
}
