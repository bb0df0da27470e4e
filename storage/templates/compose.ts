import type { ThreadlineDB } from '../db/db';
import {
  COMPOSE_TEMPLATES_MAX,
  composeTemplateSchema,
  composeTemplatesRequestSchema,
  templateUsedRequestSchema,
  type ComposeTemplate,
  type ComposeTemplatesReply,
  type ComposeTemplatesRequest,
  type TemplateUsedReply,
  type TemplateUsedRequest,
} from '../../messaging/composeTemplates';
import { listTemplates } from '../queries/templates';
import { mergeContext } from './context';
import { renderTemplate } from './render';
import { countTemplateUse } from './templates';

const SUBJECT_MAX = 2_000;

/**
 * The background's answer to a compose window: every template (by name, at most 200) filled in for
 * its recipients. A template whose filled-in text outgrows the message's limits (a huge value in
 * every one of many fields) is left out rather than cut mid-markup.
 */
export async function composeTemplates(db: ThreadlineDB, req: ComposeTemplatesRequest): Promise<ComposeTemplatesReply> {
  const [templates, ctx] = await Promise.all([listTemplates(db), mergeContext(db, { recipients: req.recipients, ...(req.threadId ? { threadId: req.threadId } : {}), me: req.me })]);
  const out: ComposeTemplate[] = [];
  for (const t of templates) {
    if (out.length >= COMPOSE_TEMPLATES_MAX) break;
    const r = renderTemplate(t, ctx);
    const item = { id: t.id, name: t.name, language: t.language, subject: r.subject.slice(0, SUBJECT_MAX), html: r.html, text: r.text, missing: r.missing };
    if (composeTemplateSchema.safeParse(item).success) out.push(item);
    else console.warn(`Threadline: template ${t.id} is too large once filled in; not offered`);
  }
  return { templates: out };
}

export async function templateUsed(db: ThreadlineDB, req: TemplateUsedRequest): Promise<TemplateUsedReply> {
  return { ok: await countTemplateUse(db, req.id) };
}

/** A compose window's template request, as the background's router runs it (entrypoints/background.ts). */
export type TemplateRequest = { what: string; answer: (db: ThreadlineDB) => Promise<ComposeTemplatesReply | TemplateUsedReply>; empty: ComposeTemplatesReply | TemplateUsedReply };

/**
 * The template message `raw` is, parsed with its zod schema, or undefined (not a template message,
 * or a malformed one: extra keys, too many recipients, an over-long id are all refused here).
 */
export function templateRequest(raw: unknown): TemplateRequest | undefined {
  const compose = composeTemplatesRequestSchema.safeParse(raw);
  if (compose.success) return { what: 'compose templates', answer: (db) => composeTemplates(db, compose.data), empty: { templates: [] } };
  const used = templateUsedRequestSchema.safeParse(raw);
  if (used.success) return { what: 'a template use', answer: (db) => templateUsed(db, used.data), empty: { ok: false } };
  return undefined;
}
