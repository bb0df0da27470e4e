import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../i18n';
import { readPurchaseHistory, type PurchaseHistory as History } from '../../storage/lines/purchases';
import { formatDay } from '../format';
import { routeHref } from '../shell/router';
import { useDb } from '../shell/DbProvider';
import { formatMoney, formatQuantity } from './money';
import './lines.css';

/** The most lines listed; the totals always count every line. */
const SHOWN = 50;

/** What a contact or company bought: its won deals' lines, newest first, and totals per product and per year. */
export function PurchaseHistory({ recordId }: { recordId: string }) {
  const db = useDb();
  const history = useLiveQuery(() => readPurchaseHistory(db, recordId), [db, recordId]);
  return (
    <section className="tl-purchases" aria-label={t('purchases.title')}>
      <h3 className="tl-section">{t('purchases.title')}</h3>
      {!history ? <p aria-busy="true">{t('common.loading')}</p> : history.lines.length === 0 ? <p className="tl-empty">{t('purchases.empty')}</p> : <Bought history={history} />}
    </section>
  );
}

function Bought({ history }: { history: History }) {
  const shown = history.lines.slice(0, SHOWN);
  return (
    <>
      <div className="tl-purchases-scroll">
      <table className="tl-purchases-table">
        <caption className="tl-visually-hidden">{t('purchases.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('purchases.col.date')}</th>
            <th scope="col">{t('purchases.col.product')}</th>
            <th scope="col" className="tl-num">{t('purchases.col.quantity')}</th>
            <th scope="col" className="tl-num">{t('purchases.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l) => (
            <tr key={`${l.dealId}/${l.lineId}`}>
              <td>{formatDay(l.wonAt)}</td>
              <th scope="row">
                <bdi>{l.name}</bdi>
                {/* The deal under its product: the side column has no room for a column of its own. */}
                <span className="tl-purchase-deal">
                  <span className="tl-visually-hidden">{t('purchases.col.deal')}: </span>
                  <a href={routeHref({ page: 'record', recordId: l.dealId })} dir="auto">{l.dealTitle || t('common.untitled')}</a>
                </span>
              </th>
              <td className="tl-num">{formatQuantity(l.quantity)}</td>
              <td className="tl-num">{formatMoney(l.net, l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {history.lines.length > SHOWN && <p className="tl-hint">{t('purchases.more', { count: history.lines.length - SHOWN })}</p>}
      <div className="tl-purchase-totals">
        <table className="tl-purchases-table">
          <caption><h4>{t('purchases.byProduct')}</h4></caption>
          <thead>
            <tr>
              <th scope="col">{t('purchases.col.product')}</th>
              <th scope="col" className="tl-num">{t('purchases.col.quantity')}</th>
              <th scope="col" className="tl-num">{t('purchases.col.total')}</th>
            </tr>
          </thead>
          <tbody>
            {history.byProduct.map((p) => (
              <tr key={`${p.productKey}/${p.currency}`}>
                <th scope="row"><bdi>{p.name}</bdi></th>
                <td className="tl-num">{formatQuantity(p.quantity)}</td>
                <td className="tl-num">{formatMoney(p.net, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="tl-purchases-table">
          <caption><h4>{t('purchases.byYear')}</h4></caption>
          <thead>
            <tr>
              <th scope="col">{t('purchases.col.year')}</th>
              <th scope="col" className="tl-num">{t('purchases.col.total')}</th>
            </tr>
          </thead>
          <tbody>
            {history.byYear.map((y) => (
              <tr key={`${y.year}/${y.currency}`}>
                <th scope="row">{y.year}</th>
                <td className="tl-num">{formatMoney(y.net, y.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
