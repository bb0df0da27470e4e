import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DemoCompose, newCompose, parseRecipients, type ComposeRequest } from '../../../components/demo/DemoCompose';

afterEach(() => vi.restoreAllMocks());

function Harness() {
  const [request, setRequest] = useState<ComposeRequest | undefined>(newCompose());
  return <DemoCompose request={request} onChange={setRequest} />;
}

describe('the demo compose', () => {
  it('reads recipients as Gmail holds them: named, bare, quoted with a comma', () => {
    expect(parseRecipients(' Ana Ruiz <ana@acme.es>, bob@x.io,"Rossi, Marco" <marco@y.it>, ')).toEqual([
      { name: 'Ana Ruiz', emailAddress: 'ana@acme.es' },
      { emailAddress: 'bob@x.io' },
      { name: 'Rossi, Marco', emailAddress: 'marco@y.it' },
    ]);
  });

  it("carries compose.ts's box under the compose, refuses a script's tick, and shows the offer after sending", async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ logged: false, recordCount: 1 })) as never);
    render(<Harness />);
    const window = screen.getByRole('region', { name: 'Compose window' });
    const box = within(window).getByRole('checkbox', { name: 'Log to Threadline when sent' });
    // jsdom's clicks are untrusted, as a page script's are: compose.ts cancels them.
    fireEvent.click(box);
    expect(box).not.toBeChecked();
    fireEvent.change(within(window).getByLabelText('To'), { target: { value: 'Ana <ana@acme.es>' } });
    fireEvent.change(within(window).getByLabelText('Subject'), { target: { value: 'Quote' } });
    fireEvent.click(within(window).getByRole('button', { name: 'Send' }));

    expect(screen.queryByRole('region', { name: 'Compose window' })).toBeNull();
    const butter = screen.getByRole('status', { name: 'Notifications' });
    await waitFor(() => expect(butter).toHaveTextContent('Log this email to 1 Threadline record?'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'threadline/email-sent', email: { to: [{ email: 'ana@acme.es' }], subject: 'Quote', threadId: expect.stringMatching(/^demo-sent-/) } });
  });
});
