import { z } from 'zod';
import { LIMITS } from './limits';

/** The closed list of field types. Adding one is an entry here plus one in each registry. */
export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'autoNumber',
  'percent',
  'currency',
  'date',
  'checkbox',
  'dropdown',
  'multiDropdown',
  'user',
  'email',
  'phone',
  'url',
  'address',
  'socials',
  'link',
  'stage',
  'formula',
  'statistic',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const STATISTICS = ['createdAt', 'lastEmailReceived', 'emailThreadCount', 'lastActivity'] as const;
export type Statistic = (typeof STATISTICS)[number];

export const optionSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(LIMITS.label),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
export type DropdownOption = z.infer<typeof optionSchema>;

export const fieldSettingsSchema = z
  .object({
    /** link: the folder whose records this field points at. */
    targetFolderId: z.string().optional(),
    /** formula: an arithmetic expression over other fields' keys, e.g. `amount * probability`. */
    expression: z.string().max(500).optional(),
    /** statistic: which figure this read-only field shows. */
    statistic: z.enum(STATISTICS).optional(),
    /** currency: the currency new values start with. */
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })
  .strict();

export const fieldSchema = z
  .object({
    id: z.string().min(1).max(64),
    folderId: z.string().min(1),
    /** Stable name used by formulas and CSV headers; unique within the folder. */
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
    label: z.string().min(1).max(LIMITS.label),
    type: z.enum(FIELD_TYPES),
    mandatory: z.boolean(),
    hidden: z.boolean(),
    order: z.number(),
    options: z.array(optionSchema).max(LIMITS.options).optional(),
    settings: fieldSettingsSchema,
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();
export type Field = z.infer<typeof fieldSchema>;
