import type { Folder, RecordValues } from '../model/entities';
import type { Field } from '../model/field';
import type { Currency } from '../model/fieldValues';
import { dealAmount, LineCurrencyError } from './amounts';
import { orderedLines, type DealLines, type LineItem } from './line';

/** The deals folder's amount field: the currency field keyed `amount` (fd_amount in the presets). */
export function amountField(fields: readonly Field[]): Field | undefined {
  return fields.find((f) => f.key === 'amount' && f.type === 'currency');
}

/**
 * The deal's currency: its lines' when they agree (a teammate who typed an amount in another
 * currency before seeing them does not turn their sum into a refusal), else its amount's, else the
 * amount field's default.
 */
export function dealCurrency(fields: readonly Field[], values: RecordValues, lines?: DealLines): string | undefined {
  return currencyOfLines(fields, values, orderedLines(lines));
}

/** `dealCurrency` over lines already read (a page's validated, ordered copy). */
export function currencyOfLines(fields: readonly Field[], values: RecordValues, ordered: readonly LineItem[]): string | undefined {
  if (ordered.length && ordered.every((l) => l.unitPrice.currency === ordered[0]!.unitPrice.currency)) return ordered[0]!.unitPrice.currency;
  const field = amountField(fields);
  const amount = field ? (values[field.id] as Currency | undefined) : undefined;
  if (amount?.currency) return amount.currency;
  const setting = field?.settings.defaultCurrency;
  if (typeof setting === 'string') return setting;
  return undefined;
}

export const hasLines = (lines: DealLines | undefined): lines is DealLines => !!lines && Object.keys(lines).length > 0;

/**
 * A deal's values with its amount made the sum of its lines: called for every stored record
 * (storage/db/recordIndex.ts), so a local edit, a remote merge of two devices' lines and a restore
 * all store the same amount for the same lines. A deal without lines keeps its typed amount. Lines
 * in several currencies cannot be summed: the write API refuses a line in another currency than
 * the deal's, and a merged copy that still mixes them (two devices at once) keeps the stored
 * amount instead of failing sync.
 */
export function valuesWithLineAmount(folder: Pick<Folder, 'kind'> | undefined, fields: readonly Field[], values: RecordValues, lines: DealLines | undefined): RecordValues {
  if (folder?.kind !== 'deals' || !hasLines(lines)) return values;
  const field = amountField(fields);
  if (!field) return values;
  try {
    const amount = dealAmount(orderedLines(lines), dealCurrency(fields, values, lines));
    if (!amount) return values;
    const current = values[field.id] as Currency | undefined;
    if (current && current.amount === amount.amount && current.currency === amount.currency) return values;
    return { ...values, [field.id]: amount };
  } catch (e) {
    if (e instanceof LineCurrencyError) return values;
    throw e;
  }
}
