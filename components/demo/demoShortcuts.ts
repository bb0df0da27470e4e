import { useEffect, useRef, useState } from 'react';
import { isTypingTarget, registerShortcuts, type ThreadRequest } from '../../entrypoints/gmail.content/shortcuts';
import type { SdkSource, ThreadButtonDescriptor } from '../../entrypoints/gmail.content/surface';

export type DemoShortcut = { chord: string; description: string };
type Deps = { request: (action: ThreadRequest) => void; goToThreadline: () => void };

/** "shift+l" as a key press: the key, and Shift held (the demo's part of what InboxSDK does in Gmail). */
function matches(chord: string, e: KeyboardEvent): boolean {
  const parts = chord.split('+');
  const key = parts.at(-1)!;
  return parts.length === 2 && parts[0] === 'shift' && e.shiftKey && e.key.toLowerCase() === key && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/**
 * Gmail's shortcuts in the demo inbox, by the content script's own shortcuts.ts: the demo stands in
 * for InboxSDK's Keyboard (the handles, listed as Gmail's help would) and Toolbars (a button fires
 * on its handle's chord), and the buttons' requests go to the open thread's sidebar.
 */
export function useDemoShortcuts(deps: Deps): DemoShortcut[] {
  const [listed, setListed] = useState<DemoShortcut[]>([]);
  const latest = useRef(deps);
  useEffect(() => {
    latest.current = deps;
  });
  useEffect(() => {
    const abort = new AbortController();
    const buttons: { chord: string; button: ThreadButtonDescriptor }[] = [];
    const chordOf = new WeakMap<object, string>();
    const sdk: Pick<SdkSource, 'Keyboard' | 'Toolbars'> = {
      Keyboard: {
        createShortcutHandle: (d) => {
          const handle = { remove: () => setListed((l) => l.filter((s) => s.chord !== d.chord)) };
          chordOf.set(handle, d.chord);
          setListed((l) => [...l, d]);
          return handle;
        },
      },
      Toolbars: {
        registerThreadButton: (button) => {
          const chord = button.keyboardShortcutHandle ? chordOf.get(button.keyboardShortcutHandle) : undefined;
          if (chord) buttons.push({ chord, button });
          return () => void buttons.splice(0, buttons.length, ...buttons.filter((b) => b.button !== button));
        },
      },
    };
    const undo = registerShortcuts(sdk, {
      iconUrl: '',
      request: (_view, action) => latest.current.request(action),
      goToThreadline: () => latest.current.goToThreadline(),
      signal: abort.signal,
    });
    document.addEventListener(
      'keydown',
      (e) => {
        if (isTypingTarget(e.target)) return;
        const hit = buttons.find((b) => matches(b.chord, e));
        if (!hit) return;
        e.preventDefault();
        hit.button.onClick({ selectedThreadViews: [] });
      },
      { signal: abort.signal },
    );
    return () => {
      abort.abort();
      for (const u of undo) u();
    };
  }, []);
  return listed;
}
