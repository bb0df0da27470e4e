import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'data.tasks.title': 'Attività',
  'data.tasks.whose': 'Di chi',
  'data.tasks.all': 'Di tutti',
  'data.tasks.mine': 'Mie',
  'data.tasks.iAm': 'Sono',
  'data.tasks.chooseMe': 'Scegli chi sei (un proprietario di record) per vedere le tue attività.',
  'data.tasks.when': 'Quando',
  'data.tasks.overdue': 'Scadute',
  'data.tasks.today': 'Oggi',
  'data.tasks.upcoming': 'Prossime',
  'data.tasks.allOpen': 'Tutte le aperte',
  'data.tasks.done': 'Fatte',
  'data.tasks.none': 'Nessuna attività qui.',
  'data.tasks.due': 'scade {when}',

  'data.reminder.title': 'Attività in scadenza: {title}',
  'data.reminder.message': '{records} · scade {due}',
  'data.reminder.messageNoRecord': 'Scade {due}',

  'reminders.title': 'Promemoria di date',
  'reminders.intro': 'Ricevi un avviso qualche giorno prima di una data, come il compleanno di un contatto. Le date annuali avvisano ogni anno, qualunque sia l’anno salvato.',
  'reminders.defaultName': 'Promemoria {field}',
  'reminders.daysBefore': 'Giorni prima',
  'reminders.field': 'Data',
  'reminders.yearly': 'Ogni anno',
  'reminders.add': 'Aggiungi promemoria',
  'reminders.save': 'Salva promemoria',
  'reminders.dueNow': 'In scadenza ora',
  'reminders.dueItem': '{title}: {field} il {date} (tra {days} giorni)',
} satisfies Catalogue<typeof en>;
