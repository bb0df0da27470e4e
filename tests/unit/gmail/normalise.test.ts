import { describe, expect, it } from 'vitest';
import { displayName, parseGmailDate, toUserEmails } from '../../../entrypoints/gmail.content/normalise';

describe('parseGmailDate', () => {
  it.each([
    ['Thu, Feb 27, 2025, 3:45 PM', Date.parse('Feb 27, 2025 15:45')],
    ['Thu, Feb 27, 2025, 3:45\u202fPM (2 days ago)', Date.parse('Feb 27, 2025 15:45')],
    ['Mon, Jan 5, 2026 at 9:05 AM', Date.parse('Jan 5, 2026 09:05')],
  ])('parses %j', (text, expected) => {
    expect(parseGmailDate(text)).toBe(expected);
  });

  it.each(['', '27 févr. 2025, 15:45', 'yesterday'])('gives 0 (unknown) for %j', (text) => {
    expect(parseGmailDate(text)).toBe(0);
  });
});

describe('displayName', () => {
  it.each([
    ['"Doe, Jane"', 'Doe, Jane'],
    ["'Bob'", 'Bob'],
    ['  Ada \n Lovelace ', 'Ada Lovelace'],
    ["O'Neil", "O'Neil"],
    ['""', 'first.last'],
    [null, 'first.last'],
  ])('turns %j into %j', (raw, expected) => {
    expect(displayName(raw, 'first.last@example.com')).toBe(expected);
  });
});

describe('toUserEmails', () => {
  it('keeps valid, distinct addresses, at most 50', () => {
    const many = Array.from({ length: 80 }, (_, i) => `u${i}@example.com`);
    expect(toUserEmails([' me@example.com ', 'ME@example.com', null, 'nope'])).toEqual(['me@example.com']);
    expect(toUserEmails(many)).toHaveLength(50);
  });
});

describe('hostile lengths', () => {
  // 100,000 characters each. The old quote-stripping regex was quadratic on the first one (20,000
  // characters took ~0.9 s, 100,000 some 20 s); each must now simply return its clipped result.
  const email = 'first.last@example.com';
  it.each([
    ['a run of quotes and spaces before a last letter', `x${' “'.repeat(49_999)}y`, 'x'],
    ['one long word', 'A'.repeat(100_000), 'A'.repeat(500)],
    ['nothing but quotes', '"'.repeat(100_000), 'first.last'],
    ['quoted words', `"${'Jane Doe '.repeat(11_111)}"`, 'Jane Doe '.repeat(56).slice(0, 500)],
  ])('displayName returns the clipped name for %s', (_what, raw, expected) => {
    const name = displayName(raw, email);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(500);
  });

  it('parseGmailDate reads only the start of a huge tooltip', () => {
    expect(parseGmailDate(`Thu, Feb 27, 2025, 3:45 PM (${'('.repeat(100_000)}`)).toBe(Date.parse('Feb 27, 2025 15:45'));
    expect(parseGmailDate(' '.repeat(100_000))).toBe(0);
  });
});
