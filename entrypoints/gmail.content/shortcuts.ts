import { attempt } from './normalise';
import type { SdkSource, ShortcutHandleSource, ThreadViewSource } from './surface';
import { words } from './words';

/**
 * Gmail's keyboard shortcuts for Threadline, listed in Gmail's own shortcut help (InboxSDK's
 * Keyboard). Gmail binds a shortcut to a toolbar button, so the thread's three each belong to a
 * thread button (log in the toolbar; open and note in its "More" menu). Chords were picked among
 * those Gmail leaves free: Shift+L, Shift+O, Shift+M; and the sequence g then r ("records") to go
 * to Threadline, which no button carries, so this module listens for it itself.
 */
export const CHORDS = { log: 'shift+l', open: 'shift+o', note: 'shift+m', go: 'g r' } as const;

export type ThreadRequest = 'log' | 'open' | 'note';
export type ShortcutDeps = {
  iconUrl: string;
  /** The attached thread behind a Gmail view (threadView.ts), asked to act on the sidebar. */
  request: (view: ThreadViewSource | undefined, action: ThreadRequest) => void;
  goToThreadline: () => void;
  signal: AbortSignal;
};

/** A key pressed while typing belongs to the field: a rep writing "gr" in a reply goes nowhere. */
export const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Listens for "g" then "r" within a second, outside text fields. */
function listenForGo(go: () => void, signal: AbortSignal) {
  let gAt = -Infinity;
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTypingTarget(e.target)) return;
      if (e.key === 'g') gAt = e.timeStamp;
      else if (e.key === 'r' && e.timeStamp - gAt < 1_000) {
        gAt = -Infinity;
        e.preventDefault();
        e.stopPropagation();
        go();
      } else gAt = -Infinity;
    },
    { capture: true, signal },
  );
}

/** Registers the buttons and shortcuts; returns what undoes the buttons (the handles go with them). */
export function registerShortcuts(sdk: Pick<SdkSource, 'Keyboard' | 'Toolbars'>, deps: ShortcutDeps): (() => void)[] {
  const w = words();
  const handle = (chord: string, description: string): ShortcutHandleSource | undefined =>
    attempt(() => sdk.Keyboard.createShortcutHandle({ chord, description }), undefined);
  const handles = [handle(CHORDS.log, w.logThread), handle(CHORDS.open, w.openRecord), handle(CHORDS.note, w.addNote), handle(CHORDS.go, w.goToThreadline)];
  const button = (title: string, action: ThreadRequest, shortcut: ShortcutHandleSource | undefined, threadSection?: 'OTHER') =>
    sdk.Toolbars.registerThreadButton({
      title,
      iconUrl: deps.iconUrl,
      // Only in a thread: the sidebar beside it is what performs and shows the action.
      positions: ['THREAD'],
      ...(threadSection ? { threadSection } : {}),
      ...(shortcut ? { keyboardShortcutHandle: shortcut } : {}),
      onClick: ({ selectedThreadViews }) => deps.request(selectedThreadViews[0], action),
    });
  const undo = [button(w.logThread, 'log', handles[0]), button(w.openRecord, 'open', handles[1], 'OTHER'), button(w.addNote, 'note', handles[2], 'OTHER')];
  listenForGo(deps.goToThreadline, deps.signal);
  return [...undo, () => handles.forEach((h) => h && attempt(() => h.remove(), undefined))];
}
