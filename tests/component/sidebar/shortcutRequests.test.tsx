import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { setLocale } from '../../../i18n';
import type { ThreadContext } from '../../../messaging/threadContext';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const openRecord = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../../components/sidebar/host', async (original) => ({ ...(await original<object>()), openRecord }));

const context: ThreadContext = {
  threadId: 't1',
  subject: 'Pricing',
  userEmails: ['me@team.io'],
  messages: [{ messageId: 'm1', from: { name: 'Ana Ruiz', email: 'ana@acme.es' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [], date: 1, snippet: 'Hola' }],
};

describe("Gmail's shortcuts, as the sidebar hears them", () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    openRecord.mockClear();
  });

  it("opens the thread's record and starts a note, once per request, also when asked while it was still reading", async () => {
    const ana = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: ['ana@acme.es'] });
    const { rerender } = renderWithDb(<ThreadPanel context={context} logRequests={0} openRequests={0} noteRequests={0} />);
    // Asked before the panel has read anything: acted on once it has.
    rerender(<ThreadPanel context={context} logRequests={0} openRequests={1} noteRequests={0} />);
    await waitFor(() => expect(openRecord).toHaveBeenCalledWith(ana.id));
    rerender(<ThreadPanel context={context} logRequests={0} openRequests={1} noteRequests={1} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('form', { name: 'Note' }).querySelector('textarea')));
    rerender(<ThreadPanel context={context} logRequests={0} openRequests={1} noteRequests={1} />);
    expect(openRecord).toHaveBeenCalledTimes(1);
  });
});
