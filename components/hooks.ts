import { formatLocale } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadFolderSchema } from '../storage/folders/schema';
import type { FormatContext } from '../storage/model/fieldRegistry';
import type { Pipeline } from '../storage/model/entities';
import { listFolders, listPipelines } from '../storage/queries/crm';
import { useDb } from './shell/DbProvider';

export function useFolderSchema(folderId: string | undefined) {
  const db = useDb();
  return useLiveQuery(() => (folderId ? loadFolderSchema(db, folderId) : undefined), [db, folderId]);
}

export function useFolders() {
  const db = useDb();
  return useLiveQuery(() => listFolders(db), [db]);
}

export function usePipelines() {
  const db = useDb();
  return useLiveQuery(() => listPipelines(db), [db]);
}

export const uiLocale = formatLocale;

export function formatContext(pipelines: readonly Pipeline[], recordTitle?: (id: string) => string | undefined): FormatContext {
  return { locale: uiLocale(), pipelines, recordTitle };
}
