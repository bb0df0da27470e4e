import type { Activity, Pipeline, Stage } from '../model/entities';
import type { DropdownOption } from '../model/field';
import type { Currency } from '../model/fieldValues';
import type { LineItem } from '../lines/line';

/** Inclusive calendar days (YYYY-MM-DD, UTC); a missing bound leaves that side open. */
export type Period = { from?: string; to?: string };

export type ReportFilters = {
  period: Period;
  /** The owner (user field value) of the deal, or of the contact for contact-based reports. */
  owner?: string;
  pipelineId?: string;
};

/** Amounts per currency: EUR and USD are never added together. */
export type Money = Record<string, number>;

/** What the reports need from a deal, read once from its record by field key. */
export type DealFact = {
  id: string;
  title: string;
  pipelineId?: string;
  stageId?: string;
  outcome?: Stage['outcome'];
  stageProbability?: number;
  /** The deal's own probability (0–100), when filled. */
  probability?: number;
  amount?: Currency;
  owner?: string;
  /** Start date at UTC midnight, or the record's creation time when the start date is empty. */
  startMs: number;
  expectedClose?: string;
  /** The first contact of the "Main contact" link. */
  mainContactId?: string;
  source?: string;
  campaign?: string;
  /** When the deal entered its current won/lost stage, from its stage-change history. */
  closedAt?: number;
  /** The "Lost reason" dropdown's option id, when filled. */
  lostReason?: string;
  /** The first record of the deal's link to a companies folder ("Company"), when filled. */
  companyId?: string;
  /** The deal's line items in display order; absent when it has none. */
  lines?: LineItem[];
};

export type ContactFact = {
  id: string;
  title: string;
  createdAt: number;
  owner?: string;
  source?: string;
  campaign?: string;
  lifecycleStage?: string;
  leadStatus?: string;
};

export type ReportData = {
  dealsFolderId?: string;
  contactsFolderId?: string;
  pipelines: Pipeline[];
  deals: DealFact[];
  contacts: ContactFact[];
  /** Activities in the period (for activity by rep). */
  activities: Activity[];
  /** Record id → owner, across every folder: an activity belongs to its records' owner. */
  ownerOf: ReadonlyMap<string, string>;
  lifecycleStages: DropdownOption[];
  sources: DropdownOption[];
  /** The deals' "Lost reason" options (an editable list), in their order. */
  lostReasons: DropdownOption[];
  /** Titles of the companies and contacts deals name (their customers), for top customers. */
  customerTitles?: ReadonlyMap<string, string>;
};

export const EMPTY_DATA: ReportData = {
  pipelines: [],
  deals: [],
  contacts: [],
  activities: [],
  ownerOf: new Map(),
  lifecycleStages: [],
  sources: [],
  lostReasons: [],
};
