import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CrmRecord } from '../../storage/model/entities';
import { PRESET_FOLDER_IDS, presetFields } from '../../storage/folders/presets';
import { createRecord, deleteRecord, updateRecord } from '../../storage/write/records';
import { SearchIndex, searchRecords } from '../../storage/search';
import { QueryCache } from '../../storage/search/cache';
import { parseQuery } from '../../storage/search/score';
import { topN } from '../../storage/search/select';
import { db, resetDb } from '../support/db';
import { OracleIndex } from './searchOracle';

/**
 * The fast index (narrowing from cached answers, prefix lists for one or two characters, partial
 * selection) must answer exactly as the plain one did: every keystroke of random typing, over
 * random records, is compared with a fresh index that has no cache and with the original
 * implementation (./searchOracle.ts).
 */
const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const FIELDS = presetFields(0);
const fieldsOf = (folderId: string) => FIELDS.filter((f) => f.folderId === folderId);
const titles = (hits: { title: string }[]) => hits.map((h) => h.title);

// Names that collide once folded ("Lucía"/"lucia"), share prefixes ("an", "ann", "Anna"), or fold oddly.
const WORDS = ['Lucía', 'lucia', 'Luca', 'LUCIANA', 'Ana', 'Anna', 'ann', 'Joanne', 'García', 'garcia', 'Garcian', 'Müller', 'muller',
  'Acme', 'ACME', 'Ibérica', 'Ñandú', 'O’Brien', 'Jean-Luc', 'Zoë', 'Straße', 'ﬁnance', 'İzmir', 'a', 'an', 'x', '600', '+34'];
const GAPS = [' ', ' ', ' ', '-', '.', ', ', "'", '’', '  ', '\u00a0'];
// What else a title or a query may hold: combining marks, the index's own separator, astral characters.
const ODD = ['\u0301', '\u0001', '😀', '\t', 'é', 'I\u0307'];
const KEYS = [...'anluciegrmo', 'í', 'é', ' ', '-', '.', '@', '+', ...'0123469', ...ODD];

const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) });
const title = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(word, fc.constantFrom(...GAPS)), { maxLength: 4 }).map((parts) => parts.flat().join('').slice(0, -1)) },
  // Ties down to the last key: the same title twice, or titles the collator holds equal ("\u0001" is ignored).
  { weight: 1, arbitrary: fc.constantFrom('Ana', 'Ana García', 'a\u0001n', 'an\u0001') },
);
const email = fc.tuple(fc.constantFrom('lucia', 'ana', 'garcia', 'acme', 'x'), fc.nat(999), fc.constantFrom('acme.es', 'anna.it', 'mail.com'))
  .map(([local, n, domain]) => `${local}.${n}@${domain}`);
const phone = fc.tuple(fc.constantFrom('+', '', '00'), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '-', ''))
  .map(([lead, groups, gap]) => lead + groups.join(gap));

type Spec = { id: string; folderId: string; title: string; emails: string[]; phones: string[]; links: number[] };
const spec = (id: string): fc.Arbitrary<Spec> =>
  fc.record({
    id: fc.constant(id),
    folderId: fc.constantFrom(contacts, contacts, companies, deals),
    title,
    emails: fc.array(email, { maxLength: 2 }),
    phones: fc.array(phone, { maxLength: 2 }),
    links: fc.array(fc.nat(20), { maxLength: 3 }),
  });

function toRecord(s: Spec): CrmRecord {
  const values: Record<string, unknown> =
    s.folderId === contacts ? { fc_emails: s.emails, fc_phones: s.phones } : s.folderId === companies ? { fo_phones: s.phones } : {};
  return {
    id: s.id, folderId: s.folderId, title: s.title, values, linkedIds: s.links.map((n) => `r${n}`),
    emails: [], domains: [], stats: {}, createdAt: 0, updatedAt: 0,
  };
}

/** One keystroke or one change to the records between keystrokes. */
type Step =
  | { kind: 'type'; text: string }
  | { kind: 'back'; count: number }
  | { kind: 'replace' | 'insert'; at: number; key: string }
  | { kind: 'upsert'; record: Spec }
  | { kind: 'remove'; at: number };
const typing: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type' as const), text: fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...KEYS), email, phone) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('back' as const), count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const), at: fc.nat(), key: fc.constantFrom(...KEYS) }) },
);
const changes: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), record: fc.nat(34).chain((n) => spec(`r${n}`)) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);
// Small limits often, so that one or two characters are answered from the prefix lists alone.
const limit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 3, arbitrary: fc.constantFrom(5, 8, 20, 200) },
  { weight: 1, arbitrary: fc.constantFrom(0, -2, 2.5, Infinity) },
);
const records = fc.array(fc.nat(30), { maxLength: 30 }).chain((ns) => fc.tuple(...[...new Set(ns)].map((n) => spec(`r${n}`))));

/** The query after each keystroke of `steps` (each typed character, backspace or edit is one). */
function* keystrokes(steps: Step[], onChange: (s: Step) => void): Generator<string> {
  let text = '';
  for (const step of steps) {
    if (step.kind === 'type') for (const ch of step.text) yield (text += ch);
    else if (step.kind === 'back') for (let i = 0; i < step.count && text; i++) yield (text = text.slice(0, -1));
    else if (step.kind === 'replace' || step.kind === 'insert') {
      const at = text.length ? step.at % text.length : 0;
      yield (text = text.slice(0, at) + step.key + text.slice(at + (step.kind === 'replace' ? 1 : 0)));
    } else onChange(step);
  }
}

/** Types `steps` into one long-lived index, checking each answer against a fresh index and the original. */
function checkTyping(initial: Spec[], steps: Step[], n: number) {
  const live = new Map(initial.map((s) => [s.id, toRecord(s)]));
  const index = new SearchIndex();
  const oracle = new OracleIndex();
  for (const r of live.values()) {
    index.upsert(r, fieldsOf(r.folderId));
    oracle.upsert(r, fieldsOf(r.folderId));
  }
  const apply = (step: Step) => {
    if (step.kind === 'upsert') {
      const r = toRecord(step.record);
      live.set(r.id, r);
      index.upsert(r, fieldsOf(r.folderId));
      oracle.upsert(r, fieldsOf(r.folderId));
    } else if (step.kind === 'remove' && live.size) {
      const id = [...live.keys()][step.at % live.size]!;
      live.delete(id);
      index.remove(id);
      oracle.remove(id);
    }
  };
  for (const query of keystrokes(steps, apply)) {
    const fresh = new SearchIndex();
    // Same insertion order as the long-lived index, which ties between equal titles follow.
    for (const r of live.values()) fresh.upsert(r, fieldsOf(r.folderId));
    const answer = index.search(query, n);
    expect(answer, `query ${JSON.stringify(query)}, limit ${n}`).toEqual(fresh.search(query, n));
    expect(answer, `query ${JSON.stringify(query)}, limit ${n}`).toEqual(oracle.search(query, n));
  }
}

describe('search narrowing: the same answers as a fresh search', () => {
  it('typed forward, backspaced and edited in the middle', () => {
    fc.assert(
      fc.property(records, fc.array(typing, { minLength: 1, maxLength: 12 }), limit, (initial, steps, n) => checkTyping(initial, steps, n)),
      { numRuns: 300 },
    );
  }, 60_000);

  it('with records created, edited and deleted between keystrokes (the cache is dropped)', () => {
    const mixed = fc.oneof({ weight: 3, arbitrary: typing }, { weight: 1, arbitrary: changes });
    fc.assert(
      fc.property(records, fc.array(mixed, { minLength: 1, maxLength: 16 }), limit, (initial, steps, n) => checkTyping(initial, steps, n)),
      { numRuns: 300 },
    );
  }, 60_000);

  it('an edit between keystrokes shows in the next answer, even when the query only narrows', () => {
    const index = new SearchIndex();
    const put = (id: string, name: string, linkedIds: string[] = []) =>
      index.upsert({ ...toRecord({ id, folderId: contacts, title: name, emails: [], phones: [], links: [] }), linkedIds }, fieldsOf(contacts));
    put('a', 'Ana García');
    put('b', 'Anabel Ruiz');
    expect(titles(index.search('ana'))).toEqual(['Ana García', 'Anabel Ruiz']);
    put('c', 'Anatole Gómez'); // created: "anat" narrows from "ana", whose cached hits lack it
    expect(titles(index.search('anat'))).toEqual(['Anatole Gómez']);
    put('c', 'Antoine Gómez'); // edited away from the query
    expect(titles(index.search('anat'))).toEqual([]);
    expect(titles(index.search('ana'))).toEqual(['Ana García', 'Anabel Ruiz']);
    index.remove('b');
    expect(titles(index.search('anab'))).toEqual([]);
    put('d', 'Anabela', ['a']); // linked to Ana García: listed under her once her title matches
    expect(index.search('anabela').map((h) => [h.title, h.via])).toEqual([['Anabela', 'title']]);
    expect(index.search('ana g').map((h) => [h.title, h.via, h.matched])).toEqual([['Ana García', 'title', 'Ana García'], ['Anabela', 'linked', 'Ana García']]);
    put('d', 'Anabela'); // unlinked
    expect(titles(index.search('ana ga'))).toEqual(['Ana García']);
  });

  it('breaks ties between equal titles by insertion order, as the stable sort did, also after edits', () => {
    const index = new SearchIndex();
    const oracle = new OracleIndex();
    const put = (s: Spec) => {
      index.upsert(toRecord(s), fieldsOf(s.folderId));
      oracle.upsert(toRecord(s), fieldsOf(s.folderId));
    };
    const person = (id: string, name: string, emails: string[] = []) => ({ id, folderId: contacts, title: name, emails, phones: [], links: [0] });
    put({ id: 'r0', folderId: companies, title: 'Acme', emails: [], phones: [], links: [] });
    for (const [id, name] of [['a', 'Ana'], ['b', 'Ana'], ['c', 'a\u0001n'], ['d', 'an\u0001']]) put(person(id!, name!));
    // Edited in place: each keeps its rank among equals though its entry is re-added to every list.
    put(person('a', 'Ana', ['ana@acme.es']));
    put(person('c', 'a\u0001n', ['x@y.z']));
    for (const q of ['a', 'an', 'ana', 'acme']) {
      for (const n of [1, 2, 3, 20]) expect(index.search(q, n), `${q} ${n}`).toEqual(oracle.search(q, n));
    }
  });

  it('answers from the prefix list only with hits that start something: infixes there rank with all other infixes', () => {
    const index = new SearchIndex();
    const oracle = new OracleIndex();
    // "Nnb Anna" and "Nnc Hanna" are in the "nn" list, but hold "nna" only inside a word, as "Xanna" does.
    for (const [id, name] of [['a', 'Nnb Anna'], ['b', 'Nnc Hanna'], ['c', 'Xanna'], ['d', 'Nnadia']]) {
      const r = toRecord({ id: id!, folderId: contacts, title: name!, emails: [], phones: [], links: [] });
      index.upsert(r, fieldsOf(contacts));
      oracle.upsert(r, fieldsOf(contacts));
    }
    expect(titles(index.search('nna', 2))).toEqual(['Nnadia', 'Xanna']);
    expect(index.search('nna', 3)).toEqual(oracle.search('nna', 3));
  });

  it('drops replaced entries from the prefix lists after many edits', () => {
    const index = new SearchIndex();
    const oracle = new OracleIndex();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 800; i++) {
        const r = toRecord({ id: `r${i}`, folderId: contacts, title: `${WORDS[(i + round) % WORDS.length]} ${i}`, emails: [], phones: [], links: [] });
        index.upsert(r, fieldsOf(contacts));
        oracle.upsert(r, fieldsOf(contacts));
      }
    }
    for (let i = 0; i < 200; i++) {
      index.remove(`r${i * 3}`);
      oracle.remove(`r${i * 3}`);
    }
    for (const q of ['a', 'an', 'l', 'lu', 'g', '6', '1', 'x', 'ann', 'luc']) {
      for (const n of [1, 20, 2_000]) expect(index.search(q, n), q).toEqual(oracle.search(q, n));
    }
  });
});

describe('search building blocks', () => {
  it('topN picks what a full sort would put first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 300 }), fc.integer({ min: -3, max: 320 }), (xs, n) => {
        const picked = topN(xs.length, n, (i, j) => xs[i]! - xs[j]!).map((i) => xs[i]);
        expect(picked).toEqual([...xs].sort((a, b) => a - b).slice(0, Math.max(0, n)));
      }),
    );
  });

  it('the cache offers the smallest cached answer the query extends, never a phone query from a plain one', () => {
    const cache = new QueryCache(3);
    const answer = (q: string, size: number) => ({ query: parseQuery(q)!, entries: Array.from({ length: size }) as never[] });
    cache.set(answer('g', 50));
    cache.set(answer('ga', 20));
    cache.set(answer('60', 30));
    expect(cache.narrowest(parseQuery('garc')!)?.query.q).toBe('ga');
    expect(cache.narrowest(parseQuery('60a')!)?.query.q).toBe('60');
    expect(cache.narrowest(parseQuery('600')!)).toBeUndefined(); // "60" matched no phones by their digits
    expect(cache.narrowest(parseQuery('xyz')!)).toBeUndefined();
    cache.get('g'); // used: "ga" is now the oldest and goes first
    cache.set(answer('600', 7));
    expect(cache.get('ga')).toBeUndefined();
    expect(cache.get('g')?.entries).toHaveLength(50);
    expect(cache.narrowest(parseQuery('6001')!)?.query.q).toBe('600');
  });
});

describe('searchRecords between keystrokes', () => {
  beforeEach(resetDb);

  it('sees records created, edited and deleted while the user is typing', async () => {
    const lucia = await createRecord(db, contacts, { fc_firstName: 'Lucía', fc_lastName: 'García' });
    await createRecord(db, contacts, { fc_firstName: 'Luciano', fc_lastName: 'Pérez' });
    expect(titles(await searchRecords(db, 'l'))).toEqual(['Lucía García', 'Luciano Pérez']);
    expect(titles(await searchRecords(db, 'lu'))).toEqual(['Lucía García', 'Luciano Pérez']);
    expect(titles(await searchRecords(db, 'luc'))).toEqual(['Lucía García', 'Luciano Pérez']);
    const lucio = await createRecord(db, contacts, { fc_firstName: 'Lucio' });
    expect(titles(await searchRecords(db, 'luci'))).toEqual(['Lucio', 'Lucía García', 'Luciano Pérez']);
    await updateRecord(db, lucia.id, { fc_firstName: 'Lucinda' });
    expect(titles(await searchRecords(db, 'lucia'))).toEqual(['Luciano Pérez']);
    await deleteRecord(db, lucio.id);
    expect(titles(await searchRecords(db, 'luci'))).toEqual(['Luciano Pérez', 'Lucinda García']);
  });
});
