import { useEffect } from 'react';

/** Asked of the folder page on screen by the `c` shortcut (FolderPage listens while it shows). */
export const CREATE_RECORD_EVENT = 'threadline:create-record';
/** The search box the `/` shortcut focuses. */
export const SEARCH_SHORTCUT_TARGET = '[data-shortcut="search"]';

/** The CRM page's keys, for the help list; each also named in i18n/shell ('shortcuts.*'). */
export const CRM_SHORTCUTS = [
  { key: '/', action: 'search' },
  { key: 'c', action: 'create' },
  { key: '?', action: 'help' },
] as const;
export type ShortcutAction = (typeof CRM_SHORTCUTS)[number]['action'];

/** A key pressed while typing belongs to the field: a rep writing "c" in a note creates nothing. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.closest('[role="dialog"], [contenteditable="true"]') !== null;
}

/** The shortcut a key press asks for, or undefined: modified keys and typing never count. */
export function shortcutFor(e: KeyboardEvent): ShortcutAction | undefined {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTyping(e.target)) return undefined;
  return CRM_SHORTCUTS.find((s) => s.key === e.key)?.action;
}

/** The CRM page's shortcuts, on its document; `onHelp` shows the list. */
export function useCrmShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      if (action === 'search') {
        const box = document.querySelector<HTMLInputElement>(SEARCH_SHORTCUT_TARGET);
        if (!box) return;
        box.focus();
      } else if (action === 'create') {
        window.dispatchEvent(new Event(CREATE_RECORD_EVENT));
      } else onHelp();
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
