import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'automation.rules': 'Reglas',
  'automation.intro': 'Las reglas se ejecutan en este dispositivo en cuanto se guarda un cambio, como parte de ese mismo cambio, y se sincronizan con él. Cada ejecución queda en el historial de los registros que modificó.',
  'automation.none': 'Todavía no hay reglas.',
  'automation.untitled': 'Regla sin nombre',
  'automation.whenStage': 'Cuando un negocio entra en',
  'automation.then': 'entonces',

  'automation.action.createTask': 'crear una tarea',
  'automation.action.setField': 'rellenar un campo',

  'automation.taskTitle': 'Tarea',
  'automation.dueInDays': 'Vence en (días)',
  'automation.field': 'Campo',
  'automation.value': 'Valor',

  'automation.sentence.dealWon': 'Cuando se gana un negocio, la etapa del ciclo de vida de su contacto principal pasa a Cliente (nunca retrocede desde una etapa posterior).',
  'automation.sentence.emailFromNewLead': 'Cuando se registra un correo de un contacto cuyo estado de lead es Nuevo, el estado pasa a Abierto.',

  'automation.kind.stageEntered': 'Un negocio entra en una etapa',
  'automation.kind.dealWon': 'Negocio ganado crea un cliente',
  'automation.kind.emailFromNewLead': 'Un correo abre un lead nuevo',

  'automation.newRuleKind': 'Nueva regla:',
  'automation.add': 'Añadir regla',
  'automation.save': 'Guardar reglas',

  'automation.history.title': 'Automatización «{rule}»',
  'automation.history.setField': '{record}: {field} pasa a {value}',
  'automation.history.createTask': '{record}: tarea «{title}» creada',
  'automation.history.failed': '{record}: sin cambios ({message})',
  'automation.history.notChanged': '{record}: sin cambios',
  'automation.history.stageEntered': 'porque {record} entró en {stage}',
  'automation.history.dealWon': 'porque se ganó el negocio {record}',
  'automation.history.emailFromNewLead': 'porque se registró un correo de {record}',
  'automation.kind.activityLogged': 'Llamada o reunión registrada',
  'automation.whenLogged': 'Cuando alguien registra una',
  'automation.loggedCall': 'llamada',
  'automation.loggedMeeting': 'reunión',
  'automation.withOutcome': 'con resultado',
  'automation.anyOutcome': 'cualquier resultado',
  'automation.thenTask': 'entonces crea la tarea',
  'automation.history.activityLogged': 'porque se registró una llamada o reunión en {record}',
} satisfies Catalogue<typeof en>;
