import type { CrmRecord } from '../../storage/model/entities';

/** The record form's identity on a deal with lines: every value but the amount its lines compute. */
export const formKey = (deal: CrmRecord, amountFieldId: string) =>
  JSON.stringify(Object.entries(deal.values).filter(([id]) => id !== amountFieldId).sort(([a], [b]) => (a < b ? -1 : 1)));
