import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'data.dup.title': 'Duplicados',
  'data.dup.none': 'No hay posibles duplicados en esta carpeta.',
  'data.dup.found': 'Grupos de posibles duplicados: {n}',
  'data.dup.groups': 'Posibles duplicados',
  'data.dup.sameEmail': 'Mismo email: {value}',
  'data.dup.samePhone': 'Mismo teléfono: {value}',
  'data.dup.sameName': 'Mismo nombre y empresa: {value}',
  'data.dup.reviewButton': 'Revisar y fusionar ({n})',
  'data.dup.review': 'Revisar duplicados',
  'data.dup.field': 'Campo',
  'data.dup.keep': 'Conservar {title}',
  'data.dup.created': 'Creado el {date}',
  'data.dup.useValue': 'Usar {field} de {title}',
  'data.dup.combine': 'Combinar',
  'data.dup.combineValues': 'Todos',
  'data.dup.history': 'Historial',
  'data.dup.activities': 'Actividades: {n}',
  'data.dup.identical': 'Estos registros tienen los mismos valores.',
  'data.dup.mergeHelp': 'El registro conservado toma los valores elegidos; los vínculos desde otros registros, emails, notas, tareas y conversaciones vinculadas pasan a él, y los demás se eliminan.',
  'data.dup.merge': 'Fusionar {n} registros',
  'data.dup.merged': 'Fusionado en',
} satisfies Catalogue<typeof en>;
