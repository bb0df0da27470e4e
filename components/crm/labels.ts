import { en } from '../../i18n/en';
import { t, type PlainKey } from '../../i18n';
import { numberFormat } from '../../storage/model/intl';

/** Operator names in the UI language; an operator without a string shows its id rather than failing. */
export function opLabel(op: string): string {
  const key = `views.op.${op}`;
  return key in en ? t(key as PlainKey) : op;
}

export function statisticLabel(statistic: string): string {
  const key = `views.stat.${statistic}`;
  return key in en ? t(key as PlainKey) : statistic;
}

export function outcomeLabel(outcome: string): string {
  const key = `views.outcome.${outcome}`;
  return key in en ? t(key as PlainKey) : outcome;
}

/** "1 record" / "5 records" in the UI language. */
export function countRecords(n: number): string {
  return n === 1 ? t('views.recordsOne') : t('views.records', { count: numberFormat(undefined).format(n) });
}
