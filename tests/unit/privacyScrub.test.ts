import { describe, expect, it } from 'vitest';
import { redactEmail, scrubText, type Mentions } from '../../storage/privacy/scrub';

const gone: Mentions = { isGone: (e) => e === 'ana@acme.com' || e.endsWith('@law.es'), names: ['Ana García'] };
const me = { name: 'Alex', email: 'alex@team.io' };
const isOwn = (e: string) => e.endsWith('@team.io');

describe('scrubbing people out of text', () => {
  it.each([
    ['Write to <Ana@Acme.com>, please.', 'Write to <…>, please.'],
    ['mailto:ana@acme.com.', 'mailto:….'],
    ['Ana García and ana garcía met', '… and … met'],
    ['Anabel García-Lopez stays', 'Anabel García-Lopez stays'],
    ['x@law.es;y@law.es bob@acme.com', '… bob@acme.com'],
  ])('%j becomes %j', (text, scrubbed) => {
    expect(scrubText(text, gone)).toBe(scrubbed);
  });

  it('splits the names it is given into parts only where asked', () => {
    expect(scrubText('Thanks Ana', gone)).toBe('Thanks Ana');
    expect(scrubText('Thanks Ana', gone, ['Ana García'])).toBe('Thanks …');
  });

  it('reads a long text of addresses without spaces token by token', () => {
    const text = `${'a@'.repeat(50_000)}ana@acme.com`;
    expect(scrubText(text, gone)).toBe(text);
    expect(scrubText(`${'x'.repeat(100_000)} ana@acme.com`, gone)).toBe(`${'x'.repeat(100_000)} …`);
  });
});

describe('redacting an email', () => {
  const email = { from: me, to: [{ name: 'Ana García', email: 'ana@acme.com' }], cc: [], subject: 'Hi Ana', snippet: 'See you' };

  it('keeps nothing of an email only between the rep, the team and them', () => {
    expect(redactEmail(email, gone, isOwn)).toBeUndefined();
    expect(redactEmail({ ...email, cc: [{ name: 'Bea', email: 'bea@team.io' }] }, gone, isOwn)).toBeUndefined();
  });

  it('takes them off an email with other people, their name parts out of the text, the sender too', () => {
    const bob = { name: 'Bob', email: 'bob@corp.it' };
    expect(redactEmail({ ...email, cc: [bob] }, gone, isOwn)).toEqual({ email: { ...email, to: [], cc: [bob], subject: 'Hi …' }, changed: true });
    expect(redactEmail({ ...email, from: email.to[0]!, to: [me, bob] }, gone, isOwn)?.email.from).toEqual({ name: '', email: '' });
  });

  it('leaves an email that does not name them as it was', () => {
    const plain = { ...email, to: [{ name: 'Bob', email: 'bob@corp.it' }], subject: 'Hi' };
    expect(redactEmail(plain, gone, isOwn)).toEqual({ email: plain, changed: false });
  });
});
