import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'mandatory.form': 'Campi mancanti di {name}',
  'mandatory.heading': 'Compila per salvare',
  'mandatory.intro': '{name} ha bisogno di questi campi prima di poter essere salvato.',
  'mandatory.save': 'Salva',
  'mandatory.keys': 'Invio salva, Esc annulla.',
  'mandatory.cancelled': 'Non è stato salvato nulla.',
  'mandatory.saved': 'Salvato.',
  'mandatory.dropping': '{title} rilasciata su {column}. Salvataggio…',
  'mandatory.boardAsk': '{title} ha bisogno di {fields} per passare a {column}: compilali sulla scheda.',
  'mandatory.boardMoved': '{title} è passata a {column}.',
  'mandatory.boardNotMoved': '{title} non è stata spostata in {column}: {reason}',
  'mandatory.boardStays': '{title} resta in {column}: non è stato salvato nulla.',
  'mandatory.moveTo': 'Sposta in {column}',
  'mandatory.lost.form': 'Motivo della perdita di {name}',
  'mandatory.lost.heading': 'Perché è stata persa?',
  'mandatory.lost.intro': 'Facoltativo: scegli un motivo per il report sul tasso di successo. {name} passa a {stage} comunque.',
  'mandatory.lost.skip': 'Salta',
  'mandatory.lost.keys': 'Invio salva, Esc annulla lo spostamento.',
  'mandatory.lost.boardAsk': '{title} sta passando a {column}: scegli un motivo della perdita sulla scheda, oppure salta.',
} satisfies Catalogue<typeof en>;
