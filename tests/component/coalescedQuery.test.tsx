import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCoalescedQuery } from '../../components/crm/useCoalescedQuery';
import { DbProvider } from '../../components/shell/DbProvider';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { db, resetDb } from '../support/db';

const countContacts = () => db.records.where('folderId').equals(PRESET_FOLDER_IDS.contacts).count();
const wrapper = ({ children }: { children: ReactNode }) => <DbProvider db={db}>{children}</DbProvider>;

describe('useCoalescedQuery', () => {
  beforeEach(resetDb);

  it('follows every change, but a burst of writes costs a few re-reads, not one each', async () => {
    let runs = 0;
    const { result } = renderHook(() => useCoalescedQuery('records', async () => (runs++, countContacts()), []), { wrapper });
    await waitFor(() => expect(result.current).toBe(0));
    await act(async () => {
      for (let i = 0; i < 30; i++) await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: `P${i}` });
    });
    await waitFor(() => expect(result.current).toBe(30));
    // One run per write would be 31; coalescing keeps it to the runs that had to wait for a write.
    expect(runs).toBeLessThan(31);
  });

  it('ignores changes to other tables and shows nothing computed for other arguments', async () => {
    let runs = 0;
    const { result, rerender } = renderHook(({ folder }) => useCoalescedQuery('records', async () => (runs++, folder), [folder]), { initialProps: { folder: 'a' }, wrapper });
    await waitFor(() => expect(result.current).toBe('a'));
    await act(() => db.meta.put({ key: 'unrelated', value: 1 }));
    expect(runs).toBe(1);
    rerender({ folder: 'b' });
    // Until the new read is back, the hook says "loading", not the other folder's rows.
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe('b'));
  });
});
