import type { Field } from '../model/field';
import { FIELD_REGISTRY } from '../model/fieldRegistry';
import { foldHeader } from './cells';
import { synonymsOf } from './synonyms';

/** The column every export carries so a re-import finds the same records again, links included. */
export const ID_HEADER = 'Threadline ID';
/** Mapping target for that column; never a field id (field ids cannot start with '#'). */
export const ID_TARGET = '#id';

/**
 * Mapping target of a link field's id column ("Company (Threadline ID)"): the linked records' ids,
 * which win over the titles in the field's own column, so a re-imported export links exactly.
 */
export const linkIdTarget = (fieldId: string) => `${ID_TARGET}:${fieldId}`;
/** The link field a target names the id column of, or undefined. */
export const linkIdField = (target: string | null): string | undefined => (target?.startsWith(`${ID_TARGET}:`) ? target.slice(ID_TARGET.length + 1) : undefined);
export const linkIdHeader = (field: Field, fields: readonly Field[]) => `${headerFor(field, fields)} (${ID_HEADER})`;

/** What one CSV column feeds: a field id, ID_TARGET, a linkIdTarget, or null (not imported). */
export type ColumnTarget = string | null;
export type ColumnMapping = ColumnTarget[];

const ID_NAMES = new Set(['threadlineid', 'id', 'recordid'].map(foldHeader));

/**
 * Fields whose value the write path assigns itself. Auto-numbers are numbered by createRecord and
 * refused when set (storage/records.ts), so an import never writes them. The field registry has no
 * property for this yet; this mirrors the one check records.ts makes.
 */
export function isAssignedByWritePath(field: Field): boolean {
  return field.type === 'autoNumber';
}

/** Fields a CSV column may feed: not computed (formula, statistics) and not assigned. */
export function importableFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => !FIELD_REGISTRY[f.type].computed && !isAssignedByWritePath(f));
}

/** A field's column header: its label, or "Label (key)" when another field shares the label. */
export function headerFor(field: Field, fields: readonly Field[]): string {
  const shared = fields.some((f) => f.id !== field.id && foldHeader(f.label) === foldHeader(field.label));
  return shared ? `${field.label} (${field.key})` : field.label;
}

const singular = (s: string) => (s.length > 3 && s.endsWith('s') ? s.slice(0, -1) : s);

function namesOf(field: Field, fields: readonly Field[]): string[] {
  return [field.label, field.key, headerFor(field, fields)].map(foldHeader);
}

/** A preset field's own names plus what other tools and languages call it (synonyms.ts). */
const knownNamesOf = (field: Field): string[] => [...synonymsOf(field.id)];

/**
 * Proposes a target for each column: the id column, then fields by label, key or "Label (key)"
 * (custom fields included), then preset fields by their labels in every language and the headers
 * other tools export (synonyms.ts), then both again with a plural "s" ignored ("Email" → "Emails").
 * Each target is used at most once, by the first column that names it; computed and assigned
 * fields are never proposed.
 */
export function autoMap(headers: readonly string[], fields: readonly Field[]): ColumnMapping {
  const candidates = importableFields(fields);
  const used = new Set<string>();
  const linkIds = candidates.filter((f) => f.type === 'link');
  const pick = (folded: string, match: (name: string) => boolean, names: (f: Field) => string[]): ColumnTarget => {
    if (ID_NAMES.has(folded) && !used.has(ID_TARGET)) return ID_TARGET;
    const idOf = linkIds.find((f) => !used.has(linkIdTarget(f.id)) && namesOf(f, fields).some((n) => folded === n + foldHeader(ID_HEADER)));
    if (idOf) return linkIdTarget(idOf.id);
    return candidates.find((f) => !used.has(f.id) && names(f).some(match))?.id ?? null;
  };
  const mapping: ColumnMapping = headers.map(() => null);
  const exact = (h: string) => (n: string) => n === h;
  const plural = (h: string) => (n: string) => singular(n) === singular(h);
  const own = (f: Field) => namesOf(f, fields);
  const passes = [[exact, own], [exact, knownNamesOf], [plural, own], [plural, knownNamesOf]] as const;
  for (const [pass, names] of passes) {
    headers.forEach((header, i) => {
      const folded = foldHeader(header);
      if (mapping[i] || !folded) return;
      const target = pick(folded, pass(folded), names);
      if (target) {
        mapping[i] = target;
        used.add(target);
      }
    });
  }
  return mapping;
}

/** Targets chosen by more than one column: the import refuses to start until each is used once. */
export function duplicateTargets(mapping: ColumnMapping): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const target of mapping) {
    if (!target) continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}
