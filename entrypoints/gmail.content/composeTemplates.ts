import { browser } from 'wxt/browser';
import {
  composeTemplatesReplySchema,
  composeTemplatesRequestSchema,
  templateUsedRequestSchema,
  type ComposeTemplate,
  type ComposeTemplatesRequest,
} from '../../messaging/composeTemplates';
import { attempt, clip, toParticipant, toParticipants } from './normalise';
import type { ComposeViewSource, DropdownSource } from './surface';
import { words } from './words';

export type TemplateButtonDeps = {
  userEmail: () => string;
  iconUrl?: string;
  /** Aborted when the content script is invalidated. */
  signal: AbortSignal;
};

type Rendered = ComposeTemplate;

const PREVIEW_MAX = 140;
const RECIPIENTS_MAX = 50;

function requestFor(view: ComposeViewSource, userEmail: string): ComposeTemplatesRequest {
  const people = [...toParticipants(attempt(() => view.getToRecipients(), [])), ...toParticipants(attempt(() => view.getCcRecipients(), []))];
  const recipients = [...new Set(people.map((p) => p.email.toLowerCase()))].slice(0, RECIPIENTS_MAX);
  const from = toParticipant(attempt(() => view.getFromContact(), null));
  const threadId = attempt(() => view.getThreadID?.() ?? '', '');
  return {
    type: 'threadline/compose-templates',
    recipients,
    ...(threadId ? { threadId } : {}),
    me: { ...(from?.name ? { name: from.name } : {}), ...(from?.email || userEmail ? { email: from?.email || userEmail } : {}) },
  };
}

/** Validated before sending (the background parses too) and the reply parsed; null when either fails. */
async function askTemplates(request: ComposeTemplatesRequest): Promise<Rendered[] | null> {
  const parsed = composeTemplatesRequestSchema.safeParse(request);
  if (!parsed.success) return null;
  try {
    const reply = composeTemplatesReplySchema.safeParse(await browser.runtime.sendMessage(parsed.data));
    return reply.success ? reply.data.templates : null;
  } catch {
    return null;
  }
}

/**
 * The missing fields' labels, read from the rendered html's markers (the background labels them in
 * the template's language), so this script carries no catalogue of merge fields. DOMParser's
 * document runs nothing and loads nothing.
 */
function missingLabels(template: Rendered): string[] {
  if (template.missing.length === 0) return [];
  const doc = new DOMParser().parseFromString(template.html, 'text/html');
  const labels = [...doc.querySelectorAll('[data-tl-missing]')].map((el) => (el.textContent ?? '').replace(/^\[|\]$/g, '').trim());
  const unique = [...new Set(labels.filter(Boolean))];
  return unique.length > 0 ? unique : template.missing;
}

const css = (el: HTMLElement, style: string) => ((el.style.cssText = style), el);

/** The dropdown's list: a listbox that keeps focus, arrows move, Enter or a click inserts, Escape closes. */
function fillDropdown(dropdown: DropdownSource, templates: Rendered[], choose: (t: Rendered) => void) {
  const w = words();
  const list = css(document.createElement('ul'), 'list-style:none;margin:0;padding:4px 0;max-height:320px;overflow:auto;outline:none');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', w.templates);
  list.tabIndex = 0;
  const base = `tl-tpl-${Math.random().toString(36).slice(2, 8)}`;
  let active = 0;
  const options = templates.map((template, i) => {
    const li = css(document.createElement('li'), 'padding:6px 12px;cursor:pointer;border-left:3px solid transparent');
    li.id = `${base}-${i}`;
    li.setAttribute('role', 'option');
    const name = css(document.createElement('div'), 'font-weight:600;font-size:13px');
    name.textContent = template.name;
    const preview = css(document.createElement('div'), 'font-size:12px;opacity:.8;white-space:nowrap;overflow:hidden;text-overflow:ellipsis');
    preview.textContent = clip(template.text, PREVIEW_MAX);
    preview.lang = template.language;
    li.append(name, preview);
    const missing = missingLabels(template);
    if (missing.length > 0) {
      const note = css(document.createElement('div'), 'font-size:12px;color:#b3261e');
      note.textContent = w.missing(missing.join(', '));
      li.append(note);
    }
    li.addEventListener('mousedown', (event) => event.preventDefault());
    li.addEventListener('click', () => choose(template));
    return li;
  });
  const show = (next: number) => {
    active = (next + options.length) % options.length;
    options.forEach((li, i) => {
      const on = i === active;
      li.setAttribute('aria-selected', String(on));
      li.style.background = on ? 'rgba(26,115,232,.12)' : '';
      li.style.borderLeftColor = on ? '#1a73e8' : 'transparent';
    });
    list.setAttribute('aria-activedescendant', options[active]!.id);
    options[active]!.scrollIntoView?.({ block: 'nearest' });
  };
  list.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: options.length - 1 };
    if (event.key in moves) show(moves[event.key]!);
    else if (event.key === 'Enter') choose(templates[active]!);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  list.append(...options);
  const help = css(document.createElement('p'), 'margin:0;padding:4px 12px 6px;font-size:11px;opacity:.7');
  help.textContent = w.templatesHelp;
  show(0);
  return { list, help };
}

/**
 * The compose toolbar's Threadline button: a dropdown of the workspace's templates, rendered by the
 * background for this compose's recipients, with a preview and the fields they lack. Choosing one
 * inserts it at the caret, fills an empty subject and counts the use.
 */
export function addTemplateButton(view: ComposeViewSource, deps: TemplateButtonDeps) {
  let gone = false;
  let open: DropdownSource | undefined;
  const onClick = ({ dropdown }: { dropdown?: DropdownSource | null }) => {
    if (!dropdown || gone) return;
    open = dropdown;
    const w = words();
    const box = css(document.createElement('div'), 'min-width:260px;max-width:360px;font:13px/1.4 system-ui,sans-serif');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', w.templates);
    const status = css(document.createElement('p'), 'margin:0;padding:8px 12px');
    status.setAttribute('role', 'status');
    status.tabIndex = -1;
    status.textContent = w.templatesLoading;
    box.append(status);
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      dropdown.close();
    });
    dropdown.el.replaceChildren(box);
    status.focus();
    dropdown.on('destroy', () => {
      if (open === dropdown) open = undefined;
    });
    const closed = () => gone || deps.signal.aborted || open !== dropdown;
    const choose = (template: Rendered) => {
      if (closed()) return;
      attempt(() => view.insertHTMLIntoBodyAtCursor(template.html), undefined);
      if (template.subject && !attempt(() => view.getSubject(), 'x').trim()) attempt(() => view.setSubject(template.subject), undefined);
      dropdown.close();
      void browser.runtime.sendMessage(templateUsedRequestSchema.parse({ type: 'threadline/template-used', id: template.id })).catch(() => undefined);
    };
    void askTemplates(requestFor(view, deps.userEmail())).then((templates) => {
      if (closed()) return;
      if (!templates || templates.length === 0) {
        status.textContent = templates ? w.noTemplates : w.templatesFailed;
        status.style.color = templates ? '' : '#b3261e';
        return;
      }
      const { list, help } = fillDropdown(dropdown, templates, choose);
      box.replaceChildren(list, help);
      list.focus();
    });
  };
  const iconUrl = deps.iconUrl ?? browser.runtime.getURL('/icon/48.png');
  attempt(() => view.addButton({ title: words().templateButton, iconUrl, hasDropdown: true, type: 'MODIFIER', orderHint: 10, onClick }), undefined);
  return () => {
    gone = true;
    if (open) attempt(() => open!.close(), undefined);
    open = undefined;
  };
}
