import { contact, rng, type Scale } from './generate';

/** Quotes a cell only when it must be (RFC 4180). */
const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * `rows` contacts as CSV, every 10th one an existing seeded contact (same email, new position), so
 * the import's dedup finds and updates it; the rest are new people. Also the same rows as values,
 * for the raw bulkPut baseline.
 */
export function csvContacts(seed: number, rows: number, scale: Scale) {
  const headers = ['First name', 'Last name', 'Email', 'Position', 'Phone'];
  const lines = [headers.join(',')];
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    const r = rng(seed, 8, i);
    const existing = i % 10 === 0;
    const base = contact(seed, existing ? Math.floor(r() * scale.contacts) : scale.contacts + i, scale);
    const first = base.values.fc_firstName as string;
    const last = base.values.fc_lastName as string;
    const email = existing ? base.emails[0]! : base.emails[0]!.replace('@', `.imp${i}@`);
    const position = existing ? 'Head of purchasing' : (base.values.fc_position as string);
    const phone = (base.values.fc_phones as string[])[0]!;
    lines.push([first, last, email, position, phone].map(cell).join(','));
    records.push({ fc_firstName: first, fc_lastName: last, fc_emails: [email], fc_position: position, fc_phones: [phone] });
  }
  return { csv: lines.join('\n'), headers, records };
}
