import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { guardCell, unguardCell } from '../../../storage/csv/cells';
import { importableFields } from '../../../storage/csv/mapping';
import { FIELD_TYPES, type Field, type FieldType } from '../../../storage/model/field';
import { FIELD_REGISTRY, normalizeValue, type FieldTypeSpec } from '../../../storage/model/fieldRegistry';
import { presetPipelines } from '../../../storage/folders/presets';
import { isIssueCode } from '../../../storage/model/issues';
import { hostileText } from './arbitraries';
import { NEAR_VALUES } from './fieldValues';

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * A CSV cell is text from a stranger's spreadsheet. Through each field type's parseCsv it must
 * never throw, and whatever it accepts must be a value the type's own schema accepts (so an import
 * can never store what the write path would refuse). Values the type holds survive toCsv → parseCsv.
 */
const pipelines = presetPipelines(0);
const ctx = { pipelines };

const fieldOf = (type: FieldType): Field => ({
  id: `f_${type}`,
  folderId: 'folder_fuzz',
  key: type,
  label: type,
  type,
  mandatory: false,
  hidden: false,
  order: 0,
  options: type === 'dropdown' || type === 'multiDropdown' ? [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Béta; x' }, { id: 'c', label: 'c' }] : undefined,
  settings: type === 'currency' ? { defaultCurrency: 'USD' } : {},
  createdAt: 0,
  updatedAt: 0,
});

/** Cells people really type, beside random text: numbers in both notations, dates, lists. */
const cellText = fc.oneof(
  { weight: 3, arbitrary: hostileText(60) },
  { weight: 2, arbitrary: fc.stringMatching(/^[-+]?[0-9 .,'\u00a0]{0,14}%?$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2})$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^([a-z]{1,9}:\s?[^;]{0,20};\s?){0,3}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[^|]{0,12}(\|[^|]{0,12}){0,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom('Sales / Won', 'pipeline_sales/won', 'won', 'yes', 'Sí', 'ALPHA; béta; x', '€1.234,56', '12 usd', '1e400', '-', '.') },
);

const spec = (type: FieldType) => FIELD_REGISTRY[type] as FieldTypeSpec<unknown>;

/**
 * Stored values that cannot mean anything to a person and that a CSV cannot carry: -0 (exported
 * as "0"), and parts that are only spaces, hold a line break or a list separator (';' between items, '|' between
 * address parts) or an unusable link id. The importer trims cells, so these come back different.
 */
function csvCarries(type: FieldType, value: unknown): boolean {
  const plain = (s: unknown) => typeof s === 'string' && s.trim() === s && s !== '' && !/[;|\u0000-\u001f]/.test(s);
  if (Object.is(value, -0) || (typeof value === 'object' && value !== null && Object.is((value as { amount?: number }).amount, -0))) return false;
  if (type === 'user') return plain(value);
  if (type === 'address' || type === 'socials') return Object.values(value as object).every(plain);
  if (type === 'link') return (value as string[]).every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
  return true;
}

describe('CSV cells through the field registry (fuzz)', () => {
  it('auto-numbers are never imported (their parseCsv is unused)', () => {
    expect(importableFields(FIELD_TYPES.map(fieldOf)).map((f) => f.type)).not.toContain('autoNumber');
  });

  it.each(FIELD_TYPES.filter((t) => t !== 'autoNumber'))('%s: parseCsv never throws; accepted values pass the value schema', (type) => {
    const field = fieldOf(type);
    const schema = spec(type).value(field, ctx);
    fc.assert(
      fc.property(cellText, (raw) => {
        const r = spec(type).parseCsv(raw, field, ctx);
        if (!r.ok) {
          expect(isIssueCode(r.error.code)).toBe(true);
          return;
        }
        if (r.value === undefined) return;
        const normalized = normalizeValue(field, r.value);
        expect(schema.safeParse(normalized).success, `${JSON.stringify(raw)} → ${JSON.stringify(r.value)}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  const writable = FIELD_TYPES.filter((t) => !FIELD_REGISTRY[t].computed);
  it.each(writable)('%s: a stored value survives toCsv → guardCell → unguardCell → parseCsv', (type) => {
    const field = fieldOf(type);
    const schema = spec(type).value(field, ctx);
    const stored = NEAR_VALUES[type](field, { pipelineId: pipelines[0]!.id, stageIds: pipelines[0]!.stages.map((s) => s.id) })
      .map((v) => (v === undefined ? v : normalizeValue(field, v)))
      .filter((v) => v !== undefined && schema.safeParse(v).success && !spec(type).isEmpty(v) && csvCarries(type, v));
    fc.assert(
      fc.property(stored, (value) => {
        const cell = unguardCell(guardCell(spec(type).toCsv(value, field)));
        const back = spec(type).parseCsv(cell, field, ctx);
        expect(back, `${JSON.stringify(value)} → ${JSON.stringify(cell)}`).toEqual({ ok: true, value });
      }),
      { numRuns: 200 },
    );
  });

  it('guardCell/unguardCell: every text survives, and no guarded cell starts a spreadsheet formula', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(40), fc.stringMatching(/^['=+\-@\t\r]{1,3}.{0,10}$/)), (text) => {
        const guarded = guardCell(text);
        expect(unguardCell(guarded)).toBe(text);
        if (/^[=+\-@\t\r]/.test(guarded)) expect(guarded).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
      }),
      { numRuns: 2_000 },
    );
  });
});
