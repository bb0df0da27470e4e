import { useState } from 'react';
import type { CrmRecord, Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import type { StageValue } from '../../storage/model/fieldValues';
import { linkThreadPrivately } from '../../storage/threads/threads';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { DealCard } from './DealCard';
import { DealPicker } from './DealPicker';
import { FirstOf } from './FirstOf';
import { LazyNewDealForm, Later } from './lazy';

/** The people's other open deals shown before "Show more" (the thread's own deals always show). */
const OTHER_DEALS_SHOWN = 5;

type Props = {
  threadId: string;
  subject: string;
  linkedDeals: readonly CrmRecord[];
  otherDeals: readonly CrmRecord[];
  contactIds: string[];
  companyIds: string[];
  pipelines: readonly Pipeline[];
  fields: readonly Field[];
};

const outcomeOf = (d: CrmRecord, pipelines: readonly Pipeline[]) => {
  const s = d.values.fd_stage as StageValue | undefined;
  return pipelines.find((p) => p.id === s?.pipelineId)?.stages.find((st) => st.id === s?.stageId)?.outcome;
};

/**
 * The thread's deals first (any number of them), then the people's other open deals, a search to
 * link any deal, and a form to start a new one.
 */
export function DealsSection({ threadId, subject, linkedDeals, otherDeals, contactIds, companyIds, pipelines, fields }: Props) {
  const db = useDb();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const canWrite = useCanWrite();
  const open = otherDeals.filter((d) => !['won', 'lost'].includes(outcomeOf(d, pipelines) ?? ''));
  const link = (dealId: string) => () =>
    void linkThreadPrivately(db, threadId, dealId).then(() => setError(undefined), (e: unknown) => setError(describeError(e).join(' ')));
  const card = (d: CrmRecord, linked: boolean) => (
    <DealCard key={d.id} deal={d} fields={fields} pipelines={pipelines} threadId={threadId} linked={linked} canWrite={canWrite} onLink={link(d.id)} />
  );
  return (
    <section aria-label={t('sidebar.deals')}>
      <h2 className="tl-section">{t('sidebar.deals')}</h2>
      {linkedDeals.map((d) => card(d, true))}
      <FirstOf items={open} limit={OTHER_DEALS_SHOWN} more={(count) => t('sidebar.moreDeals', { count })} render={(d) => card(d, false)} />
      {error && <div role="alert" className="tl-error">{error}</div>}
      {canWrite && <DealPicker threadId={threadId} />}
      {canWrite &&
        (creating ? (
          <Later>
            <LazyNewDealForm threadId={threadId} subject={subject} contactIds={contactIds} companyIds={companyIds} pipelines={pipelines} onDone={() => setCreating(false)} />
          </Later>
        ) : (
          <button type="button" onClick={() => setCreating(true)}>{t('sidebar.newDeal')}</button>
        ))}
    </section>
  );
}
