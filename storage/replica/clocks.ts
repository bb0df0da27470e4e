export type { ClockRow, ParkedDoc } from './rows';
import type { ThreadlineDB } from '../db/db';
import type { SyncedTable } from '../model/entities';
import { encodeHlc, HLC_ZERO, isValidDeviceId, receive, tick, decodeHlc, type Hlc, type HlcState } from './hlc';
import type { DocState } from './merge';
import type { ClockRow } from './rows';
import { toUnits } from './units';

export const clockKey = (table: SyncedTable, id: string) => `${table}/${id}`;

const DEVICE_KEY = 'deviceId';
const HLC_KEY = 'hlc';

function randomDeviceId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/**
 * Fixes this device's id, which breaks clock ties: a device picks a random one by itself; the sync
 * simulation names its replicas so that a seed replays identically.
 */
export async function setDeviceId(db: ThreadlineDB, id: string): Promise<void> {
  if (!isValidDeviceId(id)) throw new Error(`Not a device id: ${id}`);
  await db.syncState.put({ key: DEVICE_KEY, value: id });
}

/**
 * This device's id, picked at random the first time it is asked for (inside the caller's
 * transaction, which must include `syncState`). Template use counters are keyed by it too.
 */
export async function deviceId(db: ThreadlineDB): Promise<string> {
  const row = await db.syncState.get(DEVICE_KEY);
  if (typeof row?.value === 'string' && isValidDeviceId(row.value)) return row.value;
  const device = randomDeviceId();
  await db.syncState.put({ key: DEVICE_KEY, value: device });
  return device;
}

/**
 * The device's clock, read and written inside the caller's transaction (which must include
 * `syncState`): every page, the sync host and the background share one monotonic clock, because
 * IndexedDB serialises their transactions.
 */
export class TxClock {
  private state: HlcState | undefined;
  private dirty = false;

  constructor(private readonly db: ThreadlineDB, private readonly now: () => number = Date.now) {}

  private async load(): Promise<HlcState> {
    if (this.state) return this.state;
    const [device, hlcRow] = await Promise.all([deviceId(this.db), this.db.syncState.get(HLC_KEY)]);
    const saved = typeof hlcRow?.value === 'string' ? safeDecode(hlcRow.value) : undefined;
    this.state = saved ? { ...saved, device } : { ms: 0, counter: 0, device };
    return this.state;
  }

  async tick(): Promise<Hlc> {
    this.state = tick(await this.load(), this.now());
    this.dirty = true;
    return encodeHlc(this.state);
  }

  /** `n` successive ticks in one call, for bulk writes. */
  async tickMany(n: number): Promise<Hlc[]> {
    let state = await this.load();
    const out: Hlc[] = [];
    for (let i = 0; i < n; i++) {
      state = tick(state, this.now());
      out.push(encodeHlc(state));
    }
    this.state = state;
    this.dirty ||= n > 0;
    return out;
  }

  async observe(remote: Hlc): Promise<void> {
    const before = await this.load();
    const after = receive(before, remote, this.now());
    if (after !== before) {
      this.state = after;
      this.dirty = true;
    }
  }

  async save(): Promise<void> {
    if (this.dirty && this.state) await this.db.syncState.put({ key: HLC_KEY, value: encodeHlc(this.state) });
    this.dirty = false;
  }
}

function safeDecode(stamp: string): HlcState | undefined {
  try {
    return decodeHlc(stamp);
  } catch {
    return undefined;
  }
}

/**
 * What this device holds of a document as merge state. A document stored before clocks existed
 * (schema v1) has no clock row: it counts as created and edited at HLC_ZERO, older than any edit.
 */
export function stateFrom(table: SyncedTable, doc: Record<string, unknown> | undefined, row: ClockRow | undefined): DocState {
  const out: DocState = { units: {}, clocks: {} };
  if (doc) {
    out.units = toUnits(table, doc);
    for (const unit of Object.keys(out.units)) out.clocks[unit] = row?.fields[unit] ?? HLC_ZERO;
    // Cleared units keep their stamp: the clear must win over older values elsewhere.
    for (const [unit, stamp] of Object.entries(row?.fields ?? {})) out.clocks[unit] ??= stamp;
    out.born = row?.born ?? HLC_ZERO;
  } else if (row?.born !== undefined) {
    out.born = row.born;
  }
  if (row?.deleted !== undefined) out.deleted = row.deleted;
  return out;
}

export async function localState(db: ThreadlineDB, table: SyncedTable, id: string): Promise<DocState> {
  const [doc, row] = await Promise.all([
    db.table(table).get(id) as Promise<Record<string, unknown> | undefined>,
    db.clocks.get(clockKey(table, id)),
  ]);
  return stateFrom(table, doc, row);
}
