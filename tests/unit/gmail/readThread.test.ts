import { describe, expect, it } from 'vitest';
import { threadContextSchema } from '../../../messaging/threadContext';
import { readThread } from '../../../entrypoints/gmail.content/readThread';
import { FakeMessageView, FakeThreadView } from './fakeSdk';

const paragraph = (text: string) => (el: HTMLElement) => {
  const p = document.createElement('p');
  p.textContent = text;
  el.append(p);
};

describe('readThread', () => {
  it('reads a normal thread into a valid ThreadContext', async () => {
    const view = new FakeThreadView([
      new FakeMessageView({
        messageId: 'm1',
        sender: { name: 'Ada Lovelace', emailAddress: 'ada@example.com' },
        recipients: [{ name: 'Me', emailAddress: 'me@example.com' }, { name: 'Bob', emailAddress: 'bob@acme.test' }],
        dateString: 'Thu, Feb 27, 2025, 3:45\u202fPM',
        body: paragraph('Hello   there,\n  shall we meet?'),
      }),
      new FakeMessageView({
        messageId: 'm2',
        sender: { name: 'Me', emailAddress: 'me@example.com' },
        recipients: [{ name: 'Ada Lovelace', emailAddress: 'ada@example.com' }],
        dateString: 'Mon, Jan 5, 2026 at 9:05 AM',
        body: paragraph('Yes.'),
      }),
    ]);
    const context = await readThread(view, ['me@example.com']);
    expect(context).toEqual({
      threadId: 'thread-1',
      subject: 'Quarterly plan',
      messages: [
        {
          messageId: 'm1',
          from: { name: 'Ada Lovelace', email: 'ada@example.com' },
          to: [{ name: 'Me', email: 'me@example.com' }, { name: 'Bob', email: 'bob@acme.test' }],
          cc: [],
          date: Date.parse('Feb 27, 2025, 3:45 PM'),
          snippet: 'Hello there, shall we meet?',
        },
        {
          messageId: 'm2',
          from: { name: 'Me', email: 'me@example.com' },
          to: [{ name: 'Ada Lovelace', email: 'ada@example.com' }],
          cc: [],
          date: Date.parse('Jan 5, 2026 9:05 AM'),
          snippet: 'Yes.',
        },
      ],
      userEmails: ['me@example.com'],
    });
    expect(threadContextSchema.safeParse(context).success).toBe(true);
  });

  it('drops participants without a usable address, and messages whose sender has none', async () => {
    const view = new FakeThreadView([
      new FakeMessageView({
        messageId: 'm1',
        sender: { name: 'Ada', emailAddress: 'ada@example.com' },
        recipients: [
          { name: 'No address' },
          { name: 'Blank', emailAddress: '   ' },
          { name: 'Null', emailAddress: null },
          { name: 'Group', emailAddress: 'undisclosed-recipients:;' },
          { name: 'Spaced', emailAddress: '  bob@acme.test ' },
          { name: 'Twice', emailAddress: 'BOB@acme.test' },
        ],
      }),
      new FakeMessageView({ messageId: 'm2', sender: { name: 'Ghost', emailAddress: '' } }),
    ]);
    const context = await readThread(view, ['me@example.com', '', 'not an address']);
    expect(context.messages).toHaveLength(1);
    expect(context.messages[0]!.to).toEqual([{ name: 'Spaced', email: 'bob@acme.test' }]);
    expect(context.userEmails).toEqual(['me@example.com']);
    expect(threadContextSchema.safeParse(context).success).toBe(true);
  });

  it('normalises odd display names and keeps markup as plain text', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const view = new FakeThreadView(
      [
        new FakeMessageView({
          sender: { name: '', emailAddress: 'jane.doe@example.com' },
          recipients: [
            { name: '"Doe, Jane"', emailAddress: 'jd@example.com' },
            { name: "  'Bob'  ", emailAddress: 'bob@example.com' },
            { name: '“Curly”', emailAddress: 'curly@example.com' },
            { name: '   ', emailAddress: 'blank@example.com' },
            { emailAddress: 'noname@example.com' },
            { name: payload, emailAddress: 'evil@example.com' },
            { name: 'x'.repeat(2_000), emailAddress: 'long@example.com' },
          ],
          body: (el) => {
            el.append(document.createTextNode(payload));
          },
        }),
      ],
      'thread-1',
      payload,
    );
    const context = await readThread(view, []);
    const message = context.messages[0]!;
    expect(message.from.name).toBe('jane.doe');
    expect(message.to.map((p) => p.name)).toEqual(['Doe, Jane', 'Bob', 'Curly', 'blank', 'noname', payload, 'x'.repeat(500)]);
    expect(message.snippet).toBe(payload);
    expect(context.subject).toBe(payload);
    expect(threadContextSchema.safeParse(context).success).toBe(true);
  });

  it('keeps 200 participants, and a thread of 700 people within the limit of 250, saying how many there were', async () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i}`, emailAddress: `p${i}@example.com` }));
    const view = new FakeThreadView([
      new FakeMessageView({ messageId: 'm1', sender: { name: 'A', emailAddress: 'a@example.com' }, recipients: people(200) }),
      new FakeMessageView({ messageId: 'm2', sender: { name: 'A', emailAddress: 'a@example.com' }, recipients: people(700) }),
    ]);
    const small = await readThread(new FakeThreadView([new FakeMessageView({ messageId: 'm1', sender: { name: 'A', emailAddress: 'a@example.com' }, recipients: people(200) })]), []);
    expect(small.messages[0]!.to).toHaveLength(200);
    expect(small.peopleTotal).toBeUndefined();
    const context = await readThread(view, []);
    // The sender, then the first 249 recipients to appear; a message's own list is capped at 500 as it is read.
    expect(context.messages[0]!.to).toHaveLength(200);
    expect(context.messages[1]!.to).toHaveLength(249);
    expect(context.peopleTotal).toBe(501);
    expect(threadContextSchema.safeParse(context).success).toBe(true);
  });

  it('reads only the newest 200 messages of a long thread', async () => {
    const views = Array.from({ length: 260 }, (_, i) => new FakeMessageView({ messageId: `m${i}`, sender: { name: 'A', emailAddress: `a${i % 3}@example.com` } }));
    const context = await readThread(new FakeThreadView(views), []);
    expect(context.messages.map((m) => m.messageId)).toEqual(views.slice(60).map((_, i) => `m${i + 60}`));
    expect(threadContextSchema.safeParse(context).success).toBe(true);
  });

  it('skips unloaded messages without calling getSender, which would throw', async () => {
    const collapsed = new FakeMessageView({ loaded: false, messageId: 'm1', sender: { name: 'A', emailAddress: 'a@example.com' } });
    const open = new FakeMessageView({ messageId: 'm2', sender: { name: 'B', emailAddress: 'b@example.com' } });
    const context = await readThread(new FakeThreadView([collapsed, open]), []);
    expect(context.messages.map((m) => m.messageId)).toEqual(['m2']);
  });

  it('takes the snippet from readable body text only, capped at 1,000 characters', async () => {
    const view = new FakeThreadView([
      new FakeMessageView({
        sender: { name: 'A', emailAddress: 'a@example.com' },
        body: (el) => {
          const style = document.createElement('style');
          style.textContent = '.x { color: red }';
          const first = document.createElement('div');
          first.textContent = 'First';
          const second = document.createElement('div');
          second.textContent = `Second ${'word '.repeat(400)}`;
          el.append(style, first, second);
        },
      }),
    ]);
    const snippet = (await readThread(view, [])).messages[0]!.snippet;
    expect(snippet.startsWith('First Second word')).toBe(true);
    expect(snippet).not.toContain('color');
    expect(snippet.length).toBeLessThanOrEqual(1_000);
  });

  it('hands over an invalid context (for the sidebar to report) when Gmail gives no thread id or no message', async () => {
    const noId = new FakeThreadView([new FakeMessageView({ sender: { name: 'A', emailAddress: 'a@example.com' } })], Promise.reject(new Error('gone')));
    expect((await readThread(noId, [])).threadId).toBe('');
    expect(threadContextSchema.safeParse(await readThread(noId, [])).success).toBe(false);
    const empty = new FakeThreadView([new FakeMessageView({ loaded: false })]);
    expect(threadContextSchema.safeParse(await readThread(empty, [])).success).toBe(false);
  });
});
