import { useState } from 'react';
import { STAGE_OUTCOMES, type Pipeline } from '../../storage/model/entities';
import { createPipeline, deletePipeline, updatePipeline, type StageInput } from '../../storage/pipelines/pipelines';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { ConfirmButton } from './ConfirmButton';
import { ErrorAlert } from './ErrorAlert';
import { outcomeLabel } from './labels';
import { useDb } from '../shell/DbProvider';

function StageRow({ stage, n, count, onChange, onMove, onRemove }: {
  stage: StageInput; n: number; count: number; onChange: (s: StageInput) => void; onMove: (by: number) => void; onRemove: () => void;
}) {
  return (
    <li className="tl-stage-row" aria-label={t('views.pipeline.stageN', { n })}>
      <input aria-label={t('views.pipeline.stageName', { n })} value={stage.name} onChange={(e) => onChange({ ...stage, name: e.target.value })} />
      <input aria-label={t('views.pipeline.probability', { n })} type="number" min={0} max={100} className="tl-narrow" value={stage.probability}
        onChange={(e) => onChange({ ...stage, probability: Number(e.target.value) })} />
      <input aria-label={t('views.pipeline.color', { n })} type="color" value={stage.color} onChange={(e) => onChange({ ...stage, color: e.target.value })} />
      <select aria-label={t('views.pipeline.outcome', { n })} value={stage.outcome} onChange={(e) => onChange({ ...stage, outcome: e.target.value as StageInput['outcome'] })}>
        {STAGE_OUTCOMES.map((o) => <option key={o} value={o}>{outcomeLabel(o)}</option>)}
      </select>
      <button type="button" aria-label={t('views.moveUp', { field: stage.name })} disabled={n === 1} onClick={() => onMove(-1)}><Icon name="moveUp" size={14} /></button>
      <button type="button" aria-label={t('views.moveDown', { field: stage.name })} disabled={n === count} onClick={() => onMove(1)}><Icon name="moveDown" size={14} /></button>
      <button type="button" aria-label={t('views.pipeline.removeStage', { name: stage.name })} onClick={onRemove}><Icon name="remove" size={14} /></button>
    </li>
  );
}

/** Several pipelines per workspace: pick one, rename it, edit its stages; create and delete pipelines. */
export function PipelineDialog({ pipelines, initialId, onClose }: { pipelines: readonly Pipeline[]; initialId?: string; onClose: () => void }) {
  const db = useDb();
  const [id, setId] = useState(initialId ?? pipelines[0]?.id);
  const current = pipelines.find((p) => p.id === id) ?? pipelines[0];
  const [name, setName] = useState(current?.name ?? '');
  const [stages, setStages] = useState<StageInput[]>(current?.stages ?? []);
  const [errors, setErrors] = useState<string[]>([]);
  const select = (p: Pipeline | undefined) => {
    setId(p?.id);
    setName(p?.name ?? '');
    setStages(p?.stages ?? []);
    setErrors([]);
  };
  const run = (work: Promise<unknown>) => work.then(() => setErrors([]), (e: unknown) => setErrors(describeError(e)));
  const move = (i: number, by: number) => {
    const next = [...stages];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setStages(next);
  };

  return (
    <section className="tl-dialog tl-pipelines" role="dialog" aria-label={t('views.pipeline.title')}>
      <header className="tl-toolbar">
        <h3>{t('views.pipeline.title')}</h3>
        <select aria-label={t('views.board.pipeline')} value={current?.id} onChange={(e) => select(pipelines.find((p) => p.id === e.target.value))}>
          {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <button type="button" onClick={() => void run(createPipeline(db, t('views.pipeline.newName')).then(select))}><Icon name="add" size={14} /> {t('views.pipeline.new')}</button>
      </header>
      <ErrorAlert errors={errors} />
      <label>
        {t('views.pipeline.name')} <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ol className="tl-plain-list">
        {stages.map((s, i) => (
          <StageRow key={s.id ?? `new-${i}`} stage={s} n={i + 1} count={stages.length} onMove={(by) => move(i, by)}
            onChange={(next) => setStages(stages.map((x, j) => (j === i ? next : x)))} onRemove={() => setStages(stages.filter((_, j) => j !== i))} />
        ))}
      </ol>
      <div className="tl-actions">
        <button type="button" onClick={() => setStages([...stages, { name: t('views.pipeline.newStage'), probability: 50, color: '#b0bec5', outcome: 'open' }])}>
          <Icon name="add" size={14} /> {t('views.pipeline.addStage')}
        </button>
        <button type="button" className="tl-primary" onClick={() => current && void run(updatePipeline(db, current.id, { name, stages }))}>{t('common.save')}</button>
        {current && pipelines.length > 1 && (
          <ConfirmButton label={t('views.pipeline.delete')} question={t('views.pipeline.deleteQuestion', { name: current.name })} confirmLabel={t('views.deleteConfirm')}
            onConfirm={() => void run(deletePipeline(db, current.id).then(() => select(pipelines.find((p) => p.id !== current.id))))} />
        )}
        <button type="button" onClick={onClose}>{t('views.close')}</button>
      </div>
    </section>
  );
}
