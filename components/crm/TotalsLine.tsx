import type { Field } from '../../storage/model/field';
import { formatValue, type FormatContext } from '../../storage/model/fieldRegistry';
import { t } from '../../i18n';
import type { Totals } from './boardModel';
import { numberFormat } from '../../storage/model/intl';

/** "3 · €12,000 · weighted €4,500", one amount per currency, formatted by the amount field's type. */
export function TotalsLine({ totals, amountField, ctx }: { totals: Totals; amountField: Field | undefined; ctx: FormatContext }) {
  const money = (amount: number, currency: string) =>
    currency && amountField ? formatValue(amountField, { amount, currency }, ctx) : numberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(amount);
  return (
    <div className="tl-board-totals">
      <span>{t('views.board.count', { count: numberFormat(ctx.locale, {}).format(totals.count) })}</span>
      {totals.byCurrency.map((s) => (
        <span key={s.currency}>
          {' · '}{t('views.board.total', { amount: money(s.amount, s.currency) })}
          {' · '}{t('views.board.weighted', { amount: money(s.weighted, s.currency) })}
        </span>
      ))}
    </div>
  );
}
