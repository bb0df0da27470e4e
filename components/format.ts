import { formatLocale } from '../i18n';
import { dateTimeFormat, numberFormat } from '../storage/model/intl';

export const formatCount = (n: number) => numberFormat(formatLocale()).format(n);
export const formatPercent = (fraction: number) => numberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
export const formatDateTime = (ms: number) => dateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
export const formatDay = (ms: number) => dateTimeFormat(formatLocale(), { dateStyle: 'medium' }).format(new Date(ms));
