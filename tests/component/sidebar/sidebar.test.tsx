import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidebarApp } from '../../../components/sidebar/SidebarApp';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { setLocale } from '../../../i18n';
import type { ThreadContext } from '../../../messaging/threadContext';
import { db } from '../../support/db';
import { resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '"><a href="javascript:window.__pwned=1">x</a>',
  '\u202Eevil\u200B\u200Dname',
];

const hostile = (payload: string): ThreadContext => ({
  threadId: 'th-hostile',
  subject: payload,
  userEmails: ['me@team.io'],
  messages: [{ messageId: 'mh', from: { name: payload, email: 'x@hostile.example' }, to: [{ name: 'Me', email: 'me@team.io' }], cc: [], date: 1, snippet: payload }],
});

async function countOutbox() {
  return db.outbox.count();
}

describe('sidebar rendering of hostile thread content', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    (window as { __pwned?: number }).__pwned = undefined;
  });

  it.each(PAYLOADS)('renders %j as text: no element, handler or script is created', async (payload) => {
    const { container } = renderWithDb(<ThreadPanel context={hostile(payload)} logRequests={0} />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(payload);
    expect(container.querySelectorAll('script, img, svg, iframe, object, embed, [onerror], [onload], a[href^="javascript"]').length).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('article', { name: /^Contact / });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log email' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await screen.findByRole('button', { name: 'Email logged' });
    // The history's icons are hidden, shape-only SVGs of the app's own; nothing else may appear.
    expect(container.querySelectorAll('script, img, [onerror], [onload]').length).toBe(0);
    expect([...container.querySelectorAll('svg')].filter((svg) => !svg.closest('[aria-hidden="true"]'))).toEqual([]);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('sidebar messaging', () => {
  beforeEach(async () => {
    await resetDb();
    setLocale('en');
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
  });

  const fromOwnTab = { tab: { id: 7 } as never, frameId: 0 };

  it('shows "couldn’t read this thread" for an invalid context and writes nothing', async () => {
    renderWithDb(<SidebarApp />);
    await waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalled());
    const before = await countOutbox();
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/thread-opened', context: { threadId: 'x', messages: [] } }, fromOwnTab, () => undefined));
    expect((await screen.findByRole('alert')).textContent).toContain('couldn’t read this thread');
    expect(await countOutbox()).toBe(before);
    expect(await db.activities.count()).toBe(0);
  });

  it('ignores threads sent by another tab', async () => {
    renderWithDb(<SidebarApp />);
    await waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalled());
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/thread-opened', context: hostile('Other tab') }, { tab: { id: 8 } as never, frameId: 0 }, () => undefined));
    expect(screen.getByText('Open a thread to see its people, deals and history.')).toBeInTheDocument();
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/thread-opened', context: hostile('Own tab') }, fromOwnTab, () => undefined));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Own tab');
  });

  it('speaks Spanish and Italian', async () => {
    setLocale('es');
    const { unmount } = renderWithDb(<SidebarApp />);
    expect(screen.getByText('Abre un hilo para ver sus personas, negocios e historial.')).toBeInTheDocument();
    unmount();
    setLocale('it');
    renderWithDb(<SidebarApp />);
    expect(screen.getByText('Apri una conversazione per vederne persone, trattative e cronologia.')).toBeInTheDocument();
  });
});
