import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'data.tasks.title': 'Tareas',
  'data.tasks.whose': 'De quién',
  'data.tasks.all': 'De todos',
  'data.tasks.mine': 'Mías',
  'data.tasks.iAm': 'Soy',
  'data.tasks.chooseMe': 'Elige quién eres (un propietario de registros) para ver tus tareas.',
  'data.tasks.when': 'Cuándo',
  'data.tasks.overdue': 'Vencidas',
  'data.tasks.today': 'Hoy',
  'data.tasks.upcoming': 'Próximas',
  'data.tasks.allOpen': 'Todas las pendientes',
  'data.tasks.done': 'Hechas',
  'data.tasks.none': 'No hay tareas aquí.',
  'data.tasks.due': 'vence {when}',

  'data.reminder.title': 'Tarea pendiente: {title}',
  'data.reminder.message': '{records} · vence {due}',
  'data.reminder.messageNoRecord': 'Vence {due}',

  'reminders.title': 'Recordatorios de fechas',
  'reminders.intro': 'Recibe un aviso unos días antes de una fecha, como el cumpleaños de un contacto. Las fechas anuales avisan cada año, sea cual sea el año guardado.',
  'reminders.defaultName': 'Recordatorio de {field}',
  'reminders.daysBefore': 'Días antes',
  'reminders.field': 'Fecha',
  'reminders.yearly': 'Cada año',
  'reminders.add': 'Añadir recordatorio',
  'reminders.save': 'Guardar recordatorios',
  'reminders.dueNow': 'Pendientes ahora',
  'reminders.dueItem': '{title}: {field} el {date} (dentro de {days} días)',
} satisfies Catalogue<typeof en>;
