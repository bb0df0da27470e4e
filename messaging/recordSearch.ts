import { z } from 'zod';

/**
 * Gmail's search box asks the background for Threadline records as the rep types
 * (entrypoints/gmail.content/recordSearch.ts): the content script never opens the database.
 */
export const SEARCH_SUGGESTIONS = 6;

export const recordSearchRequestSchema = z.object({ type: z.literal('threadline/search-records'), query: z.string().max(200) }).strict();
export type RecordSearchRequest = z.infer<typeof recordSearchRequestSchema>;

export const recordSearchHitSchema = z
  .object({
    recordId: z.string().min(1).max(64),
    title: z.string().max(500),
    /** The folder's name as the workspace calls it (its data language). */
    folder: z.string().max(200),
    /** What matched when it is not the title (an email, a phone, a linked company's name). */
    matched: z.string().max(500),
  })
  .strict();
export type RecordSearchHit = z.infer<typeof recordSearchHitSchema>;

export const recordSearchReplySchema = z.object({ hits: z.array(recordSearchHitSchema).max(SEARCH_SUGGESTIONS) }).strict();
export type RecordSearchReply = z.infer<typeof recordSearchReplySchema>;
