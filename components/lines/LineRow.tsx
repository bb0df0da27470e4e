import { useState } from 'react';
import { t } from '../../i18n';
import { lineTotals } from '../../storage/lines/amounts';
import type { LineItem } from '../../storage/lines/line';
import { describeError } from '../errors';
import { Icon } from '../icons/icons';
import type { LinePatch } from './actions';
import { formatMoney } from './money';
import { NumberCell } from './NumberCell';

type Props = {
  line: LineItem;
  /** A message that belongs to this line from outside (another currency than the deal's). */
  problem?: string;
  canWrite: boolean;
  onUpdate: (patch: LinePatch) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
};

const positive = (n: number | undefined) => (n === undefined || !(n > 0) ? t('lines.badQuantity') : undefined);
const price = (n: number | undefined) => (n === undefined || !(n >= 0) ? t('lines.badPrice') : undefined);
const percent = (n: number | undefined) => (n !== undefined && !(n >= 0 && n <= 100) ? t('lines.badPercent') : undefined);

/** One line of the deal: its numbers edit in place; a refusal stays beside it and keeps what was typed. */
export function LineRow({ line, problem, canWrite, onUpdate, onRemove }: Props) {
  const [error, setError] = useState<string>();
  const name = line.name;
  const errorId = `line-error-${line.id}`;
  const save = (patch: LinePatch) =>
    Promise.resolve(onUpdate(patch)).then(
      () => setError(undefined),
      (e: unknown) => {
        setError(t('lines.notSaved', { reason: describeError(e).join(' ') }));
        throw e;
      },
    );
  const discount = line.discount;
  // The kind picked before any discount is typed is this row's until the value is saved with it.
  const [pickedKind, setPickedKind] = useState<'percent' | 'amount'>('percent');
  const kind = discount?.kind ?? pickedKind;
  const discountCheck = (n: number | undefined) => (kind === 'percent' ? percent(n) : n !== undefined && !(n >= 0) ? t('lines.badDiscount') : undefined);
  const totals = lineTotals(line);
  const shownError = error ?? problem;
  return (
    <>
      <tr className={shownError ? 'tl-line tl-line-refused' : 'tl-line'} aria-describedby={shownError ? errorId : undefined}>
        <th scope="row" className="tl-line-product">
          <bdi>{name}</bdi>
          {line.sku && <span className="tl-line-sku" dir="auto">{line.sku}</span>}
        </th>
        <td>
          <NumberCell value={line.quantity} label={t('lines.quantityOf', { name })} check={positive} disabled={!canWrite}
            onCommit={(n) => save({ quantity: n! })} onError={setError} />
        </td>
        <td>
          <span className="tl-line-money">
            <NumberCell value={line.unitPrice.amount} label={t('lines.unitPriceOf', { name })} check={price} disabled={!canWrite}
              onCommit={(n) => save({ unitPrice: { amount: n!, currency: line.unitPrice.currency } })} onError={setError} />
            <span className="tl-line-currency">{line.unitPrice.currency}</span>
          </span>
        </td>
        <td>
          <span className="tl-line-money">
            <NumberCell value={discount?.value} label={t('lines.discountOf', { name })} check={discountCheck} disabled={!canWrite} optional
              onCommit={(n) => save({ discount: n === undefined || n === 0 ? null : { kind, value: n } })} onError={setError} />
            <select aria-label={t('lines.discountKindOf', { name })} value={kind} disabled={!canWrite}
              onChange={(e) => {
                const next = e.target.value === 'amount' ? 'amount' : 'percent';
                setPickedKind(next);
                if (discount) void save({ discount: { kind: next, value: discount.value } }).catch(() => undefined);
              }}>
              <option value="percent">{t('lines.discountPercent')}</option>
              <option value="amount">{t('lines.discountAmount')}</option>
            </select>
          </span>
        </td>
        <td>
          <NumberCell value={line.taxRate} label={t('lines.taxOf', { name })} check={percent} disabled={!canWrite} optional
            onCommit={(n) => save({ taxRate: n ?? null })} onError={setError} />
        </td>
        <td className="tl-line-subtotal">{formatMoney(totals.net, totals.currency)}</td>
        <td>
          {canWrite && (
            <button type="button" className="tl-icon-button" aria-label={t('lines.remove', { name })}
              onClick={() => void Promise.resolve(onRemove()).catch((e: unknown) => setError(t('lines.notSaved', { reason: describeError(e).join(' ') })))}>
              <Icon name="remove" size={14} />
            </button>
          )}
        </td>
      </tr>
      {shownError && (
        <tr className="tl-line-error-row">
          <td colSpan={7}>
            <span id={errorId} role="alert" className="tl-error"><Icon name="warning" size={14} /> {shownError}</span>
          </td>
        </tr>
      )}
    </>
  );
}
