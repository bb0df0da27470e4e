import { useId } from 'react';
import type { Pipeline } from '../../../storage/model/entities';

type Stage = { pipelineId: string; stageId: string };

export const stageKeyOf = (s: Stage) => `${s.pipelineId}/${s.stageId}`;

/** One select of every pipeline's stages, grouped by pipeline when there are several. */
export function StageSelect({ label, pipelines, value, onChange }: { label: string; pipelines: readonly Pipeline[]; value: string; onChange: (s: Stage) => void }) {
  const id = useId();
  const options = (p: Pipeline) => p.stages.map((s) => <option key={s.id} value={stageKeyOf({ pipelineId: p.id, stageId: s.id })}>{s.name}</option>);
  return (
    <label htmlFor={id}>
      {label}
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const [pipelineId = '', stageId = ''] = e.target.value.split('/');
          onChange({ pipelineId, stageId });
        }}
      >
        {pipelines.length === 1 ? options(pipelines[0]!) : pipelines.map((p) => <optgroup key={p.id} label={p.name}>{options(p)}</optgroup>)}
      </select>
    </label>
  );
}
