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
  'mandatory.lost.form': 'Motivo de pérdida de {name}',
  'mandatory.lost.heading': '¿Por qué se perdió?',
  'mandatory.lost.intro': 'Opcional: elige un motivo para el informe de tasa de éxito. {name} pasa a {stage} de todos modos.',
  'mandatory.lost.skip': 'Omitir',
  'mandatory.lost.keys': 'Intro guarda, Escape cancela el cambio.',
  'mandatory.lost.boardAsk': '{title} pasa a {column}: elige un motivo de pérdida en la tarjeta, u omítelo.',
} satisfies Catalogue<typeof en>;
