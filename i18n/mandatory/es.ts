import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'mandatory.form': 'Campos que le faltan a {name}',
  'mandatory.heading': 'Rellena para guardar',
  'mandatory.intro': '{name} necesita estos campos antes de poder guardarse.',
  'mandatory.save': 'Guardar',
  'mandatory.keys': 'Intro guarda, Escape cancela.',
  'mandatory.cancelled': 'No se guardó nada.',
  'mandatory.saved': 'Guardado.',
  'mandatory.dropping': '{title} soltada en {column}. Guardando…',
  'mandatory.boardAsk': '{title} necesita {fields} para pasar a {column}: rellénalos en la tarjeta.',
  'mandatory.boardMoved': '{title} pasó a {column}.',
  'mandatory.boardNotMoved': '{title} no se movió a {column}: {reason}',
  'mandatory.boardStays': '{title} sigue en {column}: no se guardó nada.',
  'mandatory.moveTo': 'Mover a {column}',
} satisfies Catalogue<typeof en>;
