import { formatLocale } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../storage/db/db';
import { loadFolderSchema } from '../storage/folders/schema';
import type { FormatContext } from '../storage/model/fieldRegistry';
import type { Pipeline } from '../storage/model/entities';

export function useFolderSchema(folderId: string | undefined) {
  return useLiveQuery(() => (folderId ? loadFolderSchema(folderId) : undefined), [folderId]);
}

export function useFolders() {
  return useLiveQuery(() => db.folders.orderBy('id').toArray().then((fs) => fs.sort((a, b) => a.order - b.order)), []);
}

export function usePipelines() {
  return useLiveQuery(() => db.pipelines.toArray().then((ps) => ps.sort((a, b) => a.order - b.order)), []);
}

export const uiLocale = formatLocale;

export function formatContext(pipelines: readonly Pipeline[], recordTitle?: (id: string) => string | undefined): FormatContext {
  return { locale: uiLocale(), pipelines, recordTitle };
}
