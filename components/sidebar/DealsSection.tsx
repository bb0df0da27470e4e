import { useState } from 'react';
import { unlinkThread } from '../../storage/activities/activities';
import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Currency, StageValue } from '../../storage/model/fieldValues';
import { createDealForThread } from '../../storage/threads/quickCreate';
import { linkThreadPrivately } from '../../storage/threads/threads';
import { updateRecord } from '../../storage/write/records';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { uiLocale } from '../hooks';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { FirstOf } from './FirstOf';
import { numberFormat } from '../../storage/model/intl';

/** The people's other open deals shown before "Show more" (the thread's own deals always show). */
const OTHER_DEALS_SHOWN = 5;

type CardProps = { deal: CrmRecord; pipelines: readonly Pipeline[]; threadId: string; linked: boolean; canWrite: boolean };

function DealCard({ deal, pipelines, threadId, linked, canWrite }: CardProps) {
  const db = useDb();
  const stage = deal.values.fd_stage as StageValue | undefined;
  const amount = deal.values.fd_amount as Currency | undefined;
  const pipeline = pipelines.find((p) => p.id === stage?.pipelineId) ?? pipelines[0];
  const [error, setError] = useState<string>();
  const run = (p: Promise<unknown>) => p.then(() => setError(undefined), (e: unknown) => setError(describeError(e).join(' ')));
  return (
    <article className="tl-card" aria-label={t('sidebar.deal', { name: deal.title })}>
      <h3 className="tl-card-title" dir="auto">{deal.title}</h3>
      {amount && (
        <div className="tl-card-sub">{numberFormat(uiLocale(), { style: 'currency', currency: amount.currency }).format(amount.amount)}</div>
      )}
      {error && <div role="alert" className="tl-error">{error}</div>}
      <div className="tl-row">
        <label htmlFor={`stage-${deal.id}`}>{t('sidebar.stage')}</label>
        <select
          id={`stage-${deal.id}`}
          value={stage?.stageId ?? ''}
          disabled={!canWrite}
          onChange={(e) => pipeline && run(updateRecord(db, deal.id, { fd_stage: { pipelineId: pipeline.id, stageId: e.target.value } }))}
        >
          {pipeline?.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {!canWrite ? null : linked ? (
        <button type="button" onClick={() => run(unlinkThread(db, threadId, deal.id))}>
          {t('sidebar.unlink')}
        </button>
      ) : (
        <button type="button" onClick={() => run(linkThreadPrivately(db, threadId, deal.id))}>
          {t('sidebar.link')}
        </button>
      )}
    </article>
  );
}

type Props = {
  threadId: string;
  subject: string;
  linkedDeals: readonly CrmRecord[];
  otherDeals: readonly CrmRecord[];
  contactIds: string[];
  companyIds: string[];
  pipelines: readonly Pipeline[];
};

/** The thread's own deal first, then the people's other open deals, and a way to start a new one. */
export function DealsSection({ threadId, subject, linkedDeals, otherDeals, contactIds, companyIds, pipelines }: Props) {
  const db = useDb();
  const [error, setError] = useState<string>();
  const canWrite = useCanWrite();
  const isOpen = (d: CrmRecord) => {
    const s = d.values.fd_stage as StageValue | undefined;
    return pipelines.find((p) => p.id === s?.pipelineId)?.stages.find((st) => st.id === s?.stageId)?.outcome !== 'won' &&
      pipelines.find((p) => p.id === s?.pipelineId)?.stages.find((st) => st.id === s?.stageId)?.outcome !== 'lost';
  };
  const open = otherDeals.filter(isOpen);
  return (
    <section aria-label={t('sidebar.deals')}>
      <h2 className="tl-section">{t('sidebar.deals')}</h2>
      {linkedDeals.map((d) => (
        <DealCard key={d.id} deal={d} pipelines={pipelines} threadId={threadId} linked canWrite={canWrite} />
      ))}
      <FirstOf
        items={open}
        limit={OTHER_DEALS_SHOWN}
        more={(count) => t('sidebar.moreDeals', { count })}
        render={(d) => <DealCard key={d.id} deal={d} pipelines={pipelines} threadId={threadId} linked={false} canWrite={canWrite} />}
      />
      {error && <div role="alert" className="tl-error">{error}</div>}
      {canWrite && linkedDeals.length === 0 && (
        <button
          type="button"
          onClick={() =>
            createDealForThread(db, { threadId, name: subject, contactIds, companyIds }).then(
              () => setError(undefined),
              (e: unknown) => setError(describeError(e).join(' ')),
            )
          }
        >
          {t('sidebar.newDeal')}
        </button>
      )}
    </section>
  );
}
