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
