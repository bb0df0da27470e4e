import type { CrmRecord, RecordValues } from '../../storage/model/entities';
import type { Field, FieldType } from '../../storage/model/field';
import type { FolderSchema } from '../../storage/folders/schema';
import type { Rng } from './rng';

/** Small pools, so replicas often edit the same values, emails repeat (duplicates, CSV matches) and merges find something. */
const FIRST = ['Ana', 'Bo', 'Cai', 'Dee', 'Eli'];
const LAST = ['Ruiz', 'Gil', 'Moss', 'Kato'];
const WORDS = ['spring', 'fair', 'webinar', 'renewal', 'pilot', 'Acme', 'Globex', 'Initech'];
export const EMAIL_POOL = ['ana@a.com', 'bo@a.com', 'cai@b.io', 'dee@b.io', 'eli@c.org', 'ana.ruiz@c.org'];
const PHONES = ['+34 600 111 222', '+39 02 1234 5678', '(555) 010-2030', '+44 20 7946 0000'];
const USERS = ['rep1@team.io', 'rep2@team.io', 'rep3@team.io'];

/** Values of the other records a link field may point at: whatever this replica has in the target folder. */
export type LinkTargets = (folderId: string) => readonly CrmRecord[];

type Gen = (rng: Rng, field: Field, schema: FolderSchema, targets: LinkTargets) => unknown;

const someOf = <T>(rng: Rng, items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: rng.int(1, max) }, () => rng.pick(items)))];
const isoDay = (rng: Rng) => `20${rng.int(24, 27)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/**
 * One random valid value for each field type, keyed by type so that a new type is named here by
 * the compiler; `undefined` means the sim never sets that type (computed, or numbered by the write path).
 */
const GENERATORS: { [T in FieldType]: Gen | undefined } = {
  text: (rng, field) => (field.key === 'firstName' ? rng.pick(FIRST) : field.key === 'lastName' ? rng.pick(LAST) : `${rng.pick(WORDS)} ${rng.int(1, 3)}`),
  longText: (rng) => `${rng.pick(WORDS)} and ${rng.pick(WORDS)}\nline ${rng.int(1, 9)}`,
  number: (rng) => (rng.chance(0.5) ? rng.int(-5, 500) : rng.int(0, 9999) / 100),
  autoNumber: undefined,
  percent: (rng) => rng.int(0, 100),
  currency: (rng) => ({ amount: rng.int(0, 500) * 100, currency: rng.pick(['EUR', 'USD']) }),
  date: isoDay,
  checkbox: (rng) => rng.chance(0.5),
  dropdown: (rng, field) => rng.pick(field.options!).id,
  multiDropdown: (rng, field) => someOf(rng, field.options!.map((o) => o.id), 3),
  user: (rng) => rng.pick(USERS),
  email: (rng) => someOf(rng, EMAIL_POOL, 2),
  phone: (rng) => someOf(rng, PHONES, 2),
  url: (rng) => `https://${rng.pick(['acme.com', 'b.io', 'example.org'])}/${rng.int(1, 50)}`,
  address: (rng) => ({ street: `${rng.int(1, 99)} Main St`, city: rng.pick(['Madrid', 'Milan', 'Leeds']), ...(rng.chance(0.5) ? { country: 'ES' } : {}) }),
  socials: (rng) => ({ [rng.pick(['linkedin', 'github'] as const)]: `https://social.example/${rng.int(1, 20)}` }),
  link: (rng, field, _schema, targets) => {
    const pool = targets(field.settings.targetFolderId!);
    return pool.length ? someOf(rng, pool.map((r) => r.id), 2) : undefined;
  },
  stage: (rng, _field, schema) => {
    const pipeline = rng.pick(schema.pipelines);
    return { pipelineId: pipeline.id, stageId: rng.pick(pipeline.stages).id };
  },
  formula: undefined,
  statistic: undefined,
};

export const editable = (schema: FolderSchema): Field[] => schema.fields.filter((f) => GENERATORS[f.type] !== undefined);

export function valueFor(rng: Rng, field: Field, schema: FolderSchema, targets: LinkTargets): unknown {
  return GENERATORS[field.type]?.(rng, field, schema, targets);
}

/** A new record's values: every mandatory field, and a random handful of the others. */
export function newValues(rng: Rng, schema: FolderSchema, targets: LinkTargets): RecordValues {
  const values: RecordValues = {};
  for (const field of editable(schema)) {
    if (!field.mandatory && !rng.chance(0.35)) continue;
    const v = valueFor(rng, field, schema, targets);
    if (v !== undefined) values[field.id] = v;
  }
  return values;
}

/** One to three field changes; optional fields are sometimes cleared (undefined), mandatory ones never. */
export function randomPatch(rng: Rng, schema: FolderSchema, targets: LinkTargets): RecordValues {
  const fields = editable(schema);
  const patch: RecordValues = {};
  for (let i = rng.int(1, 3); i > 0; i--) {
    const field = rng.pick(fields);
    patch[field.id] = !field.mandatory && rng.chance(0.2) ? undefined : valueFor(rng, field, schema, targets);
    if (patch[field.id] === undefined && field.mandatory) delete patch[field.id];
  }
  return patch;
}
