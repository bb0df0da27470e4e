import { z } from 'zod';
import { LIMITS } from './limits';

export type Currency = { amount: number; currency: string };
export type Address = { street?: string; city?: string; region?: string; postalCode?: string; country?: string };
export const SOCIAL_NETWORKS = ['linkedin', 'twitter', 'facebook', 'instagram', 'github'] as const;
export type Socials = Partial<Record<(typeof SOCIAL_NETWORKS)[number], string>>;
export type StageValue = { pipelineId: string; stageId: string };

/** The stored value of each field type: the compiler checks every registry against this. */
export type FieldValueMap = {
  text: string;
  longText: string;
  number: number;
  autoNumber: number;
  percent: number;
  currency: Currency;
  date: string;
  checkbox: boolean;
  dropdown: string;
  multiDropdown: string[];
  user: string;
  email: string[];
  phone: string[];
  url: string;
  address: Address;
  socials: Socials;
  link: string[];
  stage: StageValue;
  formula: number;
  statistic: number;
};

const tooLong = (max: number) => ({ error: `is longer than ${max.toLocaleString('en')} characters` });

export const shortText = z.string().max(LIMITS.shortText, tooLong(LIMITS.shortText));
export const longText = z.string().max(LIMITS.longText, tooLong(LIMITS.longText));
export const finiteNumber = z.number({ error: 'must be a number' }).finite({ error: 'must be a finite number' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be a 3-letter ISO code such as EUR' });
export const currencyValue = z.object({ amount: finiteNumber, currency: currencyCode }).strict();

export const isoDate = z.string().refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
  },
  { error: 'must be a date written YYYY-MM-DD' },
);

export const emailAddress = z
  .string()
  .max(LIMITS.email, tooLong(LIMITS.email))
  .regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, { error: 'is not an email address' });

export const phoneNumber = z
  .string()
  .max(LIMITS.phone, tooLong(LIMITS.phone))
  .regex(/^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(\s*(x|ext\.?)\s*[0-9]+)?$/i, { error: 'is not a phone number' });

/** Only these schemes may ever become a clickable link: no javascript:, data: or file:. */
export const webUrl = z
  .string()
  .max(LIMITS.url, tooLong(LIMITS.url))
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, { error: 'must be an http(s) address' });

export const addressValue = z
  .object({
    street: shortText.optional(),
    city: shortText.optional(),
    region: shortText.optional(),
    postalCode: z.string().max(32).optional(),
    country: shortText.optional(),
  })
  .strict();

export const socialsValue = z.partialRecord(z.enum(SOCIAL_NETWORKS), z.string().max(LIMITS.url, tooLong(LIMITS.url))).refine(
  (v) => Object.keys(v).length <= 5,
);

export const stageValue = z.object({ pipelineId: z.string().min(1), stageId: z.string().min(1) }).strict();
