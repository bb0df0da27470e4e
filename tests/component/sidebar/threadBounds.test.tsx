import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../i18n';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { parseThreadContext } from '../../../messaging/protocol';
import { boundThreadContext, type ThreadContext } from '../../../messaging/threadContext';
import { resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

/** A mailing-list thread of 60 messages, each to 400 people: past THREAD_LIMITS.people (250). */
function mailingList(): ThreadContext {
  const to = Array.from({ length: 400 }, (_, i) => ({ name: `Member ${i}`, email: `m${i}@list.example` }));
  const messages = Array.from({ length: 60 }, (_, i) => ({ messageId: `x${i}`, from: { name: 'Ana', email: 'ana@acme.es' }, to, cc: [], date: i, snippet: `post ${i}` }));
  return boundThreadContext({ threadId: 'th-list', subject: 'Announcements', messages, userEmails: ['me@team.io'] });
}

describe('a thread with more people than the sidebar receives', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
  });

  it('arrives within the limits and says how many of its people it shows', async () => {
    const parsed = parseThreadContext(mailingList());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    renderWithDb(<ThreadPanel context={parsed.context} logRequests={0} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Showing 250 of 401 people: the thread is too long to read whole.');
    // The panel still shows its first people as usual (unknown, so in the compact list).
    expect(await screen.findByRole('button', { name: 'Add ana@acme.es' })).toBeInTheDocument();
  });

  it('says it in Spanish and Italian too', async () => {
    const context = mailingList();
    setLocale('es');
    const { unmount } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Se muestran 250 de 401 personas');
    unmount();
    setLocale('it');
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Sono mostrate 250 persone su 401');
  });

  it('says nothing for a thread it received whole', async () => {
    const context = boundThreadContext({ threadId: 'th-small', subject: 'Hi', messages: [{ messageId: 'a', from: { name: 'Ana', email: 'ana@acme.es' }, to: [], cc: [], date: 1, snippet: '' }], userEmails: [] });
    renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await screen.findByRole('form', { name: 'Add ana@acme.es as a contact' });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
