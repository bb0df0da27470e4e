import { z } from 'zod';
import type { ThreadlineDB } from '../db/db';
import { StorageError } from '../model/errors';
import { newId } from '../model/ids';
import { inputRefusal } from '../model/inputErrors';
import { templateSchema, TEMPLATE_LANGUAGES, TEMPLATE_LIMITS, type Template } from '../model/template';
import { deviceId } from '../replica/clocks';
import { mutate } from '../write/mutate';

export type TemplateInput = { id?: string; name: string; subject: string; body: string; language: Template['language'] };

/** A refused template: `message` is English (logs, tests); the UI words `code` and `params` in the user's language. */
export class TemplateError extends StorageError {
  constructor(message: string, code: 'invalidInput', params: Record<string, string | number>) {
    super(code, params, message);
    this.name = 'TemplateError';
  }
}

/** What the editor sends: a name that is not only spaces, the rest within the synced limits. */
const templateInput = z.object({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(TEMPLATE_LIMITS.name),
  subject: z.string().max(TEMPLATE_LIMITS.subject),
  body: z.string().max(TEMPLATE_LIMITS.body),
  language: z.enum(TEMPLATE_LANGUAGES),
});

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const refusal = inputRefusal('template', r.error, value);
    throw new TemplateError(refusal.message, refusal.code, refusal.params);
  }
  return r.data;
}

/**
 * Creates a template, or updates the one with `input.id` (its use counts kept). An id that is not
 * stored (deleted meanwhile, here or on another device) is created afresh under that id.
 */
export async function saveTemplate(db: ThreadlineDB, input: TemplateInput): Promise<Template> {
  const { id, name, subject, body, language } = check(templateInput, input);
  return mutate(db, async (w) => {
    const now = Date.now();
    const before = id ? await w.db.templates.get(id) : undefined;
    const template = check(templateSchema, {
      id: id ?? newId('tpl'),
      name,
      subject,
      body,
      language,
      uses: before?.uses ?? {},
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
    await w.put('templates', template, ['name', 'subject', 'body', 'language', 'updatedAt', ...(before ? [] : ['createdAt', 'uses'])]);
    return template;
  });
}

export async function deleteTemplate(db: ThreadlineDB, id: string): Promise<void> {
  await mutate(db, async (w) => {
    // Already gone (a teammate deleted it): removing it again would queue another tombstone.
    if (await w.db.templates.get(id)) await w.remove('templates', id);
  });
}

/**
 * One more use of a template, on this device's own counter: each device writes only its key of
 * `uses`, which sync merges key by key, so no concurrent use is lost. `updatedAt` is left alone:
 * it says when the template was edited. False when the template is gone (or not counted).
 */
export function countTemplateUse(db: ThreadlineDB, id: string): Promise<boolean> {
  return mutate(db, async (w) => {
    const template = await w.db.templates.get(id);
    if (!template) return false;
    const device = await deviceId(w.db);
    // The 101st device to use a template is not counted: the synced document holds 100 counters.
    if (!(device in template.uses) && Object.keys(template.uses).length >= TEMPLATE_LIMITS.devices) return false;
    const uses = { ...template.uses, [device]: (template.uses[device] ?? 0) + 1 };
    await w.put('templates', { ...template, uses }, [`uses.${device}`]);
    return true;
  });
}

/** A template's uses on every device that synced its count. */
export function templateUses(t: Pick<Template, 'uses'>): number {
  let total = 0;
  for (const n of Object.values(t.uses)) if (Number.isFinite(n) && n > 0) total += n;
  return total;
}
