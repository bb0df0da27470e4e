import { z } from 'zod';
import { ENTITY_SCHEMAS, recordEnvelopeSchema } from '../storage/model/entitySchemas';
import { isHlc, type Hlc } from '../storage/replica/hlc';
import type { DocState } from '../storage/replica/merge';

export { ENTITY_SCHEMAS, recordEnvelopeSchema };

/** Largest number of units a document may carry (a record with this many filled fields). */
export const MAX_UNITS = 500;
/** Largest serialised size of one document; Firestore's own limit is 1 MiB per document. */
export const MAX_DOC_BYTES = 900_000;

const hlc = z.custom<Hlc>((v) => isHlc(v), { error: 'is not a clock stamp' });

/** The sync envelope of a document, whatever its table: checked before anything is merged. */
export const docStateSchema = z
  .object({
    units: z.record(z.string().min(1).max(200), z.unknown()),
    clocks: z.record(z.string().min(1).max(200), hlc),
    born: hlc.optional(),
    deleted: hlc.optional(),
  })
  .strict()
  .superRefine((s, check) => {
    if (Object.keys(s.clocks).length > MAX_UNITS) check.addIssue({ code: 'custom', message: `has more than ${MAX_UNITS} fields` });
    for (const unit of Object.keys(s.units)) {
      if (!(unit in s.clocks)) check.addIssue({ code: 'custom', path: ['units', unit], message: 'has a value but no clock stamp' });
    }
  });


/** The first issue of a failed parse, as one line for logs and the sync status. */
export function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  if (!issue) return `${what} is invalid`;
  if (issue.code === 'unrecognized_keys') return `${what}: ${issue.keys.map((k) => `"${k.slice(0, 64)}"`).join(', ')} is not part of the model`;
  const path = issue.path.map(String).join('.');
  return `${what}${path ? `.${path}` : ''}: ${issue.message}`;
}

export function parseDocState(raw: unknown): { ok: true; state: DocState } | { ok: false; reason: string } {
  const r = docStateSchema.safeParse(raw);
  if (!r.success) return { ok: false, reason: firstIssue(r.error, 'document') };
  let bytes: number;
  try {
    bytes = JSON.stringify(r.data.units).length;
  } catch {
    // Not plain data (a BigInt, a cycle): refuse this document rather than fail the whole batch.
    return { ok: false, reason: 'document holds values that are not plain data' };
  }
  if (bytes > MAX_DOC_BYTES) return { ok: false, reason: `document is ${bytes.toLocaleString('en')} bytes, over the ${MAX_DOC_BYTES.toLocaleString('en')} limit` };
  return { ok: true, state: r.data as DocState };
}
