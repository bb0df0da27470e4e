import { useId, useState, type FormEvent } from 'react';
import type { Pipeline } from '../../storage/model/entities';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { describeError } from '../errors';
import { CURRENCIES } from '../fields/editors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { MissingFieldsForm } from '../mandatory/MissingFieldsForm';
import { useMandatoryAsk } from '../mandatory/useMandatoryAsk';

type Props = { threadId: string; subject: string; contactIds: string[]; companyIds: string[]; pipelines: readonly Pipeline[]; onDone: () => void };

/** "New deal from this thread": name (the subject, editable), amount, close date and pipeline; then any mandatory field the folder adds. */
export function NewDealForm({ threadId, subject, contactIds, companyIds, pipelines, onDone }: Props) {
  const db = useDb();
  const id = useId();
  const [name, setName] = useState(subject.replace(/^\s*((re|fwd?|rv|r|i)\s*:\s*)+/i, '').trim() || t('sidebar.newDealName'));
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string>('EUR');
  const [closeDate, setCloseDate] = useState('');
  const [pipelineId, setPipelineId] = useState(pipelines.find((p) => p.id === DEFAULT_PIPELINE_ID)?.id ?? pipelines[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const { ask, attempt, clear } = useMandatoryAsk();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = amount.trim() === '' ? undefined : { amount: Number(amount), currency };
    try {
      const outcome = await attempt(PRESET_FOLDER_IDS.deals, (extra) =>
        createDealForThread(db, { threadId, name, contactIds, companyIds, amount: value, closeDate: closeDate || undefined, pipelineId, extra }),
      );
      setError(undefined);
      if (outcome === 'saved') onDone();
    } catch (err) {
      setError(describeError(err).join(' '));
    }
  }

  return (
    <div className="tl-card">
      <form className="tl-new-deal" aria-label={t('sidebar.newDealForm')} onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && !ask && onDone()}>
        <div className="tl-row">
          <label htmlFor={`${id}-name`}>{t('sidebar.dealName')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required disabled={!!ask} />
        </div>
        <div className="tl-row">
          <label htmlFor={`${id}-amount`}>{t('sidebar.amount')}</label>
          <span className="tl-inline">
            <input id={`${id}-amount`} type="number" step="any" min="0" value={amount} onChange={(e) => setAmount(e.target.value)} disabled={!!ask} />
            <select aria-label={t('views.editor.currencyOf', { field: t('sidebar.amount') })} value={currency} onChange={(e) => setCurrency(e.target.value)} disabled={!!ask}>
              {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </span>
        </div>
        <div className="tl-row">
          <label htmlFor={`${id}-close`}>{t('sidebar.closeDate')}</label>
          <input id={`${id}-close`} type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} disabled={!!ask} />
        </div>
        {pipelines.length > 1 && (
          <div className="tl-row">
            <label htmlFor={`${id}-pipeline`}>{t('sidebar.pipeline')}</label>
            <select id={`${id}-pipeline`} value={pipelineId} onChange={(e) => setPipelineId(e.target.value)} disabled={!!ask}>
              {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
        )}
        {error && <div role="alert" className="tl-error">{error}</div>}
        {!ask && (
          <div className="tl-missing-actions">
            <button type="submit" className="tl-primary">{t('sidebar.createDeal')}</button>
            <button type="button" onClick={onDone}>{t('common.cancel')}</button>
          </div>
        )}
      </form>
      {ask && (
        <MissingFieldsForm name={name} fields={ask.fields} pipelines={ask.pipelines} saveLabel={t('sidebar.createDeal')}
          onCancel={clear}
          onSave={async (values) => {
            await ask.retry(values);
            clear();
            onDone();
          }} />
      )}
    </div>
  );
}
