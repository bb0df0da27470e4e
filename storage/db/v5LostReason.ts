import type { Transaction } from 'dexie';
import type { Locale } from '../../i18n/locale';
import { PRESET_FOLDER_IDS, presetFields } from '../folders/presets';
import { PRESET_LABELS, PRESET_LOCALES } from '../folders/presetLabels';
import type { Folder } from '../model/entities';
import type { Field } from '../model/field';

export const LOST_REASON_FIELD_ID = 'fd_lostReason';

/**
 * Schema v5's upgrade: the preset Lost reason field, added to a deals folder that lacks it, after
 * its last field. Stamped at time 0 (older than any edit), so any device's or the server's own
 * version of this preset wins over the one the upgrade made up.
 */
export async function addMissingLostReason(tx: Transaction): Promise<void> {
  const deals = (await tx.table('folders').get(PRESET_FOLDER_IDS.deals)) as Folder | undefined;
  if (!deals || (await tx.table('fields').get(LOST_REASON_FIELD_ID))) return;
  const existing = (await tx.table('fields').where('folderId').equals(deals.id).toArray()) as Field[];
  const locale: Locale = PRESET_LOCALES.find((l) => PRESET_LABELS[l].folders.deals === deals.name) ?? 'en';
  const preset = presetFields(0, locale).find((f) => f.id === LOST_REASON_FIELD_ID)!;
  await tx.table('fields').add({ ...preset, order: Math.max(-1, ...existing.map((f) => f.order)) + 1 });
}
