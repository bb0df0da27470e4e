import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../../components/shell/DbProvider';
import { useTableRows } from '../../../components/crm/useTableRows';
import { loadFolderSchema, type FolderSchema } from '../../../storage/folders/schema';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ViewQuery } from '../../../storage/views/viewQuery';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const { contacts } = PRESET_FOLDER_IDS;
const wrapper = ({ children }: { children: ReactNode }) => <DbProvider db={db}>{children}</DbProvider>;
const warmed = () => performance.getEntriesByName('tl-table:warmed').map((m) => (m as PerformanceMark).detail as string);
const byFirstName = (direction: 'asc' | 'desc'): ViewQuery => ({ filters: [], sort: [{ fieldId: 'fc_firstName', direction }] });

describe('a table’s rows', { timeout: 30_000 }, () => {
  let schema: FolderSchema;
  beforeEach(async () => {
    await resetDb();
    performance.clearMarks('tl-table:warmed');
    for (const [first, last] of [['Cleo', 'Vidal'], ['Ana', 'Zubiri'], ['Bruno', 'Abad']]) await createRecord(db, contacts, { fc_firstName: first, fc_lastName: last });
    schema = await loadFolderSchema(db, contacts);
  });

  it('reads the sorted key lists of the view’s index-sortable columns once the rows show, and no others', async () => {
    const columns = ['fc_firstName', 'fc_lastName', 'fc_lifecycleStage'];
    const { result } = renderHook(() => useTableRows(schema, { filters: [], sort: [] }, true, columns), { wrapper });
    await waitFor(() => expect(result.current.ids).toHaveLength(3));
    await waitFor(() => expect(warmed().sort()).toEqual(['fc_firstName', 'fc_lastName']));
    // A dropdown is ordered by its options, not by the index: its list is not held.
    expect(warmed()).not.toContain('fc_lifecycleStage');
  });

  it('ends on the last of quick sort changes, never on an older one that finished later', async () => {
    const { result, rerender } = renderHook(({ query }) => useTableRows(schema, query, true, []), { wrapper, initialProps: { query: byFirstName('asc') } });
    await waitFor(() => expect(result.current.ids).toHaveLength(3));
    for (const q of [byFirstName('desc'), { filters: [], sort: [{ fieldId: 'fc_lastName', direction: 'asc' as const }] }, byFirstName('desc')]) rerender({ query: q });
    const names = () => {
      const { ids, want, get } = result.current;
      if (ids) want(ids); // the rows on screen, as the table asks for them
      return ids?.map((id) => get(id)?.values.fc_firstName);
    };
    await waitFor(() => expect(names()).toEqual(['Cleo', 'Bruno', 'Ana']));
    expect(result.current.orderKey).toBe(JSON.stringify(byFirstName('desc')));
  });
});
