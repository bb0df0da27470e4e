import { emailDomain } from '../../storage/model/normalize';
import { isFreeMailDomain } from '../../storage/privacy/privacy';

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s);

/**
 * First and last name from a display name as mail clients write it: "Lucía García",
 * "García, Lucía", "\"Rossi Marco\"", or nothing (then the address's local part: marco.rossi).
 */
export function splitName(displayName: string, email: string): { first: string; last: string } {
  let name = displayName.replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ');
  if (!name || name.includes('@')) {
    name = (email.split('@')[0] ?? '').replace(/[._-]+/g, ' ').replace(/\d+/g, '').trim().split(' ').map(capitalise).join(' ');
  }
  if (name.includes(',')) {
    const [last, first] = name.split(',', 2).map((s) => s.trim());
    return { first: first || last || '', last: first ? last ?? '' : '' };
  }
  const parts = name.split(' ');
  if (parts.length === 1) return { first: parts[0] ?? '', last: '' };
  return { first: parts[0]!, last: parts.slice(1).join(' ') };
}

/** A company name guessed from a work address ("ventas@acme-iberia.es" → "Acme Iberia"); none for webmail. */
export function companyFromEmail(email: string): { name: string; domain: string } | undefined {
  const domain = emailDomain(email);
  if (!domain || isFreeMailDomain(domain)) return undefined;
  const labels = domain.split('.');
  const secondLevel = labels.length > 2 && /^(co|com|org|net|gov|edu|ac)$/.test(labels[labels.length - 2]!);
  const core = labels[labels.length - (secondLevel ? 3 : 2)] ?? labels[0]!;
  return { name: core.split('-').map(capitalise).join(' '), domain };
}
