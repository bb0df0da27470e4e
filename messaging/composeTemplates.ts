import { z } from 'zod';

/**
 * Compose windows (Gmail's, the demo inbox's) ask the background for the workspace's templates,
 * each already filled in for the compose's recipients, and say when one was inserted. The content
 * script never opens the database; `me` is the Gmail account, which the background cannot see.
 */
export const COMPOSE_TEMPLATES_MAX = 200;
const MAX_RECIPIENTS = 100;

const meSchema = z.object({ name: z.string().max(500).optional(), email: z.string().max(254).optional() }).strict();

export const composeTemplatesRequestSchema = z
  .object({
    type: z.literal('threadline/compose-templates'),
    /** The compose's To addresses then Cc, in order: the first who is a contact fills `contact.*`. */
    recipients: z.array(z.string().max(254)).max(MAX_RECIPIENTS),
    /** The thread a reply belongs to: a deal linked to it wins over the contact's own deals. */
    threadId: z.string().min(1).max(200).optional(),
    me: meSchema,
  })
  .strict();
export type ComposeTemplatesRequest = z.infer<typeof composeTemplatesRequestSchema>;

export const composeTemplateSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().max(120),
    language: z.enum(['en', 'es', 'it']),
    subject: z.string().max(2_000),
    /** Escaped, safe to insert into the compose body (storage/templates/render.ts). */
    html: z.string().max(1_000_000),
    text: z.string().max(500_000),
    /** Merge fields with no value for these recipients, e.g. `contact.firstName`. */
    missing: z.array(z.string().max(100)).max(200),
  })
  .strict();
export type ComposeTemplate = z.infer<typeof composeTemplateSchema>;

export const composeTemplatesReplySchema = z.object({ templates: z.array(composeTemplateSchema).max(COMPOSE_TEMPLATES_MAX) }).strict();
export type ComposeTemplatesReply = z.infer<typeof composeTemplatesReplySchema>;

export const templateUsedRequestSchema = z.object({ type: z.literal('threadline/template-used'), id: z.string().min(1).max(64) }).strict();
export type TemplateUsedRequest = z.infer<typeof templateUsedRequestSchema>;

export const templateUsedReplySchema = z.object({ ok: z.boolean() }).strict();
export type TemplateUsedReply = z.infer<typeof templateUsedReplySchema>;
