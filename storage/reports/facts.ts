import type { Activity, CrmRecord, Pipeline } from '../model/entities';
import type { Field } from '../model/field';
import type { Currency, StageValue } from '../model/fieldValues';
import { orderedLines } from '../lines/line';
import { dayMs } from './period';
import type { ContactFact, DealFact } from './types';

/**
 * Reports read the preset fields by their stable key (labels can be renamed, keys cannot), so a
 * workspace that deleted a field simply gets no figure for it.
 */
export function fieldIdsByKey(fields: readonly Field[]): Map<string, string> {
  return new Map(fields.map((f) => [f.key, f.id]));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const money = (v: unknown): Currency | undefined => {
  const c = v as Currency | undefined;
  return c && typeof c === 'object' && num(c.amount) !== undefined && typeof c.currency === 'string' ? c : undefined;
};
const stage = (v: unknown): StageValue | undefined => {
  const s = v as StageValue | undefined;
  return s && typeof s === 'object' && typeof s.pipelineId === 'string' && typeof s.stageId === 'string' ? s : undefined;
};
const firstLink = (v: unknown): string | undefined => (Array.isArray(v) ? str(v[0]) : undefined);
/** A deal's lines in display order, or undefined for a deal without any (most deals). */
function linesOf(r: CrmRecord) {
  if (!r.lines) return undefined;
  const ordered = orderedLines(r.lines);
  return ordered.length ? ordered : undefined;
}

/**
 * When each deal entered the stage it is in now: the latest stage change into that stage. A deal
 * moved Won → Negotiation → Won closes at the second Won.
 */
export function entryTimes(stageChanges: readonly Activity[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const a of stageChanges) {
    if (a.kind !== 'stageChange') continue;
    const key = `${a.to.pipelineId}/${a.to.stageId}`;
    for (const id of a.recordIds) {
      const byStage = out.get(id) ?? new Map<string, number>();
      byStage.set(key, Math.max(byStage.get(key) ?? -Infinity, a.at));
      out.set(id, byStage);
    }
  }
  return out;
}

export function dealFacts(
  records: readonly CrmRecord[],
  fields: readonly Field[],
  pipelines: readonly Pipeline[],
  stageChanges: readonly Activity[],
  /** The deals' link field to a companies folder; the preset "company" field when not given. */
  companyFieldId?: string,
): DealFact[] {
  const id = fieldIdsByKey(fields);
  const companyField = companyFieldId ?? id.get('company');
  const get = (r: CrmRecord, key: string) => {
    const fid = id.get(key);
    return fid === undefined ? undefined : r.values[fid];
  };
  const entered = entryTimes(stageChanges);
  return records.map((r) => {
    const sv = stage(get(r, 'stage'));
    const st = sv && pipelines.find((p) => p.id === sv.pipelineId)?.stages.find((s) => s.id === sv.stageId);
    const startDate = str(get(r, 'startDate'));
    const closed = st && st.outcome !== 'open' ? entered.get(r.id)?.get(`${sv.pipelineId}/${sv.stageId}`) : undefined;
    return {
      id: r.id,
      title: r.title,
      pipelineId: sv?.pipelineId,
      stageId: sv?.stageId,
      outcome: st?.outcome,
      stageProbability: st?.probability,
      probability: num(get(r, 'probability')),
      amount: money(get(r, 'amount')),
      owner: str(get(r, 'owner')),
      startMs: startDate ? dayMs(startDate) : r.createdAt,
      expectedClose: str(get(r, 'expectedClose')),
      mainContactId: firstLink(get(r, 'mainContact')),
      source: str(get(r, 'source')),
      campaign: str(get(r, 'campaign')),
      closedAt: closed,
      lostReason: str(get(r, 'lostReason')),
      companyId: companyField === undefined ? undefined : firstLink(r.values[companyField]),
      lines: linesOf(r),
    };
  });
}

/** Facts read without history given when each closed deal closed (its latest change into its stage). */
export function withClosedAt(deals: readonly DealFact[], stageChanges: readonly Activity[]): DealFact[] {
  const entered = entryTimes(stageChanges);
  return deals.map((d) => {
    const at = d.outcome && d.outcome !== 'open' ? entered.get(d.id)?.get(`${d.pipelineId}/${d.stageId}`) : undefined;
    return at === undefined ? d : { ...d, closedAt: at };
  });
}

export function contactFacts(records: readonly CrmRecord[], fields: readonly Field[]): ContactFact[] {
  const id = fieldIdsByKey(fields);
  const get = (r: CrmRecord, key: string) => {
    const fid = id.get(key);
    return fid === undefined ? undefined : str(r.values[fid]);
  };
  return records.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.createdAt,
    owner: get(r, 'owner'),
    source: get(r, 'source'),
    campaign: get(r, 'campaign'),
    lifecycleStage: get(r, 'lifecycleStage'),
    leadStatus: get(r, 'leadStatus'),
  }));
}

/** Record id → owner for every record of any folder with an "owner" field. */
export function ownersOf(records: readonly CrmRecord[], fieldsByFolder: ReadonlyMap<string, readonly Field[]>): Map<string, string> {
  const ownerField = new Map<string, string>();
  for (const [folderId, fields] of fieldsByFolder) {
    const f = fields.find((x) => x.key === 'owner');
    if (f) ownerField.set(folderId, f.id);
  }
  const out = new Map<string, string>();
  for (const r of records) {
    const fid = ownerField.get(r.folderId);
    const owner = fid ? str(r.values[fid]) : undefined;
    if (owner) out.set(r.id, owner);
  }
  return out;
}
