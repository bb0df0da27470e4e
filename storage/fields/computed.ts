import type { CrmRecord } from '../model/entities';
import type { Field } from '../model/field';
import { numericValue } from '../model/fieldRegistry';
import { evaluateFormula, parseFormula, FormulaError, type Expr } from '../model/formula';

const parsed = new Map<string, Expr | FormulaError>();

function compiled(expression: string): Expr | FormulaError {
  let hit = parsed.get(expression);
  if (!hit) {
    try {
      hit = parseFormula(expression);
    } catch (e) {
      // parseFormula throws nothing else (tests/unit/fuzz/formula.test.ts); anything else is a bug to surface.
      if (!(e instanceof FormulaError)) throw e;
      hit = e;
    }
    parsed.set(expression, hit);
  }
  return hit;
}

function statisticValue(field: Field, record: CrmRecord): number | undefined {
  switch (field.settings.statistic) {
    case 'createdAt':
      return record.createdAt;
    case 'lastActivity':
      return record.stats.lastActivityAt;
    case 'lastEmailReceived':
      return record.stats.lastEmailReceivedAt;
    case 'emailThreadCount':
      return record.stats.emailThreadIds?.length ?? 0;
    default:
      return undefined;
  }
}

/** The value a field shows for a record: stored, or computed for formula and statistic fields. */
export function fieldValue(record: CrmRecord, field: Field, folderFields: readonly Field[]): unknown {
  if (field.type === 'statistic') return statisticValue(field, record);
  if (field.type !== 'formula') return record.values[field.id];
  const expr = compiled(field.settings.expression ?? '');
  if (expr instanceof FormulaError) return undefined;
  return evaluateFormula(expr, (key) => {
    const input = folderFields.find((f) => f.key === key);
    return input ? numericValue(input, record.values[input.id]) : undefined;
  });
}

export function formulaError(field: Field): string | undefined {
  const expr = compiled(field.settings.expression ?? '');
  return expr instanceof FormulaError ? expr.message : undefined;
}
