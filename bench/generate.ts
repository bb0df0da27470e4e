import type { Activity, CrmRecord, ThreadLink } from '../storage/model/entities';
import type { Field } from '../storage/model/field';
import { deriveIndexes } from '../storage/model/derive';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS, presetFields, presetFolders } from '../storage/folders/presets';
import { dealAmount } from '../storage/lines/amounts';
import type { DealLines, LineItem } from '../storage/lines/line';

/**
 * A deterministic large workspace, in the exact stored shape (indexes derived by the same
 * deriveIndexes the write path uses). Every record is a pure function of (seed, kind, index), so
 * the page can generate and store it chunk by chunk without holding 580,000 objects at once.
 */
export type Scale = { contacts: number; companies: number; deals: number; activities: number };
export const FULL_SCALE: Scale = { contacts: 50_000, companies: 10_000, deals: 20_000, activities: 500_000 };
export const QUICK_SCALE: Scale = { contacts: 5_000, companies: 1_000, deals: 2_000, activities: 50_000 };

/** 40% of the activities belong to every 50th contact: the long histories a key account has. */
export const LONG_HISTORY_EVERY = 50;
const LONG_HISTORY_SHARE = 0.4;

const NOW = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const { contacts: CONTACTS, companies: COMPANIES, deals: DEALS, products: PRODUCTS } = PRESET_FOLDER_IDS;
const FOLDERS = Object.fromEntries(presetFolders(0).map((f) => [f.id, f]));
const FIELDS = presetFields(0);
const fieldsOf = (folderId: string) => FIELDS.filter((f) => f.folderId === folderId);
const FOLDER_FIELDS: Record<string, Field[]> = { [CONTACTS]: fieldsOf(CONTACTS), [COMPANIES]: fieldsOf(COMPANIES), [DEALS]: fieldsOf(DEALS), [PRODUCTS]: fieldsOf(PRODUCTS) };
/** The seeded catalogue: deals' lines pick from it, as the product reports expect (issue 19). */
export const PRODUCT_COUNT = 200;
export const productId = (i: number) => `rec_p${i}`;

const LOCALES = {
  en: {
    first: ['James', 'Mary', 'Oliver', 'Emma', 'Harry', 'Olivia', 'George', 'Amelia', 'Jack', 'Isla', 'Thomas', 'Grace', 'William', 'Sophie', 'Daniel', 'Chloe'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Hughes', 'Green'],
    words: ['Northwind', 'Bluebird', 'Harbour', 'Summit', 'Oakridge', 'Silverline', 'Brightwater', 'Redwood', 'Kingsley', 'Ashford'],
    suffix: ['Ltd', 'Group', 'Partners', 'Systems', 'Labs', 'Holdings'],
    tld: ['co.uk', 'com', 'io'],
  },
  es: {
    first: ['Lucía', 'José', 'María', 'Álvaro', 'Sofía', 'Martín', 'Inés', 'Sergio', 'Paula', 'Javier', 'Nuria', 'Raúl', 'Carmen', 'Íñigo', 'Beatriz', 'Andrés'],
    last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz'],
    words: ['Soluciones', 'Ibérica', 'Levante', 'Cantábrico', 'Sierra', 'Meseta', 'Alborán', 'Tajo', 'Guadiana', 'Mediterráneo'],
    suffix: ['S.L.', 'S.A.', 'Grupo', 'Consultores', 'Logística', 'Digital'],
    tld: ['es', 'com'],
  },
  it: {
    first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Alessia', 'Lorenzo', 'Giorgia', 'Niccolò', 'Martina', 'Andrea', 'Elena', 'Davide', 'Sara', 'Tommaso'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa'],
    words: ['Tessile', 'Adriatica', 'Lombarda', 'Dolomiti', 'Tirreno', 'Appennino', 'Vesuvio', 'Laguna', 'Arno', 'Brenta'],
    suffix: ['S.r.l.', 'S.p.A.', 'Gruppo', 'Industrie', 'Servizi', 'Sistemi'],
    tld: ['it', 'com', 'eu'],
  },
} as const;
type Locale = keyof typeof LOCALES;
const LOCALE_KEYS: Locale[] = ['en', 'es', 'it'];

/** mulberry32 seeded by a hash of (seed, kind, index): independent, reproducible streams. */
export function rng(seed: number, kind: number, index: number): () => number {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(kind + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

export const contactId = (i: number) => `rec_c${i}`;
export const companyId = (i: number) => `rec_o${i}`;
export const dealId = (i: number) => `rec_d${i}`;
const localeOf = (companyIndex: number): Locale => LOCALE_KEYS[companyIndex % 3]!;

function stored(folderId: string, id: string, values: Record<string, unknown>, createdAt: number): CrmRecord {
  const derived = deriveIndexes(FOLDERS[folderId]!, FOLDER_FIELDS[folderId]!, values);
  return { id, folderId, values, ...derived, stats: {}, createdAt, updatedAt: createdAt };
}

export function companyDomain(seed: number, i: number): string {
  const r = rng(seed, 1, i);
  const loc = LOCALES[localeOf(i)];
  return `${ascii(pick(r, loc.words))}${ascii(pick(r, loc.words))}${i}.${pick(r, loc.tld)}`;
}

export function company(seed: number, i: number): CrmRecord {
  const r = rng(seed, 2, i);
  const loc = LOCALES[localeOf(i)];
  const name = `${pick(r, loc.words)} ${pick(r, loc.words)} ${pick(r, loc.suffix)}`;
  const values = { fo_name: name, fo_domain: companyDomain(seed, i), fo_industry: pick(r, ['software', 'manufacturing', 'retail', 'finance', 'services']) };
  return stored(COMPANIES, companyId(i), values, NOW - Math.floor(r() * 900) * DAY);
}

/** Contact i works at company i % companies, so a company's people share its domain. */
export function contact(seed: number, i: number, scale: Scale): CrmRecord {
  const r = rng(seed, 3, i);
  const c = i % scale.companies;
  const loc = LOCALES[localeOf(c)];
  const first = pick(r, loc.first);
  const last = pick(r, loc.last);
  const email = `${ascii(first)}.${ascii(last)}${i}@${companyDomain(seed, c)}`;
  const values: Record<string, unknown> = {
    fc_firstName: first, fc_lastName: last, fc_emails: [email], fc_company: [companyId(c)],
    fc_position: pick(r, ['CEO', 'CTO', 'Buyer', 'Sales manager', 'Office manager', 'Engineer']),
    fc_lifecycleStage: pick(r, ['lead', 'qualifiedLead', 'opportunity', 'customer']),
    fc_phones: [`+${c % 3 === 0 ? 44 : c % 3 === 1 ? 34 : 39} ${600_000_000 + Math.floor(r() * 99_999_999)}`],
  };
  return stored(CONTACTS, contactId(i), values, NOW - Math.floor(r() * 900) * DAY);
}

const PRODUCT_WORDS = ['Licence', 'Support plan', 'Training day', 'Sensor', 'Gateway', 'Set-up', 'Audit', 'Cloud seat', 'Maintenance', 'Module'];
const TIERS = ['Basic', 'Pro', 'Enterprise', 'Lite', 'Plus'];

/** Product i of the catalogue: a name, a code, a price in EUR and (most) a tax rate. */
export function product(seed: number, i: number): CrmRecord {
  const r = rng(seed, 7, i);
  const values: Record<string, unknown> = {
    fp_name: `${pick(r, PRODUCT_WORDS)} ${pick(r, TIERS)} ${i}`,
    fp_sku: `SKU-${String(i).padStart(4, '0')}`,
    fp_unitPrice: { amount: 50 + Math.floor(r() * 100) * 50, currency: 'EUR' },
    fp_active: r() < 0.9,
    ...(r() < 0.8 ? { fp_taxRate: pick(r, [21, 22, 20, 10]) } : {}),
  };
  return stored(PRODUCTS, productId(i), values, NOW - 900 * DAY);
}

/** 1–5 lines from the catalogue, each a copy of its product as the write path makes them; some discounted. */
function dealLines(seed: number, i: number, createdAt: number): DealLines {
  const r = rng(seed, 8, i);
  const count = 1 + Math.floor(r() * 5);
  const lines: DealLines = {};
  for (let k = 0; k < count; k++) {
    const pi = Math.floor(r() * PRODUCT_COUNT);
    const p = product(seed, pi).values;
    const id = `ln_${i}_${k}`;
    const line: LineItem = {
      id, productId: productId(pi), name: p.fp_name as string, sku: p.fp_sku as string,
      quantity: 1 + Math.floor(r() * 20), unitPrice: p.fp_unitPrice as LineItem['unitPrice'], position: k, addedAt: createdAt,
      ...(r() < 0.2 ? { discount: { kind: 'percent' as const, value: 10 } } : {}),
      ...(typeof p.fp_taxRate === 'number' ? { taxRate: p.fp_taxRate } : {}),
    };
    lines[id] = line;
  }
  return lines;
}

export function deal(seed: number, i: number, scale: Scale): CrmRecord {
  const r = rng(seed, 4, i);
  const ct = Math.floor(r() * scale.contacts);
  const co = ct % scale.companies;
  const values = {
    fd_name: `${pick(r, ['Renewal', 'Expansion', 'Pilot', 'Licences', 'Support plan', 'Rollout'])} ${company(seed, co).values.fo_name as string}`,
    fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: pick(r, ['new', 'qualified', 'proposal', 'negotiation', 'won', 'lost']) },
    fd_amount: { amount: 1_000 + Math.floor(r() * 200) * 250, currency: 'EUR' },
    fd_probability: pick(r, [10, 25, 50, 75]),
    fd_mainContact: [contactId(ct)],
    fd_company: [companyId(co)],
  };
  const createdAt = NOW - Math.floor(r() * 600) * DAY;
  const lines = dealLines(seed, i, createdAt);
  // The stored amount is the lines' net sum, as the write path keeps it (storage/lines/dealAmount.ts).
  const withAmount = { ...values, fd_amount: dealAmount(Object.values(lines), 'EUR') };
  return { ...stored(DEALS, dealId(i), withAmount, createdAt), lines };
}

/** The contact an activity belongs to: the first 40% go to the long-history contacts. */
export function activityOwner(seed: number, j: number, scale: Scale): number {
  const long = Math.floor(scale.activities * LONG_HISTORY_SHARE);
  const longContacts = Math.ceil(scale.contacts / LONG_HISTORY_EVERY);
  if (j < long) return (j % longContacts) * LONG_HISTORY_EVERY;
  return Math.floor(rng(seed, 5, j)() * scale.contacts);
}

const threadIdOf = (contactIndex: number, n: number) => `thr_${contactIndex}_${n}`;

/** Who an activity is about; cached because half a million activities share 50,000 contacts. */
const people = new Map<string, { id: string; title: string; email: string }>();
function personOf(seed: number, i: number, scale: Scale) {
  const key = `${seed}:${scale.contacts}:${scale.companies}:${i}`;
  let p = people.get(key);
  if (!p) {
    const c = contact(seed, i, scale);
    p = { id: c.id, title: c.title, email: c.emails[0]! };
    if (people.size > 200_000) people.clear();
    people.set(key, p);
  }
  return p;
}

/**
 * The last `deals` activities are the deals' stage changes: a won or lost deal entered its stage
 * between its creation and now, so win rates, revenue by product and top customers have close
 * days (storage/reports/facts.ts reads them); an open deal's slot is an ordinary activity.
 */
function stageChange(seed: number, j: number, scale: Scale): Activity | undefined {
  const d = j - (scale.activities - scale.deals);
  if (d < 0 || d >= scale.deals) return undefined;
  const rec = deal(seed, d, scale);
  const to = rec.values.fd_stage as { pipelineId: string; stageId: string };
  if (to.stageId !== 'won' && to.stageId !== 'lost') return undefined;
  const at = rec.createdAt + Math.floor(rng(seed, 9, d)() * (NOW - rec.createdAt));
  return { id: `act_${j}`, recordIds: [rec.id], at, createdAt: at, updatedAt: at, kind: 'stageChange', fieldId: 'fd_stage', from: { pipelineId: to.pipelineId, stageId: 'negotiation' }, to };
}

export function activity(seed: number, j: number, scale: Scale): Activity {
  const closed = stageChange(seed, j, scale);
  if (closed) return closed;
  const r = rng(seed, 6, j);
  const owner = activityOwner(seed, j, scale);
  const c = personOf(seed, owner, scale);
  const at = NOW - Math.floor(r() * 730 * DAY);
  const base = { id: `act_${j}`, recordIds: [c.id], at, createdAt: at, updatedAt: at };
  const kind = r();
  const person = { name: c.title, email: c.email };
  const me = { name: 'Sam Seller', email: 'sam@threadline.example' };
  if (kind < 0.7) {
    const received = r() < 0.5;
    return {
      ...base, kind: 'email', threadId: threadIdOf(owner, Math.floor(r() * 40)), messageId: `msg_${j}`, direction: received ? 'received' : 'sent',
      from: received ? person : me, to: [received ? me : person], cc: [],
      subject: pick(r, ['Quote for next quarter', 'Presupuesto actualizado', 'Offerta rinnovo', 'Follow-up on our call', 'Riunione di martedì', 'Factura pendiente']),
      snippet: pick(r, ['Thanks, see the attached figures.', 'Gracias, te confirmo mañana.', 'Grazie, ci sentiamo presto.', 'Can we move the call to Friday?']),
    };
  }
  if (kind < 0.8) return { ...base, kind: 'note', body: pick(r, ['Prefers email over calls.', 'Interesada en el plan anual.', 'Chiede uno sconto sul volume.']) };
  if (kind < 0.9) return { ...base, kind: 'call', body: 'Discussed the proposal.', outcome: pick(r, ['connected', 'noAnswer', 'leftVoicemail', 'busy'] as const) };
  if (kind < 0.95) return { ...base, kind: 'meeting', title: pick(r, ['Demo', 'Kick-off', 'Revisión trimestral', 'Riunione tecnica']), body: '' };
  return { ...base, kind: 'task', title: 'Send the revised quote', due: at + 7 * DAY, done: r() < 0.6 };
}

/** Thread links: every 10th deal is linked to one of its main contact's threads. */
export function threadLink(seed: number, dealIndex: number, scale: Scale): ThreadLink {
  const d = deal(seed, dealIndex, scale);
  const owner = Number((d.values.fd_mainContact as string[])[0]!.slice('rec_c'.length));
  return { id: `tl_${dealIndex}`, threadId: threadIdOf(owner, 0), recordId: d.id, createdAt: d.createdAt, updatedAt: d.createdAt };
}

export type Kind = 'companies' | 'contacts' | 'deals' | 'activities' | 'threadLinks';
export const COUNTS = (scale: Scale): Record<Kind, number> => ({
  companies: scale.companies, contacts: scale.contacts, deals: scale.deals, activities: scale.activities, threadLinks: Math.floor(scale.deals / 10),
});

/** Items [from, to) of one kind: the unit the page stores per transaction. */
export function chunk(seed: number, kind: Kind, from: number, to: number, scale: Scale): (CrmRecord | Activity | ThreadLink)[] {
  const out: (CrmRecord | Activity | ThreadLink)[] = [];
  for (let i = from; i < to; i++) {
    if (kind === 'companies') out.push(company(seed, i));
    else if (kind === 'contacts') out.push(contact(seed, i, scale));
    else if (kind === 'deals') {
      // The catalogue travels with the first deals: it is small, and the page's seeder stores the kinds COUNTS names (bench/inpage.ts).
      if (i === 0) for (let p = 0; p < PRODUCT_COUNT; p++) out.push(product(seed, p));
      out.push(deal(seed, i, scale));
    }
    else if (kind === 'activities') out.push(activity(seed, i, scale));
    else out.push(threadLink(seed, i * 10, scale));
  }
  return out;
}
