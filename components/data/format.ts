import { formatLocale } from '../i18n';

export const formatCount = (n: number) => new Intl.NumberFormat(formatLocale()).format(n);
export const formatPercent = (fraction: number) => new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
export const formatDateTime = (ms: number) => new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
export const formatDay = (ms: number) => new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium' }).format(new Date(ms));
