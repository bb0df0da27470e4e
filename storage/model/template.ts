import { z } from 'zod';
import { LIMITS } from './limits';

export const TEMPLATE_LANGUAGES = ['en', 'es', 'it'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** `devices`: use counters per template, as firestore.rules bound them. */
export const TEMPLATE_LIMITS = { name: LIMITS.label, subject: 500, body: 20_000, devices: 100 } as const;

/** A device id as storage/replica/hlc.ts mints them: the key of that device's use counter. */
const deviceKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/**
 * A compose template, shared with the workspace when synced. `uses` holds one counter per device:
 * sync merges it key by key (storage/replica/units.ts splits it into `uses.<device>` units), and
 * each device only ever writes its own key, so two devices counting a use at the same time both
 * keep it; one total would lose one of them to the per-unit clock merge.
 */
export const templateSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(TEMPLATE_LIMITS.name),
    subject: z.string().max(TEMPLATE_LIMITS.subject),
    /** Plain text with `{{merge.fields}}`; line breaks are kept. */
    body: z.string().max(TEMPLATE_LIMITS.body),
    language: z.enum(TEMPLATE_LANGUAGES),
    uses: z.record(deviceKey, z.number().int().nonnegative()).refine((u) => Object.keys(u).length <= TEMPLATE_LIMITS.devices, { error: 'tooMany' }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;
