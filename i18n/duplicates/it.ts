import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'data.dup.title': 'Duplicati',
  'data.dup.none': 'Nessun probabile duplicato in questa cartella.',
  'data.dup.found': 'Gruppi di probabili duplicati: {n}',
  'data.dup.groups': 'Probabili duplicati',
  'data.dup.sameEmail': 'Stessa email: {value}',
  'data.dup.samePhone': 'Stesso telefono: {value}',
  'data.dup.sameName': 'Stesso nome e azienda: {value}',
  'data.dup.reviewButton': 'Controlla e unisci ({n})',
  'data.dup.review': 'Controlla i duplicati',
  'data.dup.field': 'Campo',
  'data.dup.keep': 'Mantieni {title}',
  'data.dup.created': 'Creato il {date}',
  'data.dup.useValue': 'Usa {field} di {title}',
  'data.dup.combine': 'Combina',
  'data.dup.combineValues': 'Tutti',
  'data.dup.history': 'Cronologia',
  'data.dup.activities': 'Attività: {n}',
  'data.dup.identical': 'Questi record hanno gli stessi valori.',
  'data.dup.mergeHelp': 'Il record mantenuto prende i valori scelti; i collegamenti da altri record, le email, le note, le attività e le conversazioni collegate passano a lui, e gli altri vengono eliminati.',
  'data.dup.merge': 'Unisci {n} record',
  'data.dup.merged': 'Unito in',
} satisfies Catalogue<typeof en>;
