import { useState } from 'react';
import { unlinkThread } from '../../storage/activities/activities';
import type { CrmRecord, Pipeline, RecordValues } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import type { StageValue } from '../../storage/model/fieldValues';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { updateRecord } from '../../storage/write/records';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useMandatoryAsk } from '../mandatory/useMandatoryAsk';
import { lostReasonToAsk } from '../mandatory/lostReason';
import { recordLines } from '../../storage/lines/recordLines';
import { amountField } from '../../storage/lines/dealAmount';
import { LineSummary } from '../lines/LineSummary';
import { CardFields } from './CardFields';
import { openRecord } from './host';
import { RecordLink } from './RecordLink';
import { LazyLostReasonAsk, LazyMissingFieldsForm, Later } from './lazy';

type Props = { deal: CrmRecord; fields: readonly Field[]; pipelines: readonly Pipeline[]; threadId: string; linked: boolean; canWrite: boolean; onLink?: () => void };

/**
 * A deal beside the thread: its name opens the record, its common fields edit in place, and a
 * stage change that leaves a mandatory field empty asks for it here instead of failing.
 */
export function DealCard({ deal, fields, pipelines, threadId, linked, canWrite, onLink }: Props) {
  const db = useDb();
  const stage = deal.values.fd_stage as StageValue | undefined;
  const pipeline = pipelines.find((p) => p.id === stage?.pipelineId) ?? pipelines[0];
  const [error, setError] = useState<string>();
  const [pendingStage, setPendingStage] = useState<string>();
  const { ask, attempt, clear } = useMandatoryAsk();
  // A move to a lost stage waits for its optional reason (Skip moves without one).
  const [askingLost, setAskingLost] = useState<Field>();
  const run = (p: Promise<unknown>) => p.then(() => setError(undefined), (e: unknown) => setError(describeError(e).join(' ')));

  const changeStage = (stageId: string) => {
    if (!pipeline) return;
    const value = { fd_stage: { pipelineId: pipeline.id, stageId } };
    setPendingStage(stageId);
    const reason = lostReasonToAsk(fields, pipelines, deal.values, 'fd_stage', value.fd_stage);
    if (reason) setAskingLost(reason);
    else save(value, {});
  };
  const save = (value: RecordValues, given: RecordValues) => {
    void run(
      attempt(PRESET_FOLDER_IDS.deals, (extra) => updateRecord(db, deal.id, { ...given, ...extra, ...value })).then((outcome) => {
        if (outcome === 'saved') setPendingStage(undefined);
      }, (e: unknown) => {
        setPendingStage(undefined);
        throw e;
      }),
    );
  };
  const cancel = () => {
    clear();
    setAskingLost(undefined);
    setPendingStage(undefined);
  };
  const stageName = (id: string | undefined) => pipeline?.stages.find((s) => s.id === id)?.name ?? '';

  return (
    <article className="tl-card" aria-label={t('sidebar.deal', { name: deal.title })}>
      <h3 className="tl-card-title" dir="auto"><RecordLink record={deal} /></h3>
      {error && <div role="alert" className="tl-error">{error}</div>}
      <div className="tl-row">
        <label htmlFor={`stage-${deal.id}`}>{t('sidebar.stage')}</label>
        <select id={`stage-${deal.id}`} value={pendingStage ?? stage?.stageId ?? ''} disabled={!canWrite || !!ask || !!askingLost} onChange={(e) => changeStage(e.target.value)}>
          {pipeline?.stages.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </div>
      {askingLost && pendingStage && pipeline && (
        <Later>
          <LazyLostReasonAsk name={deal.title} stage={stageName(pendingStage)} field={askingLost} pipelines={pipelines} onCancel={cancel}
            onSave={async (values) => {
              setAskingLost(undefined);
              save({ fd_stage: { pipelineId: pipeline.id, stageId: pendingStage } }, values);
            }} />
        </Later>
      )}
      {ask && (
        <Later>
          <LazyMissingFieldsForm
            name={deal.title}
            fields={ask.fields}
            pipelines={ask.pipelines}
            saveLabel={t('mandatory.moveTo', { column: stageName(pendingStage) })}
            onCancel={cancel}
            onSave={async (values) => {
              await ask.retry(values);
              cancel();
            }}
          />
        </Later>
      )}
      {/* A deal with products has its amount from them: the summary shows it, nothing types over it. */}
      <CardFields record={deal} fields={recordLines(deal).length ? fields.filter((f) => f !== amountField(fields)) : fields} kind="deals" pipelines={pipelines} canWrite={canWrite} />
      <LineSummary deal={deal} fields={fields} canWrite={canWrite} onOpen={() => void openRecord(deal.id)} />
      {!canWrite ? null : linked ? (
        <button type="button" className="tl-link" onClick={() => void run(unlinkThread(db, threadId, deal.id))}>
          {t('sidebar.unlink')}
        </button>
      ) : (
        onLink && <button type="button" className="tl-link" onClick={onLink}>{t('sidebar.link')}</button>
      )}
    </article>
  );
}
