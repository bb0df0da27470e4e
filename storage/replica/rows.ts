import type { SyncedTable } from '../model/entities';
import type { Hlc } from './hlc';
import type { DocState } from './merge';

/** The stamps of one synced document, beside it in the `clocks` table. */
export type ClockRow = { key: string; fields: Record<string, Hlc>; born?: Hlc; deleted?: Hlc };

/** A remote document held back until what it depends on (its folder, a field) has arrived. */
export type ParkedDoc = { key: string; table: SyncedTable; id: string; state: DocState; reason: string; at: number };
