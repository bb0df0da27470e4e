import type { FieldType } from '../../storage/model/field';
import type { PlainKey } from '../../i18n';

/** The name of each field type in the UI language; typed over every type, like FIELD_EDITORS. */
export const FIELD_TYPE_LABELS: { [T in FieldType]: PlainKey } = {
  text: 'views.type.text',
  longText: 'views.type.longText',
  number: 'views.type.number',
  autoNumber: 'views.type.autoNumber',
  percent: 'views.type.percent',
  currency: 'views.type.currency',
  date: 'views.type.date',
  checkbox: 'views.type.checkbox',
  dropdown: 'views.type.dropdown',
  multiDropdown: 'views.type.multiDropdown',
  user: 'views.type.user',
  email: 'views.type.email',
  phone: 'views.type.phone',
  url: 'views.type.url',
  address: 'views.type.address',
  socials: 'views.type.socials',
  link: 'views.type.link',
  stage: 'views.type.stage',
  formula: 'views.type.formula',
  statistic: 'views.type.statistic',
};
