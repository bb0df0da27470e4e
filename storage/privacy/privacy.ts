import { emailDomain, normalizeDomain, normalizeEmail } from '../model/normalize';
import { getSetting } from '../settings/settings';
import type { ThreadlineDB } from '../db/db';

/** Webmail domains: a sender there says nothing about their company. */
const FREE_MAIL = [/^gmail\.com$/, /^googlemail\.com$/, /^outlook\.[a-z.]+$/, /^hotmail\.[a-z.]+$/, /^live\.[a-z.]+$/, /^msn\.com$/,
  /^yahoo\.[a-z.]+$/, /^ymail\.com$/, /^icloud\.com$/, /^me\.com$/, /^mac\.com$/, /^aol\.com$/, /^proton(mail)?\.[a-z.]+$/,
  /^pm\.me$/, /^gmx\.[a-z.]+$/, /^libero\.it$/, /^virgilio\.it$/, /^tiscali\.it$/, /^alice\.it$/, /^mail\.ru$/, /^yandex\.[a-z.]+$/,
  /^zoho\.com$/, /^qq\.com$/, /^163\.com$/, /^web\.de$/, /^orange\.fr$/, /^free\.fr$/, /^terra\.com\.br$/];

export function isFreeMailDomain(domain: string): boolean {
  const d = normalizeDomain(domain);
  return FREE_MAIL.some((re) => re.test(d));
}

export type PrivacyRules = { excludedEmails: Set<string>; excludedDomains: Set<string> };

/**
 * Who Threadline must leave alone on a thread: the user, the team's own domains (including the
 * user's own company domain) and the workspace's never-log list.
 */
export async function loadPrivacyRules(db: ThreadlineDB, userEmails: readonly string[]): Promise<PrivacyRules> {
  const [neverLog, teamDomains] = await Promise.all([getSetting(db, 'neverLog'), getSetting(db, 'teamDomains')]);
  const excludedEmails = new Set(userEmails.map(normalizeEmail));
  const excludedDomains = new Set(teamDomains.map(normalizeDomain));
  for (const entry of neverLog) {
    if (entry.includes('@')) excludedEmails.add(normalizeEmail(entry));
    else excludedDomains.add(normalizeDomain(entry));
  }
  for (const own of userEmails) {
    const d = emailDomain(own);
    if (d && !isFreeMailDomain(d)) excludedDomains.add(d);
  }
  return { excludedEmails, excludedDomains };
}

export function isExcluded(email: string, rules: PrivacyRules): boolean {
  const e = normalizeEmail(email);
  const d = emailDomain(e);
  return rules.excludedEmails.has(e) || (d !== undefined && rules.excludedDomains.has(d));
}
