import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { setLocale } from '../../../i18n';
import type { ThreadContext } from '../../../messaging/threadContext';
import { logEmail, type EmailToLog } from '../../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const ana = { name: 'Ana Ruiz', email: 'ana@acme.es' };
const me = { name: 'Me', email: 'me@team.io' };
const context: ThreadContext = {
  threadId: 't1',
  subject: 'Pricing',
  userEmails: [me.email],
  messages: ['m1', 'm2'].map((messageId, i) => ({ messageId, from: ana, to: [me], cc: [], date: 1_700_000_000_000 + i, snippet: 'Hola' })),
};
const email = (messageId: string): EmailToLog => ({ threadId: 't1', messageId, direction: 'received', from: ana, to: [me], cc: [], subject: 'Pricing', snippet: '', date: 1_700_000_000_000 });

describe('the logged count beside Log email', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it("counts only the messages Gmail shows: a logged message the thread no longer lists does not make it '3 of 2'", async () => {
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: [ana.email] });
    await logEmail(db, email('m1'), [contact.id]);
    await logEmail(db, email('m-deleted'), [contact.id]);
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    expect(await screen.findByText('1 of 2 messages logged')).toBeInTheDocument();
    await logEmail(db, email('m2'), [contact.id]);
    expect(await screen.findByRole('button', { name: /Email logged/ })).toBeDisabled();
  });
});
