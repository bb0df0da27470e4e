import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'common.showMore': 'Mostra altro',

  'timeline.label': 'Cronologia',
  'timeline.loading': 'Caricamento cronologia…',
  'timeline.empty': 'Ancora nessuna cronologia.',
  'timeline.emailFrom': 'Email da {who}: {subject}',
  'timeline.emailTo': 'Email a {who}: {subject}',
  'timeline.note': 'Nota',
  'timeline.call': 'Chiamata ({outcome})',
  'timeline.meeting': 'Riunione: {title}',
  'timeline.stage': 'Fase: {from} → {to}',
} satisfies Catalogue<typeof en>;
