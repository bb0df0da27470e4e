import { useState } from 'react';
import { t } from '../../i18n';
import { LineCurrencyError } from '../../storage/lines/amounts';
import { recordLines } from '../../storage/lines/recordLines';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { describeError } from '../errors';
import type { LineActions } from './actions';
import { computedLabel, totalsWithRefusals } from './dealMoney';
import { LineRow } from './LineRow';
import { formatMoney } from './money';
import { ProductPicker } from './ProductPicker';
import './lines.css';

type Props = { deal: CrmRecord; fields: readonly Field[]; canWrite: boolean; actions: LineActions };

/** A refusal in the page's language: another currency says which two, the rest as every write error does. */
function refusal(e: unknown): string {
  if (e instanceof LineCurrencyError) return t('lines.otherCurrency', { lineCurrency: e.lineCurrency, dealCurrency: e.dealCurrency });
  return t('lines.notSaved', { reason: describeError(e).join(' ') });
}

/** The deal's products: a line per product, edited in place, the totals under them and the add box. */
export function LineItemsEditor({ deal, fields, canWrite, actions }: Props) {
  const lines = recordLines(deal);
  const { totals, refused } = totalsWithRefusals(deal, lines, fields);
  const [addError, setAddError] = useState<string>();
  const add = (product: Parameters<LineActions['add']>[0]) =>
    void Promise.resolve(actions.add(product)).then(() => setAddError(undefined), (e: unknown) => setAddError(refusal(e)));
  return (
    <section className="tl-lines" aria-label={t('lines.title')}>
      <h3 className="tl-section">{t('lines.title')}</h3>
      {lines.length === 0 ? (
        <p className="tl-empty">{t('lines.empty')}</p>
      ) : (
        <div className="tl-lines-scroll">
          <table className="tl-lines-table">
            <caption className="tl-visually-hidden">{t('lines.table', { deal: deal.title || t('common.untitled') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lines.col.product')}</th>
                <th scope="col">{t('lines.col.quantity')}</th>
                <th scope="col">{t('lines.col.unitPrice')}</th>
                <th scope="col">{t('lines.col.discount')}</th>
                <th scope="col">{t('lines.col.tax')}</th>
                <th scope="col" className="tl-num">{t('lines.col.subtotal')}</th>
                <th scope="col"><span className="tl-visually-hidden">{t('lines.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <LineRow key={line.id} line={line} problem={refused.get(line.id)} canWrite={canWrite}
                  onUpdate={(patch) => actions.update(line.id, patch)} onRemove={() => actions.remove(line.id)} />
              ))}
            </tbody>
            {totals && (
              <tfoot aria-label={t('lines.totals')}>
                <TotalRow label={t('lines.net')} value={formatMoney(totals.net, totals.currency)} />
                <TotalRow label={t('lines.tax')} value={formatMoney(totals.tax, totals.currency)} />
                <TotalRow label={t('lines.total')} value={formatMoney(totals.gross, totals.currency)} strong />
              </tfoot>
            )}
          </table>
        </div>
      )}
      {lines.length > 0 && <p className="tl-lines-computed">{computedLabel(lines.length)}</p>}
      {addError && <p role="alert" className="tl-error">{addError}</p>}
      <ProductPicker disabled={!canWrite} onPick={add} />
    </section>
  );
}

function TotalRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <tr className={strong ? 'tl-lines-total tl-strong' : 'tl-lines-total'}>
      <th scope="row" colSpan={5}>{label}</th>
      <td className="tl-num">{value}</td>
      <td />
    </tr>
  );
}
