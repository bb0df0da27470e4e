import { t } from '../../i18n';
import { recordLines } from '../../storage/lines/recordLines';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { totalsWithRefusals } from './dealMoney';
import { formatMoney, formatQuantity } from './money';
import './lines.css';

/** Lines listed on the card before "+N more". */
const FIRST = 3;

/**
 * A deal's products on the sidebar card: "2 products · 12.400,00 €" and the first lines, with a
 * link that opens the deal's page to change them. Light on purpose: the card renders beside
 * every thread, and the editor (pickers, tables) belongs to the record page.
 */
export function LineSummary({ deal, fields, canWrite, onOpen }: { deal: CrmRecord; fields: readonly Field[]; canWrite: boolean; onOpen: () => void }) {
  const lines = recordLines(deal);
  const action = lines.length ? t('lines.editProducts') : t('lines.addOnPage');
  const link = canWrite && (
    <button type="button" className="tl-link" onClick={onOpen}>{action}</button>
  );
  if (!lines.length) return <div className="tl-line-summary">{link}</div>;
  const { totals } = totalsWithRefusals(deal, lines, fields);
  const amount = totals ? formatMoney(totals.net, totals.currency) : '—';
  return (
    <div className="tl-line-summary" role="group" aria-label={t('lines.title')}>
      <span className="tl-line-summary-head">{lines.length === 1 ? t('lines.summaryOne', { amount }) : t('lines.summaryMany', { count: lines.length, amount })}</span>
      <ul>
        {lines.slice(0, FIRST).map((l) => (
          <li key={l.id} dir="auto">{t('lines.lineSummary', { quantity: formatQuantity(l.quantity), name: l.name })}</li>
        ))}
        {lines.length > FIRST && <li>{t('lines.moreLines', { count: lines.length - FIRST })}</li>}
      </ul>
      {link}
    </div>
  );
}
