import { browser } from 'wxt/browser';
import { emailSentReplySchema, hostToBackgroundSchema, type EmailSentReply, type HostToBackground, type SentEmail } from '../../messaging/protocol';
import { attempt, clip, SNIPPET_MAX, SUBJECT_MAX, toParticipant, toParticipants } from './normalise';
import { addTemplateButton } from './composeTemplates';
import type { ButterBarSource, ComposeViewSource, SentEventSource } from './surface';
import { words } from './words';

export type ComposeDeps = {
  butterBar: ButterBarSource;
  userEmail: () => string;
  /** Aborted when the content script is invalidated. */
  signal: AbortSignal;
  /** Whether an input event came from the user; a page script's synthetic ones do not (tests stand in for the browser). */
  isUserAction?: (event: Event) => boolean;
  /** The template button's icon (the extension's own by default). */
  iconUrl?: string;
};

type Draft = Omit<SentEmail, 'threadId' | 'messageId' | 'date'>;

// One key for all of Threadline's butter bar messages, so a new one replaces the last.
const MESSAGE_KEY = 'threadline';

function readDraft(view: ComposeViewSource, userEmail: string): Draft {
  const from = toParticipant(attempt(() => view.getFromContact(), null)) ?? toParticipant({ emailAddress: userEmail });
  return {
    // A missing sender fails validation below, so nothing is sent for it.
    from: from ?? { name: '', email: '' },
    to: toParticipants(attempt(() => view.getToRecipients(), [])),
    cc: toParticipants(attempt(() => view.getCcRecipients(), [])),
    subject: clip(attempt(() => view.getSubject(), ''), SUBJECT_MAX),
    snippet: clip(attempt(() => view.getTextContent(), ''), SNIPPET_MAX),
  };
}

/** Validates before sending (the background parses too) and parses the reply; null when either fails. */
async function sendToBackground(message: HostToBackground): Promise<EmailSentReply | null> {
  const parsed = hostToBackgroundSchema.safeParse(message);
  if (!parsed.success) return null;
  try {
    const reply = emailSentReplySchema.safeParse(await browser.runtime.sendMessage(parsed.data));
    return reply.success ? reply.data : null;
  } catch {
    return null;
  }
}

const showLogged = (deps: ComposeDeps) => deps.butterBar.showMessage({ text: words().logged, messageKey: MESSAGE_KEY });

async function logSentEmail(email: SentEmail, deps: ComposeDeps) {
  const reply = await sendToBackground({ type: 'threadline/log-sent-email', email });
  if (deps.signal.aborted) return;
  if (reply?.logged) showLogged(deps);
  else deps.butterBar.showError({ text: words().logFailed, messageKey: MESSAGE_KEY });
}

function offerToLog(email: SentEmail, recordCount: number, deps: ComposeDeps) {
  let accepted = false;
  const offer = deps.butterBar.showMessage({
    text: words().offer(recordCount),
    buttons: [
      {
        title: words().logIt,
        onClick: () => {
          if (accepted || deps.signal.aborted) return;
          accepted = true;
          offer.destroy();
          void logSentEmail(email, deps);
        },
      },
    ],
    messageKey: MESSAGE_KEY,
    time: 20_000,
    // Sending often navigates (send and archive, back to the inbox): the offer must survive it.
    hideOnViewChanged: false,
  });
}

async function reportSent(draft: Draft, event: SentEventSource, logWanted: boolean, deps: ComposeDeps) {
  const ids = await Promise.all([event.getThreadID(), event.getMessageID()]).catch(() => null);
  if (!ids || deps.signal.aborted) return;
  const email: SentEmail = { ...draft, threadId: ids[0], messageId: ids[1], date: Date.now() };
  if (logWanted) return logSentEmail(email, deps);
  // Not asked for: the background logs nothing and says whether there is anyone to log it against.
  const reply = await sendToBackground({ type: 'threadline/email-sent', email });
  if (!reply || deps.signal.aborted) return;
  if (reply.recordCount > 0) offerToLog(email, reply.recordCount, deps);
}

/**
 * The compose's "Log to Threadline when sent" box, unticked at first. Gmail's page can forge a
 * `sent` event (InboxSDK hears it through the page), so a message is logged on sending only when
 * the user ticked this box; a synthetic click from a page script does not count and is undone.
 */
function addLogToggle(view: ComposeViewSource, deps: ComposeDeps) {
  const isUserAction = deps.isUserAction ?? ((event: Event) => event.isTrusted);
  let wanted = false;
  const bar = attempt(() => view.addStatusBar({ height: 28 }), null);
  if (!bar) return { wanted: () => false, remove: () => undefined };
  const label = document.createElement('label');
  label.style.cssText = 'display:flex;align-items:center;gap:6px;height:28px;padding:0 12px;font-size:13px;cursor:pointer';
  const box = document.createElement('input');
  box.type = 'checkbox';
  // The click, not the change: a script's box.click() fires a trusted change event but an
  // untrusted click, which is cancelled here. What counts is `wanted`, which only a user's click
  // sets, not the box's `checked`, which Gmail's page can set too.
  box.addEventListener('click', (event) => {
    if (isUserAction(event)) wanted = box.checked;
    else event.preventDefault();
  });
  label.append(box, document.createTextNode(words().logWhenSent));
  bar.el.replaceChildren(label);
  return { wanted: () => wanted, remove: () => attempt(() => bar.destroy(), undefined) };
}

/**
 * Reports each message sent from this compose view to the background. The draft is read at
 * `presending`, while the compose is still whole: Gmail removes it from the page as it sends.
 */
export function attachComposeView(view: ComposeViewSource, deps: ComposeDeps) {
  let draft: Draft | undefined;
  const toggle = addLogToggle(view, deps);
  const removeTemplates = addTemplateButton(view, deps);
  const onPresending = () => {
    draft = readDraft(view, deps.userEmail());
  };
  const onSent = (event: SentEventSource) => {
    void reportSent(draft ?? readDraft(view, deps.userEmail()), event, toggle.wanted(), deps);
  };
  const dispose = () => {
    toggle.remove();
    removeTemplates();
    view.removeListener('presending', onPresending);
    view.removeListener('sent', onSent);
    view.removeListener('destroy', dispose);
    deps.signal.removeEventListener('abort', dispose);
  };
  view.on('presending', onPresending);
  view.on('sent', onSent);
  view.on('destroy', dispose);
  deps.signal.addEventListener('abort', dispose);
}
