import { describe, expect, it } from 'vitest';
import { lostByReason, winRates } from '../../storage/reports/winRate';
import type { DealFact } from '../../storage/reports/types';
import { fixtureData, YEAR_2026 } from '../fixtures/reports/workspace';

const year = { period: YEAR_2026 };
const lost = (id: string, lostReason?: string, amount?: number): DealFact => ({
  id, title: id, outcome: 'lost', startMs: 0, closedAt: 1, ...(lostReason ? { lostReason } : {}), ...(amount ? { amount: { amount, currency: 'EUR' } } : {}),
});
const OPTIONS = [{ id: 'price', label: 'Price' }, { id: 'competitor', label: 'Chose a competitor' }, { id: 'timing', label: 'Bad timing' }];

describe('win rate: lost deals by reason', () => {
  it('counts the period’s lost deals per reason, with their share and worth', () => {
    expect(winRates(fixtureData(), year).lostByReason).toEqual([
      { key: 'price', label: 'Price', lost: 1, share: 0.5, amount: { EUR: 500 }, recordIds: ['d2'] },
      { key: '', label: '', lost: 1, share: 0.5, amount: {}, recordIds: ['d10'] },
    ]);
  });

  it('orders reasons as the editable list does, then removed options, then deals without a reason', () => {
    const rows = lostByReason([lost('a'), lost('b', 'timing', 100), lost('c', 'price'), lost('d', 'gone'), lost('e', 'timing', 50), { ...lost('w'), outcome: 'won' }], OPTIONS);
    expect(rows.map((r) => [r.key, r.label, r.lost])).toEqual([['price', 'Price', 1], ['timing', 'Bad timing', 2], ['gone', 'gone', 1], ['', '', 1]]);
    expect(rows.find((r) => r.key === 'timing')).toMatchObject({ share: 0.4, amount: { EUR: 150 }, recordIds: ['b', 'e'] });
  });

  it('follows the report filters: another owner’s lost deals do not count', () => {
    expect(winRates(fixtureData(), { ...year, owner: 'ben' }).lostByReason).toEqual([]);
  });
});
