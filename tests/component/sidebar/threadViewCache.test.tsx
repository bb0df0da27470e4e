import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { setLocale } from '../../../i18n';
import type { ThreadContext } from '../../../messaging/threadContext';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const thread = (threadId: string): ThreadContext => ({
  threadId,
  subject: `Subject ${threadId}`,
  userEmails: ['me@team.io'],
  messages: [{ messageId: `m-${threadId}`, from: { name: 'Ana Ruiz', email: 'ana@acme.es' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [], date: 1, snippet: 'Hola' }],
});

describe("the sidebar's memory of threads it has shown", () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: ['ana@acme.es'] });
  });

  it('a thread shown before renders its people in the first commit; a thread never shown reads first', async () => {
    const first = renderWithDb(<ThreadPanel context={thread('t1')} logRequests={0} />);
    expect(await screen.findByRole('article', { name: /Ana Ruiz/ })).toBeInTheDocument();
    first.unmount();

    renderWithDb(<ThreadPanel context={thread('t1')} logRequests={0} />);
    // No waiting: getBy, in the render that mounted the panel.
    expect(screen.getByRole('article', { name: /Ana Ruiz/ })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('forgets on any write, so a re-opened thread never shows data older than the database', async () => {
    const first = renderWithDb(<ThreadPanel context={thread('t1')} logRequests={0} />);
    await screen.findByRole('article', { name: /Ana Ruiz/ });
    first.unmount();
    await createRecord(db, PRESET_FOLDER_IDS.companies, { fo_name: 'Acme' });

    renderWithDb(<ThreadPanel context={thread('t1')} logRequests={0} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: /Ana Ruiz/ })).toBeInTheDocument();
  });
});
