import type { Transaction } from 'dexie';
import type { Locale } from '../../i18n/locale';
import { PRESET_FOLDER_IDS, presetFolders, presetViews, productFields } from '../folders/presets';
import { PRESET_LABELS, PRESET_LOCALES } from '../folders/presetLabels';
import type { Folder } from '../model/entities';

/**
 * Schema v9's upgrade: the preset Products catalogue for workspaces made before it, named in the
 * language their deals folder is named in, after the other folders. Stamped at time 0 like v5's
 * field, so any device's or the server's own copy of these presets wins over this one.
 */
export async function addProductsCatalogue(tx: Transaction): Promise<void> {
  if (await tx.table('folders').get(PRESET_FOLDER_IDS.products)) return;
  const folders = (await tx.table('folders').toArray()) as Folder[];
  const deals = folders.find((f) => f.id === PRESET_FOLDER_IDS.deals);
  const locale: Locale = PRESET_LOCALES.find((l) => PRESET_LABELS[l].folders.deals === deals?.name) ?? 'en';
  const folder = presetFolders(0, locale).find((f) => f.id === PRESET_FOLDER_IDS.products)!;
  await tx.table('folders').add({ ...folder, order: Math.max(-1, ...folders.map((f) => f.order)) + 1 });
  await tx.table('fields').bulkAdd(productFields(0, locale));
  await tx.table('views').bulkAdd(presetViews(0, locale).filter((v) => v.folderId === PRESET_FOLDER_IDS.products));
}
