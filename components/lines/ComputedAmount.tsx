import { t } from '../../i18n';
import { recordLines } from '../../storage/lines/recordLines';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { computedLabel, totalsWithRefusals } from './dealMoney';
import { formatMoney } from './money';
import './lines.css';

/**
 * The deal's amount while it has lines: read-only, with where it comes from. The record form
 * leaves the amount out then (RecordPage), so a typed amount is never sent.
 */
export function ComputedAmount({ deal, field, fields }: { deal: CrmRecord; field: Field; fields: readonly Field[] }) {
  const lines = recordLines(deal);
  const { totals } = totalsWithRefusals(deal, lines, fields);
  if (!lines.length) return null;
  const id = `computed-amount-${deal.id}`;
  return (
    <div className="tl-field tl-computed-amount" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-note`}>
      <span id={`${id}-label`} className="tl-computed-amount-label">{field.label}</span>
      <output className="tl-computed-amount-value">{totals ? formatMoney(totals.net, totals.currency) : '—'}</output>
      <span id={`${id}-note`} className="tl-hint">{computedLabel(lines.length)} · {t('lines.amountReadOnly')}</span>
    </div>
  );
}
