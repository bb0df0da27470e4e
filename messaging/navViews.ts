import { z } from 'zod';

/** The saved views Gmail's left nav lists under Threadline (at most this many: a nav is not a table). */
export const NAV_VIEWS_MAX = 50;

export const navViewsRequestSchema = z.object({ type: z.literal('threadline/nav-views') }).strict();
export type NavViewsRequest = z.infer<typeof navViewsRequestSchema>;

export const navViewSchema = z
  .object({
    viewId: z.string().min(1).max(64),
    name: z.string().max(200),
    folder: z.string().max(200),
    board: z.boolean(),
  })
  .strict();
export type NavView = z.infer<typeof navViewSchema>;

export const navViewsReplySchema = z.object({ views: z.array(navViewSchema).max(NAV_VIEWS_MAX) }).strict();
export type NavViewsReply = z.infer<typeof navViewsReplySchema>;
