import type { Locale } from '../../../i18n/locale';
import { en, type PresetLabels } from './en';
import { es } from './es';
import { it } from './it';

export const PRESET_LABELS: Record<Locale, PresetLabels> = { en, es, it };
export const PRESET_LOCALES = Object.keys(PRESET_LABELS) as Locale[];

export function presetLabels(locale: Locale): PresetLabels {
  return PRESET_LABELS[locale];
}

export type { PresetLabels };
