import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeMessageView, FakeThreadView, settle } from './fakeSdk';
import { startOnFake } from './harness';

const stops: AbortController[] = [];
afterEach(() => {
  for (const c of stops.splice(0)) c.abort();
  vi.restoreAllMocks();
});

function started() {
  const run = startOnFake();
  stops.push(run.controller);
  return run;
}
const thread = () => new FakeThreadView([new FakeMessageView({ messageId: 'm1', sender: { name: 'Ada', emailAddress: 'ada@example.com' }, recipients: [{ emailAddress: 'me@example.com' }] })], 't1');
const key = (k: string, target: EventTarget = document.body) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe("Threadline's shortcuts in Gmail", () => {
  it("lists every shortcut in Gmail's help and binds the thread's three to thread buttons", () => {
    const { sdk } = started();
    expect(sdk.shortcuts.map((s) => `${s.chord}: ${s.description}`)).toEqual([
      'shift+l: Log to Threadline',
      'shift+o: Open the thread’s record in Threadline',
      'shift+m: Add a Threadline note',
      'g r: Go to Threadline',
    ]);
    const buttons = sdk.threadButtons.map((b) => b.value);
    expect(buttons.map((b) => [b.title, b.threadSection ?? 'toolbar', b.keyboardShortcutHandle !== undefined])).toEqual([
      ['Log to Threadline', 'toolbar', true],
      ['Open the thread’s record in Threadline', 'OTHER', true],
      ['Add a Threadline note', 'OTHER', true],
    ]);
  });

  it("open and note reach the thread's sidebar once its page has loaded", async () => {
    const { sdk, sent } = started();
    const view = thread();
    sdk.openThread(view);
    await settle();
    sdk.threadButtons[1]!.value.onClick({ selectedThreadViews: [view] });
    sdk.threadButtons[2]!.value.onClick({ selectedThreadViews: [view] });
    await settle();
    const frame = view.panels[0]!.descriptor.el;
    const focus = vi.spyOn(frame, 'focus');
    frame.dispatchEvent(new Event('load'));
    await settle();
    // Only the note moves the caret: the frame is focused from Gmail's page, which has the key's activation.
    expect(focus).toHaveBeenCalledTimes(1);
    expect(sent().slice(-2)).toEqual([
      { type: 'threadline/open-record-requested', threadId: 't1' },
      { type: 'threadline/note-requested', threadId: 't1' },
    ]);
  });

  it('g then r goes to Threadline, but not while typing, not after a pause, and not once invalidated', () => {
    const { sdk, controller } = started();
    const input = document.body.appendChild(document.createElement('input'));
    key('g', input);
    key('r', input);
    expect(sdk.gotos).toEqual([]);
    key('g');
    key('x');
    key('r');
    expect(sdk.gotos).toEqual([]);
    key('g');
    key('r');
    expect(sdk.gotos).toEqual(['threadline']);
    controller.abort();
    key('g');
    key('r');
    expect(sdk.gotos).toEqual(['threadline']);
    input.remove();
  });
});
