import type { CrmRecord, Folder, RecordValues } from './entities';
import type { Field } from './field';
import { FIELD_REGISTRY } from './fieldRegistry';
import { emailDomain, normalizeDomain, normalizeEmail } from './normalize';

/**
 * The indexed copies of a record's values, recomputed on every write so the database indexes
 * always agree with the values: title, normalised emails, email/company domains, linked ids.
 */
export function deriveIndexes(
  folder: Pick<Folder, 'titleFieldIds'>,
  fields: readonly Field[],
  values: RecordValues,
): Pick<CrmRecord, 'title' | 'emails' | 'domains' | 'linkedIds'> {
  const emails = new Set<string>();
  const domains = new Set<string>();
  const linkedIds = new Set<string>();
  for (const field of fields) {
    const v = values[field.id];
    if (v === undefined || v === null) continue;
    const indexAs = FIELD_REGISTRY[field.type].indexAs;
    if (indexAs === 'emails') {
      for (const e of Array.isArray(v) ? (v as string[]) : []) {
        const email = normalizeEmail(e);
        emails.add(email);
        const d = emailDomain(email);
        if (d) domains.add(d);
      }
    } else if (indexAs === 'linkedIds') {
      for (const id of Array.isArray(v) ? (v as string[]) : []) linkedIds.add(id);
    } else if (field.key === 'domain' && (field.type === 'text' || field.type === 'url')) {
      const d = typeof v === 'string' ? normalizeDomain(v) : '';
      if (d) domains.add(d);
    }
  }
  const title = folder.titleFieldIds
    .map((id) => values[id])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(' ')
    .slice(0, 300);
  return { title, emails: [...emails], domains: [...domains], linkedIds: [...linkedIds] };
}
