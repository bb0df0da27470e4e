import type { en } from './en';

export const it: Record<keyof typeof en, string> = {};
