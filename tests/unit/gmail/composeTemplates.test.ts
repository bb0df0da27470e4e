import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, FakeComposeView, settle, type FakeDropdown } from './fakeSdk';
import { startOnFake } from './harness';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const compose = (subject = '') =>
  new FakeComposeView({
    from: { name: 'Marta Ruiz', emailAddress: 'marta@threadline.test' },
    to: [{ name: 'Lucía', emailAddress: 'Lucia.Garcia@acme-iberia.es' }, { name: 'Nobody' }],
    cc: [{ emailAddress: 'bob@acme.test' }],
    subject,
  });

const missingSpan = '<span data-tl-missing="company.name" class="tl-missing">[Company]</span>';
const TEMPLATES = [
  { id: 'tpl_a', name: 'Intro', language: 'en', subject: 'Hello', html: 'Hi Lucía', text: 'Hi Lucía', missing: [] },
  { id: 'tpl_b', name: 'Proposal', language: 'es', subject: 'Propuesta para {{company.name}}', html: `Hola Lucía, ${missingSpan}`, text: 'Hola Lucía, [Company]', missing: ['company.name'] },
];

const isAsk = (m: unknown) => (m as { type: string }).type === 'threadline/compose-templates';
const options = (d: FakeDropdown) => [...d.el.querySelectorAll('[role="option"]')] as HTMLElement[];
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('the compose window’s template button', () => {
  it('asks for templates rendered for the recipients and inserts the one chosen with the keyboard', async () => {
    const { sdk, sent } = startOnFake((m) => (isAsk(m) ? { templates: TEMPLATES } : { ok: true }));
    const view = compose();
    view.threadId = 'thread-7';
    sdk.openCompose(view);
    expect(view.buttons.map((b) => [b.title, b.hasDropdown, b.type])).toEqual([['Insert a Threadline template', true, 'MODIFIER']]);

    const dropdown = view.click();
    expect(dropdown.el.querySelector('[role="status"]')?.textContent).toBe('Loading templates…');
    await settle();
    expect(sent()[0]).toEqual({
      type: 'threadline/compose-templates',
      recipients: ['lucia.garcia@acme-iberia.es', 'bob@acme.test'],
      threadId: 'thread-7',
      me: { name: 'Marta Ruiz', email: 'marta@threadline.test' },
    });
    const list = dropdown.el.querySelector('[role="listbox"]') as HTMLElement;
    expect(list.getAttribute('aria-label')).toBe('Threadline templates');
    expect(document.activeElement).toBe(list);
    expect(options(dropdown).map((o) => o.textContent)).toEqual(['IntroHi Lucía', 'ProposalHola Lucía, [Company]Missing: Company']);
    expect(options(dropdown)[0]!.getAttribute('aria-selected')).toBe('true');

    key(list, 'ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).toBe(options(dropdown)[1]!.id);
    key(list, 'Enter');
    await settle();
    expect(view.inserted).toEqual([TEMPLATES[1]!.html]);
    expect(view.getSubject()).toBe('Propuesta para {{company.name}}');
    expect(dropdown.closed).toBe(true);
    expect(sent()[1]).toEqual({ type: 'threadline/template-used', id: 'tpl_b' });
  });

  it('keeps a subject the user wrote, and inserts on a click', async () => {
    const { sdk, sent } = startOnFake((m) => (isAsk(m) ? { templates: TEMPLATES } : { ok: true }));
    const view = compose('Our call');
    sdk.openCompose(view);
    const dropdown = view.click();
    await settle();
    options(dropdown)[0]!.click();
    expect(view.inserted).toEqual(['Hi Lucía']);
    expect(view.getSubject()).toBe('Our call');
    expect(sent().map((m) => m.type)).toEqual(['threadline/compose-templates', 'threadline/template-used']);
  });

  it('says where to create one when the workspace has no templates', async () => {
    const { sdk } = startOnFake(() => ({ templates: [] }));
    const view = compose();
    sdk.openCompose(view);
    const dropdown = view.click();
    await settle();
    expect(dropdown.el.textContent).toBe('No templates yet. Create one in Threadline → Templates.');
    expect(options(dropdown)).toEqual([]);
  });

  it('says so when the background fails or answers nonsense', async () => {
    for (const reply of [() => Promise.reject(new Error('no receiver')), () => ({ templates: [{ id: 1 }] }), () => undefined]) {
      const { sdk } = startOnFake(reply);
      const view = compose();
      sdk.openCompose(view);
      const dropdown = view.click();
      await settle();
      expect(dropdown.el.textContent).toBe('Threadline couldn’t load your templates. Try again.');
      expect(view.inserted).toEqual([]);
    }
  });

  it('inserts nothing when the compose closes while the templates are on their way', async () => {
    const answer = deferred<unknown>();
    const { sdk, sent } = startOnFake((m) => (isAsk(m) ? answer.promise : { ok: true }));
    const view = compose();
    sdk.openCompose(view);
    const dropdown = view.click();
    view.emit('destroy', { messageID: null, closedByInboxSDK: false });
    expect(dropdown.closed).toBe(true);
    answer.resolve({ templates: TEMPLATES });
    await settle();
    expect(view.inserted).toEqual([]);
    expect(dropdown.el.querySelector('[role="option"]')).toBeNull();
    expect(sent().map((m) => m.type)).toEqual(['threadline/compose-templates']);
  });

  it('closes on Escape, and a late reply to a closed dropdown changes nothing', async () => {
    const answer = deferred<unknown>();
    const { sdk } = startOnFake(() => answer.promise);
    const view = compose();
    sdk.openCompose(view);
    const dropdown = view.click();
    key(dropdown.el.querySelector('[role="status"]')!, 'Escape');
    expect(dropdown.closed).toBe(true);
    answer.resolve({ templates: TEMPLATES });
    await settle();
    expect(options(dropdown)).toEqual([]);
  });

  it('speaks the browser’s language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-ES']);
    const { sdk } = startOnFake(() => ({ templates: [] }));
    const view = compose();
    sdk.openCompose(view);
    expect(view.buttons[0]!.title).toBe('Insertar una plantilla de Threadline');
    const dropdown = view.click();
    await settle();
    expect(dropdown.el.textContent).toBe('Aún no hay plantillas. Crea una en Threadline → Plantillas.');
  });
});
