import type { Field } from '../../storage/model/field';
import { formatValue, type FormatContext } from '../../storage/model/fieldRegistry';
import { LOCAL_ME } from '../../storage/workspace/members';
import { t } from '../../i18n';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Only http(s), mailto and tel ever become links; anything else renders as plain text. */
export function safeHref(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return SAFE_SCHEMES.has(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A value as text, through the registry's formatter; React escapes it, so names cannot inject HTML.
 * `dir="auto"` isolates it: a right-to-left override inside a value cannot reorder the text beside it.
 */
export function FieldValue({ field, value, ctx }: { field: Field; value: unknown; ctx: FormatContext }) {
  // The local workspace's one person is stored as "me" and read in the reader's language.
  const text = field.type === 'user' && value === LOCAL_ME ? t('views.picker.me') : formatValue(field, value, ctx);
  if (field.type === 'url' && typeof value === 'string') {
    const href = safeHref(value);
    if (href) return <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">{text}</a>;
  }
  if (field.type === 'email' && Array.isArray(value) && value.length === 1) {
    const href = safeHref(`mailto:${value[0]}`);
    if (href) return <a href={href} dir="auto">{text}</a>;
  }
  return <span dir="auto">{text}</span>;
}
