import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'common.showMore': 'Ver más',

  'timeline.label': 'Historial',
  'timeline.loading': 'Cargando historial…',
  'timeline.empty': 'Aún no hay historial.',
  'timeline.emailFrom': 'Correo de {who}: {subject}',
  'timeline.emailTo': 'Correo a {who}: {subject}',
  'timeline.note': 'Nota',
  'timeline.call': 'Llamada ({outcome})',
  'timeline.meeting': 'Reunión: {title}',
  'timeline.stage': 'Etapa: {from} → {to}',
} satisfies Catalogue<typeof en>;
