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

// Messages are IssueCodes (storage/model/issues.ts); the UI words them. `tooLong` takes its max from zod's issue (issueFromZod).
const tooLong = { error: 'tooLong' } as const;

export const shortText = z.string().max(LIMITS.shortText, tooLong);
export const longText = z.string().max(LIMITS.longText, tooLong);
export const finiteNumber = z.number({ error: 'notANumber' }).finite({ error: 'notANumber' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'invalidCurrency' });
export const currencyValue = z.object({ amount: finiteNumber, currency: currencyCode }).strict();

export const isoDate = z.string().refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
  },
  { error: 'invalidDate' },
);

export const emailAddress = z
  .string()
  .max(LIMITS.email, tooLong)
  .regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, { error: 'invalidEmail' });

export const phoneNumber = z
  .string()
  .max(LIMITS.phone, tooLong)
  .regex(/^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(\s*(x|ext\.?)\s*[0-9]+)?$/i, { error: 'invalidPhone' });

/** Only these schemes may ever become a clickable link: no javascript:, data: or file:. */
export const webUrl = z
  .string()
  .max(LIMITS.url, tooLong)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, { error: 'invalidUrl' });

export const addressValue = z
  .object({
    street: shortText.optional(),
    city: shortText.optional(),
    region: shortText.optional(),
    postalCode: z.string().max(32).optional(),
    country: shortText.optional(),
  })
  .strict();

export const socialsValue = z.partialRecord(z.enum(SOCIAL_NETWORKS), z.string().max(LIMITS.url, tooLong)).refine(
  (v) => Object.keys(v).length <= 5,
);

export const stageValue = z.object({ pipelineId: z.string().min(1), stageId: z.string().min(1) }).strict();
