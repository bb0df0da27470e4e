import { describe, expect, it } from 'vitest';
import { buildBoard } from '../../components/crm/boardModel';
import { patchColumns, patchOrder, type BoardChange } from '../../components/crm/boardOrder';
import type { CrmRecord } from '../../storage/model/entities';
import { byRecentChange } from '../../storage/views/viewQuery';
import { DEFAULT_PIPELINE_ID, presetFields, presetPipelines } from '../../storage/folders/presets';

const pipeline = presetPipelines(0)[0]!;
const stageField = presetFields(0).find((f) => f.id === 'fd_stage')!;
const stages = pipeline.stages.map((s) => s.id);

const deal = (i: number, stageId: string, updatedAt: number): CrmRecord => ({
  id: `d${String(i).padStart(4, '0')}`, folderId: 'folder_deals', values: { fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId } }, title: `D${i}`,
  emails: [], domains: [], linkedIds: [], stats: {}, createdAt: 0, updatedAt,
});

/** A seeded stream of moves, edits, inserts and deletes (some with equal timestamps, so the id breaks ties). */
function scenario(seed: number) {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const held = new Map<string, CrmRecord>();
  for (let i = 0; i < 300; i++) held.set(deal(i, stages[rnd(stages.length)]!, rnd(50)).id, deal(i, stages[rnd(stages.length)]!, rnd(50)));
  let rows = byRecentChange([...held.values()]);
  let columns = buildBoard(rows, stageField, pipeline);
  for (let step = 0; step < 60; step++) {
    const changes: BoardChange[] = [];
    for (let k = 0; k < 1 + rnd(4); k++) {
      const id = `d${String(rnd(320)).padStart(4, '0')}`;
      const before = held.get(id);
      const after = rnd(6) === 0 ? undefined : deal(Number(id.slice(1)), stages[rnd(stages.length)]!, 40 + rnd(step + 20));
      if (after) held.set(id, after);
      else held.delete(id);
      changes.push({ id, before, after });
    }
    const untouched = columns.filter((c) => !changes.some((ch) => [ch.before, ch.after].some((r) => r?.values.fd_stage && (r.values.fd_stage as { stageId: string }).stageId === c.id)));
    const nextColumns = patchColumns(columns, changes, stageField, pipeline);
    for (const c of untouched) expect(nextColumns.find((n) => n.id === c.id)).toBe(c);
    rows = patchOrder(rows, changes);
    columns = nextColumns;
    const fresh = byRecentChange([...held.values()]);
    expect(rows.map((r) => r.id)).toEqual(fresh.map((r) => r.id));
    expect(columns.map((c) => c.records.map((r) => r.id))).toEqual(buildBoard(fresh, stageField, pipeline).map((c) => c.records.map((r) => r.id)));
  }
}

describe('board order patched from changed keys', () => {
  it('equals a fresh sort and grouping after every step of seeded moves, edits, inserts and deletes; untouched columns keep their lists', () => {
    for (const seed of [1, 7, 42, 99]) scenario(seed);
  });

  it('a move re-lists only the two columns it touches and puts the card at the top of its new column', () => {
    const rows = byRecentChange([deal(1, stages[0]!, 5), deal(2, stages[1]!, 4), deal(3, stages[2]!, 3)]);
    const columns = buildBoard(rows, stageField, pipeline);
    const moved = deal(3, stages[1]!, 9);
    const next = patchColumns(columns, [{ id: moved.id, before: rows[2], after: moved }], stageField, pipeline);
    expect(next[0]).toBe(columns[0]);
    expect(next[1]!.records.map((r) => r.id)).toEqual(['d0003', 'd0002']);
    expect(next[2]!.records).toEqual([]);
    expect(columns[1]!.records.map((r) => r.id)).toEqual(['d0002']);
  });
});
