import { addMoney, roundMoney } from './money';
import { inPeriodMs } from './period';
import type { ContactFact, DealFact, Money, ReportData, ReportFilters } from './types';

export type ImpactRow = {
  /** Source option id or folded campaign name; '' for contacts without one. */
  key: string;
  label: string;
  contacts: number;
  contactIds: string[];
  /** Deals whose main contact is one of these contacts. */
  deals: number;
  dealIds: string[];
  won: number;
  wonIds: string[];
  amountWon: Money;
};

export type CampaignImpact = { bySource: ImpactRow[]; byCampaign: ImpactRow[] };

const fold = (s: string) => s.trim().toLocaleLowerCase();

function impact(
  contacts: readonly ContactFact[],
  dealsByContact: ReadonlyMap<string, DealFact[]>,
  keyOf: (c: ContactFact) => string,
  labelOf: (c: ContactFact, key: string) => string,
): ImpactRow[] {
  const rows = new Map<string, ImpactRow>();
  for (const c of contacts) {
    const key = keyOf(c);
    const row = rows.get(key) ?? { key, label: labelOf(c, key), contacts: 0, contactIds: [], deals: 0, dealIds: [], won: 0, wonIds: [], amountWon: {} as Money };
    row.contacts += 1;
    row.contactIds.push(c.id);
    for (const d of dealsByContact.get(c.id) ?? []) {
      row.deals += 1;
      row.dealIds.push(d.id);
      if (d.outcome === 'won') {
        row.won += 1;
        row.wonIds.push(d.id);
        addMoney(row.amountWon, d.amount);
      }
    }
    rows.set(key, row);
  }
  // Contacts without a source or campaign go last; the others by how many contacts they brought.
  return [...rows.values()]
    .map((r) => ({ ...r, amountWon: roundMoney(r.amountWon) }))
    .sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.contacts - a.contacts || a.label.localeCompare(b.label));
}

/**
 * What each source and each campaign brought: the contacts created in the period with that source
 * or campaign (owner filter: the contact's owner), the deals whose main contact they are (whenever
 * opened; pipeline filter applies), and what those deals won. Campaign names are grouped
 * ignoring case and surrounding spaces, shown as first written.
 */
export function campaignImpact(data: ReportData, filters: ReportFilters): CampaignImpact {
  const contacts = data.contacts.filter(
    (c) => (filters.owner === undefined || c.owner === filters.owner) && inPeriodMs(c.createdAt, filters.period),
  );
  const dealsByContact = new Map<string, DealFact[]>();
  for (const d of data.deals) {
    if (!d.mainContactId || (filters.pipelineId !== undefined && d.pipelineId !== filters.pipelineId)) continue;
    dealsByContact.set(d.mainContactId, [...(dealsByContact.get(d.mainContactId) ?? []), d]);
  }
  const sourceLabel = (key: string) => data.sources.find((o) => o.id === key)?.label ?? key;
  return {
    bySource: impact(contacts, dealsByContact, (c) => c.source ?? '', (_c, k) => sourceLabel(k)),
    byCampaign: impact(contacts, dealsByContact, (c) => (c.campaign ? fold(c.campaign) : ''), (c) => c.campaign?.trim() ?? ''),
  };
}
