import type { Locale } from '../../i18n/locale';
import type { Folder, Pipeline, View } from '../model/entities';
import type { Field, FieldType, DropdownOption } from '../model/field';
import type { FolderIconName } from '../model/folderIcons';
import { PRESET_LABELS, presetLabels, type PresetLabels } from './presetLabels';

/**
 * What a new workspace starts with, named in the language it is created in (presetLabels/). Ids
 * are fixed and the same in every language, so that every device creates the same presets and
 * they merge instead of duplicating when a local workspace later joins a shared one. Names are
 * data: the user renames them like anything else.
 */
export const PRESET_FOLDER_IDS = { contacts: 'folder_contacts', companies: 'folder_companies', deals: 'folder_deals', products: 'folder_products' } as const;
export const DEFAULT_PIPELINE_ID = 'pipeline_sales';

type Options = PresetLabels['options'];
const COLORS: { [S in keyof Options]?: { [O in keyof Options[S]]?: string } } = {
  lifecycle: { subscriber: '#9e9e9e', lead: '#42a5f5', qualifiedLead: '#26c6da', opportunity: '#ffa726', customer: '#66bb6a', evangelist: '#ab47bc' },
  priority: { low: '#9e9e9e', medium: '#ffa726', high: '#ef5350' },
};

/** One option set in the table's order, each option keyed by its fixed id. */
function options<S extends keyof Options>(labels: PresetLabels, set: S): DropdownOption[] {
  const colors = (COLORS[set] ?? {}) as Record<string, string | undefined>;
  return Object.entries(labels.options[set] as Record<string, string>).map(([id, label]) => {
    const color = colors[id];
    return color ? { id, label, color } : { id, label };
  });
}

/** Company sizes read the same in every language. */
const SIZES: DropdownOption[] = [['s1', '1–10'], ['s2', '11–50'], ['s3', '51–200'], ['s4', '201–1000'], ['s5', '1000+']].map(([id, label]) => ({ id: id!, label: label! }));

/** The lifecycle stages, as a new workspace in `locale` names them. */
export const lifecycleStages = (locale: Locale = 'en') => options(presetLabels(locale), 'lifecycle');
export const leadStatuses = (locale: Locale = 'en') => options(presetLabels(locale), 'leadStatus');
export const LIFECYCLE_STAGES = lifecycleStages();
export const LEAD_STATUSES = leadStatuses();

type FieldSeed<K extends string> = [key: K, type: FieldType, extra?: Partial<Field>];

function seedFields<K extends string>(folderId: string, prefix: string, labels: Record<K, string>, seeds: FieldSeed<K>[], now: number): Field[] {
  return seeds.map(([key, type, extra], order) => ({
    id: `${prefix}_${key}`,
    folderId,
    key,
    label: labels[key],
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

/** The product catalogue (issue: products on deals): what deals' line items pick from. */
export function productFields(now: number, locale: Locale = 'en'): Field[] {
  const L = presetLabels(locale);
  return seedFields(PRESET_FOLDER_IDS.products, 'fp', L.fields.products, [
    ['name', 'text', { mandatory: true }],
    ['sku', 'text'],
    ['unitPrice', 'currency', { settings: { defaultCurrency: 'EUR' } }],
    ['taxRate', 'percent'],
    ['active', 'checkbox'],
    ['description', 'longText'],
    ['createdAt', 'statistic', stat('createdAt')],
  ], now);
}

export function presetFields(now: number, locale: Locale = 'en'): Field[] {
  const { contacts, companies, deals } = PRESET_FOLDER_IDS;
  const L = presetLabels(locale);
  const pick = (set: keyof Options): Partial<Field> => ({ options: options(L, set) });
  return [
    ...seedFields(contacts, 'fc', L.fields.contacts, [
      ['firstName', 'text', { mandatory: true }],
      ['lastName', 'text'],
      ['emails', 'email'],
      ['phones', 'phone'],
      ['company', 'link', linkTo(companies)],
      ['position', 'text'],
      ['socials', 'socials'],
      ['birthday', 'date'],
      ['lifecycleStage', 'dropdown', pick('lifecycle')],
      ['leadStatus', 'dropdown', pick('leadStatus')],
      ['source', 'dropdown', pick('source')],
      ['campaign', 'text'],
      ['owner', 'user'],
      ['createdAt', 'statistic', stat('createdAt')],
      ['lastEmailReceived', 'statistic', stat('lastEmailReceived')],
      ['emailThreadCount', 'statistic', stat('emailThreadCount')],
      ['lastActivity', 'statistic', stat('lastActivity')],
    ], now),
    ...seedFields(companies, 'fo', L.fields.companies, [
      ['name', 'text', { mandatory: true }],
      ['domain', 'text'],
      ['industry', 'dropdown', pick('industry')],
      ['size', 'dropdown', { options: SIZES }],
      ['phones', 'phone'],
      ['address', 'address'],
      ['source', 'dropdown', pick('source')],
      ['owner', 'user'],
      ['createdAt', 'statistic', stat('createdAt')],
      ['lastActivity', 'statistic', stat('lastActivity')],
    ], now),
    ...seedFields(deals, 'fd', L.fields.deals, [
      ['name', 'text', { mandatory: true }],
      ['stage', 'stage', { mandatory: true }],
      ['amount', 'currency', { settings: { defaultCurrency: 'EUR' } }],
      ['probability', 'percent'],
      ['weightedAmount', 'formula', { settings: { expression: 'amount * probability' } }],
      ['priority', 'dropdown', pick('priority')],
      ['mainContact', 'link', linkTo(contacts)],
      ['company', 'link', linkTo(companies)],
      ['owner', 'user'],
      ['startDate', 'date'],
      ['expectedClose', 'date'],
      ['product', 'text'],
      ['source', 'dropdown', pick('source')],
      ['campaign', 'text'],
      ['lostReason', 'dropdown', pick('lostReason')],
      ['createdAt', 'statistic', stat('createdAt')],
      ['lastActivity', 'statistic', stat('lastActivity')],
    ], now),
    ...productFields(now, locale),
  ];
}

export function presetFolders(now: number, locale: Locale = 'en'): Folder[] {
  const { contacts, companies, deals, products } = PRESET_FOLDER_IDS;
  const names = presetLabels(locale).folders;
  const folder = (id: string, name: string, icon: FolderIconName, kind: Folder['kind'], titleFieldIds: string[], order: number): Folder =>
    ({ id, name, icon, kind, titleFieldIds, order, createdAt: now, updatedAt: now });
  return [
    folder(contacts, names.contacts, 'user', 'contacts', ['fc_firstName', 'fc_lastName'], 0),
    folder(companies, names.companies, 'building', 'companies', ['fo_name'], 1),
    folder(deals, names.deals, 'briefcase', 'deals', ['fd_name'], 2),
    folder(products, names.products, 'package', 'products', ['fp_name'], 3),
  ];
}

export function presetPipelines(now: number, locale: Locale = 'en'): Pipeline[] {
  const L = presetLabels(locale);
  const stage = (id: keyof PresetLabels['stages'], probability: number, color: string, outcome: 'open' | 'won' | 'lost' = 'open') =>
    ({ id, name: L.stages[id], probability, color, outcome });
  return [
    {
      id: DEFAULT_PIPELINE_ID,
      name: L.pipelines.sales,
      order: 0,
      createdAt: now,
      updatedAt: now,
      stages: [
        stage('new', 10, '#90caf9'),
        stage('qualified', 25, '#4fc3f7'),
        stage('proposal', 50, '#ffb74d'),
        stage('negotiation', 75, '#ff8a65'),
        stage('won', 100, '#66bb6a', 'won'),
        stage('lost', 0, '#e57373', 'lost'),
      ],
    },
  ];
}

export function presetViews(now: number, locale: Locale = 'en'): View[] {
  const { contacts, companies, deals, products } = PRESET_FOLDER_IDS;
  const names = presetLabels(locale).views;
  const view = (id: string, folderId: string, name: string, columns: string[], extra: Partial<View> = {}): View => ({
    id, folderId, name, layout: 'list', columns, sort: [], filters: [], order: 0, createdAt: now, updatedAt: now, ...extra,
  });
  return [
    view('view_contacts_all', contacts, names.contactsAll, ['fc_firstName', 'fc_lastName', 'fc_emails', 'fc_company', 'fc_lifecycleStage']),
    view('view_companies_all', companies, names.companiesAll, ['fo_name', 'fo_domain', 'fo_industry']),
    view('view_deals_all', deals, names.dealsAll, ['fd_name', 'fd_stage', 'fd_amount', 'fd_expectedClose']),
    view('view_products_all', products, names.productsAll, ['fp_name', 'fp_sku', 'fp_unitPrice', 'fp_taxRate', 'fp_active']),
    view('view_deals_board', deals, names.dealsBoard, ['fd_name', 'fd_amount'], { layout: 'board', boardFieldId: 'fd_stage', order: 1 }),
    // Relative operators (thisWeek, thisMonth, notInLastDays) store no date, so these stay right over time.
    view('view_contacts_leads_week', contacts, names.contactsLeadsWeek, ['fc_firstName', 'fc_lastName', 'fc_emails', 'fc_company', 'fc_leadStatus', 'fc_createdAt'], {
      filters: [{ fieldId: 'fc_lifecycleStage', op: 'is', value: 'lead' }, { fieldId: 'fc_createdAt', op: 'thisWeek', value: null }],
      sort: [{ fieldId: 'fc_createdAt', direction: 'desc' }], order: 1,
    }),
    view('view_deals_closing_month', deals, names.dealsClosingMonth, ['fd_name', 'fd_stage', 'fd_amount', 'fd_expectedClose', 'fd_owner'], {
      filters: [{ fieldId: 'fd_expectedClose', op: 'thisMonth', value: null }, { fieldId: 'fd_stage', op: 'isOpen', value: null }],
      sort: [{ fieldId: 'fd_expectedClose', direction: 'asc' }], order: 2,
    }),
    view('view_deals_inactive', deals, names.dealsInactive, ['fd_name', 'fd_stage', 'fd_amount', 'fd_owner', 'fd_lastActivity'], {
      filters: [
        { fieldId: 'fd_stage', op: 'isOpen', value: null },
        { fieldId: 'fd_lastActivity', op: 'notInLastDays', value: 30 },
        { fieldId: 'fd_createdAt', op: 'olderThanDays', value: 30 },
      ],
      sort: [{ fieldId: 'fd_lastActivity', direction: 'asc' }], order: 3,
    }),
  ];
}

/** Every preset document of a new workspace in `locale`. */
export function presetWorkspace(now: number, locale: Locale = 'en') {
  return {
    folders: presetFolders(now, locale),
    fields: presetFields(now, locale),
    pipelines: presetPipelines(now, locale),
    views: presetViews(now, locale),
  };
}

/**
 * One record of a preset folder still carrying a preset name, in that name's language
 * ("Trattative" → "trattativa"); undefined for any other name, which callers word themselves.
 */
export function presetItemName(folderName: string): string | undefined {
  for (const labels of Object.values(PRESET_LABELS)) {
    for (const kind of ['contacts', 'companies', 'deals', 'products'] as const) {
      if (labels.folders[kind] === folderName) return labels.items[kind];
    }
  }
  return undefined;
}
