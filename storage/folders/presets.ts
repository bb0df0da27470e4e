import type { Folder, Pipeline, View } from '../model/entities';
import type { Field, FieldType, DropdownOption } from '../model/field';

/**
 * What a new workspace starts with. Ids are fixed so that every device creates the same presets
 * and they merge instead of duplicating when a local workspace later joins a shared one.
 */
export const PRESET_FOLDER_IDS = { contacts: 'folder_contacts', companies: 'folder_companies', deals: 'folder_deals' } as const;
export const DEFAULT_PIPELINE_ID = 'pipeline_sales';

const opts = (...labels: [id: string, label: string, color?: string][]): DropdownOption[] =>
  labels.map(([id, label, color]) => (color ? { id, label, color } : { id, label }));

export const LIFECYCLE_STAGES = opts(
  ['subscriber', 'Subscriber', '#9e9e9e'],
  ['lead', 'Lead', '#42a5f5'],
  ['qualifiedLead', 'Qualified lead', '#26c6da'],
  ['opportunity', 'Opportunity', '#ffa726'],
  ['customer', 'Customer', '#66bb6a'],
  ['evangelist', 'Evangelist', '#ab47bc'],
);
export const LEAD_STATUSES = opts(
  ['new', 'New'],
  ['open', 'Open'],
  ['inProgress', 'In progress'],
  ['openDeal', 'Open deal'],
  ['unqualified', 'Unqualified'],
);
const SOURCES = opts(
  ['tradeFair', 'Trade fair'],
  ['webForm', 'Web form'],
  ['referral', 'Referral'],
  ['coldOutreach', 'Cold outreach'],
  ['advertising', 'Advertising'],
  ['event', 'Event'],
  ['other', 'Other'],
);

type FieldSeed = [key: string, label: string, type: FieldType, extra?: Partial<Field>];

function seedFields(folderId: string, prefix: string, seeds: FieldSeed[], now: number): Field[] {
  return seeds.map(([key, label, type, extra], order) => ({
    id: `${prefix}_${key}`,
    folderId,
    key,
    label,
    type,
    mandatory: false,
    hidden: false,
    order,
    settings: {},
    createdAt: now,
    updatedAt: now,
    ...extra,
  }));
}

const stat = (statistic: NonNullable<Field['settings']['statistic']>): Partial<Field> => ({ settings: { statistic } });
const linkTo = (targetFolderId: string): Partial<Field> => ({ settings: { targetFolderId } });

export function presetFields(now: number): Field[] {
  const { contacts, companies, deals } = PRESET_FOLDER_IDS;
  return [
    ...seedFields(contacts, 'fc', [
      ['firstName', 'First name', 'text', { mandatory: true }],
      ['lastName', 'Last name', 'text'],
      ['emails', 'Emails', 'email'],
      ['phones', 'Phones', 'phone'],
      ['company', 'Company', 'link', linkTo(companies)],
      ['position', 'Position', 'text'],
      ['socials', 'Socials', 'socials'],
      ['birthday', 'Birthday', 'date'],
      ['lifecycleStage', 'Lifecycle stage', 'dropdown', { options: LIFECYCLE_STAGES }],
      ['leadStatus', 'Lead status', 'dropdown', { options: LEAD_STATUSES }],
      ['source', 'Source', 'dropdown', { options: SOURCES }],
      ['campaign', 'Campaign', 'text'],
      ['owner', 'Owner', 'user'],
      ['createdAt', 'Created at', 'statistic', stat('createdAt')],
      ['lastEmailReceived', 'Last email received', 'statistic', stat('lastEmailReceived')],
      ['emailThreadCount', 'Email threads', 'statistic', stat('emailThreadCount')],
      ['lastActivity', 'Last activity', 'statistic', stat('lastActivity')],
    ], now),
    ...seedFields(companies, 'fo', [
      ['name', 'Name', 'text', { mandatory: true }],
      ['domain', 'Domain', 'text'],
      ['industry', 'Industry', 'dropdown', {
        options: opts(['software', 'Software'], ['manufacturing', 'Manufacturing'], ['retail', 'Retail'],
          ['finance', 'Finance'], ['health', 'Health'], ['education', 'Education'], ['services', 'Services'], ['other', 'Other']),
      }],
      ['size', 'Size', 'dropdown', {
        options: opts(['s1', '1–10'], ['s2', '11–50'], ['s3', '51–200'], ['s4', '201–1000'], ['s5', '1000+']),
      }],
      ['phones', 'Phones', 'phone'],
      ['address', 'Address', 'address'],
      ['source', 'Source', 'dropdown', { options: SOURCES }],
      ['owner', 'Owner', 'user'],
      ['createdAt', 'Created at', 'statistic', stat('createdAt')],
      ['lastActivity', 'Last activity', 'statistic', stat('lastActivity')],
    ], now),
    ...seedFields(deals, 'fd', [
      ['name', 'Name', 'text', { mandatory: true }],
      ['stage', 'Stage', 'stage', { mandatory: true }],
      ['amount', 'Amount', 'currency', { settings: { defaultCurrency: 'EUR' } }],
      ['probability', 'Probability', 'percent'],
      ['weightedAmount', 'Weighted amount', 'formula', { settings: { expression: 'amount * probability' } }],
      ['priority', 'Priority', 'dropdown', {
        options: opts(['low', 'Low', '#9e9e9e'], ['medium', 'Medium', '#ffa726'], ['high', 'High', '#ef5350']),
      }],
      ['mainContact', 'Main contact', 'link', linkTo(contacts)],
      ['company', 'Company', 'link', linkTo(companies)],
      ['owner', 'Owner', 'user'],
      ['startDate', 'Start date', 'date'],
      ['expectedClose', 'Expected close date', 'date'],
      ['product', 'Product', 'text'],
      ['source', 'Source', 'dropdown', { options: SOURCES }],
      ['campaign', 'Campaign', 'text'],
      ['createdAt', 'Created at', 'statistic', stat('createdAt')],
      ['lastActivity', 'Last activity', 'statistic', stat('lastActivity')],
    ], now),
  ];
}

export function presetFolders(now: number): Folder[] {
  const { contacts, companies, deals } = PRESET_FOLDER_IDS;
  const folder = (id: string, name: string, icon: string, kind: Folder['kind'], titleFieldIds: string[], order: number): Folder =>
    ({ id, name, icon, kind, titleFieldIds, order, createdAt: now, updatedAt: now });
  return [
    folder(contacts, 'Contacts', '👤', 'contacts', ['fc_firstName', 'fc_lastName'], 0),
    folder(companies, 'Companies', '🏢', 'companies', ['fo_name'], 1),
    folder(deals, 'Deals', '💼', 'deals', ['fd_name'], 2),
  ];
}

export function presetPipelines(now: number): Pipeline[] {
  const stage = (id: string, name: string, probability: number, color: string, outcome: 'open' | 'won' | 'lost' = 'open') =>
    ({ id, name, probability, color, outcome });
  return [
    {
      id: DEFAULT_PIPELINE_ID,
      name: 'Sales',
      order: 0,
      createdAt: now,
      updatedAt: now,
      stages: [
        stage('new', 'New', 10, '#90caf9'),
        stage('qualified', 'Qualified', 25, '#4fc3f7'),
        stage('proposal', 'Proposal', 50, '#ffb74d'),
        stage('negotiation', 'Negotiation', 75, '#ff8a65'),
        stage('won', 'Won', 100, '#66bb6a', 'won'),
        stage('lost', 'Lost', 0, '#e57373', 'lost'),
      ],
    },
  ];
}

export function presetViews(now: number): View[] {
  const { contacts, companies, deals } = PRESET_FOLDER_IDS;
  const view = (id: string, folderId: string, name: string, columns: string[], extra: Partial<View> = {}): View => ({
    id, folderId, name, layout: 'list', columns, sort: [], filters: [], order: 0, createdAt: now, updatedAt: now, ...extra,
  });
  return [
    view('view_contacts_all', contacts, 'All contacts', ['fc_firstName', 'fc_lastName', 'fc_emails', 'fc_company', 'fc_lifecycleStage']),
    view('view_companies_all', companies, 'All companies', ['fo_name', 'fo_domain', 'fo_industry']),
    view('view_deals_all', deals, 'All deals', ['fd_name', 'fd_stage', 'fd_amount', 'fd_expectedClose']),
    view('view_deals_board', deals, 'Pipeline', ['fd_name', 'fd_amount'], { layout: 'board', boardFieldId: 'fd_stage', order: 1 }),
    // Relative operators (thisWeek, thisMonth, notInLastDays) store no date, so these stay right over time.
    view('view_contacts_leads_week', contacts, 'Leads created this week', ['fc_firstName', 'fc_lastName', 'fc_emails', 'fc_company', 'fc_leadStatus', 'fc_createdAt'], {
      filters: [{ fieldId: 'fc_lifecycleStage', op: 'is', value: 'lead' }, { fieldId: 'fc_createdAt', op: 'thisWeek', value: null }],
      sort: [{ fieldId: 'fc_createdAt', direction: 'desc' }], order: 1,
    }),
    view('view_deals_closing_month', deals, 'Deals closing this month', ['fd_name', 'fd_stage', 'fd_amount', 'fd_expectedClose', 'fd_owner'], {
      filters: [{ fieldId: 'fd_expectedClose', op: 'thisMonth', value: null }, { fieldId: 'fd_stage', op: 'isOpen', value: null }],
      sort: [{ fieldId: 'fd_expectedClose', direction: 'asc' }], order: 2,
    }),
    view('view_deals_inactive', deals, 'Inactive deals (no activity 30 days)', ['fd_name', 'fd_stage', 'fd_amount', 'fd_owner', 'fd_lastActivity'], {
      filters: [
        { fieldId: 'fd_stage', op: 'isOpen', value: null },
        { fieldId: 'fd_lastActivity', op: 'notInLastDays', value: 30 },
        { fieldId: 'fd_createdAt', op: 'olderThanDays', value: 30 },
      ],
      sort: [{ fieldId: 'fd_lastActivity', direction: 'asc' }], order: 3,
    }),
  ];
}
