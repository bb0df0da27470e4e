import { useState } from 'react';
import type { CsvPreview } from '../../storage/csv/parse';
import type { ColumnMapping } from '../../storage/csv/mapping';
import { decideDateOrder, decideDecimal, type CellReading } from '../../storage/csv/reading';
import { unknownOptions } from '../../storage/csv/newOptions';
import type { FolderSchema } from '../../storage/folders/schema';
import { formatLocale } from '../../i18n';

type Choice = Partial<Pick<CellReading, 'dateOrder' | 'decimal' | 'unknownOptions'>>;

/**
 * How the picked file's cells will be read: what the file and the UI language decide, overridden
 * by what the person chose for this file (`key` changes with the file and folder, dropping them).
 */
export function useImportReading(preview: CsvPreview | undefined, schema: FolderSchema | undefined, mapping: ColumnMapping, key: string) {
  const [chosen, setChosen] = useState<{ key: string; choice: Choice }>();
  const locale = formatLocale();
  const fields = schema?.fields ?? [];
  const values = preview?.values ?? [];
  const decided = {
    dateOrder: decideDateOrder(values, mapping, fields, locale),
    decimal: decideDecimal(values, mapping, fields, locale, preview?.delimiter ?? ','),
  };
  const choice = chosen?.key === key ? chosen.choice : {};
  const reading: CellReading = {
    ...(preview?.decoded ? { encoding: preview.decoded.encoding } : {}),
    dateOrder: choice.dateOrder ?? decided.dateOrder.value,
    decimal: choice.decimal ?? decided.decimal.value,
    unknownOptions: choice.unknownOptions ?? 'add',
  };
  const mapped = (types: readonly string[]) => mapping.some((target) => fields.some((f) => f.id === target && types.includes(f.type)));
  return {
    reading,
    decided,
    unknown: schema && preview ? unknownOptions(schema, mapping, values, preview.truncated) : [],
    usesDates: mapped(['date']),
    usesNumbers: mapped(['number', 'currency', 'percent']),
    setReading: (next: CellReading) => setChosen({ key, choice: { dateOrder: next.dateOrder, decimal: next.decimal, unknownOptions: next.unknownOptions } }),
  };
}
