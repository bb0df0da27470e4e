import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'automation.rules': 'Regole',
  'automation.intro': 'Le regole vengono eseguite su questo dispositivo nel momento in cui una modifica viene salvata, come parte della stessa modifica, e si sincronizzano con essa. Ogni esecuzione resta nella cronologia dei record che ha modificato.',
  'automation.none': 'Ancora nessuna regola.',
  'automation.untitled': 'Regola senza nome',
  'automation.whenStage': 'Quando una trattativa entra in',
  'automation.then': 'allora',

  'automation.action.createTask': 'crea un’attività',
  'automation.action.setField': 'imposta un campo',

  'automation.taskTitle': 'Attività',
  'automation.dueInDays': 'Scadenza tra (giorni)',
  'automation.field': 'Campo',
  'automation.value': 'Valore',

  'automation.sentence.dealWon': 'Quando una trattativa viene vinta, la fase del ciclo di vita del suo contatto principale diventa Cliente (mai riportata indietro da una fase successiva).',
  'automation.sentence.emailFromNewLead': 'Quando viene registrata un’email di un contatto con stato lead Nuovo, lo stato diventa Aperto.',

  'automation.kind.stageEntered': 'Una trattativa entra in una fase',
  'automation.kind.dealWon': 'Trattativa vinta crea un cliente',
  'automation.kind.emailFromNewLead': 'Un’email apre un nuovo lead',

  'automation.newRuleKind': 'Nuova regola:',
  'automation.add': 'Aggiungi regola',
  'automation.save': 'Salva regole',

  'automation.history.title': 'Automazione «{rule}»',
  'automation.history.setField': '{record}: {field} impostato a {value}',
  'automation.history.createTask': '{record}: creata l’attività «{title}»',
  'automation.history.failed': '{record}: non modificato ({message})',
  'automation.history.notChanged': '{record}: non modificato',
  'automation.history.stageEntered': 'perché {record} è entrata in {stage}',
  'automation.history.dealWon': 'perché la trattativa {record} è stata vinta',
  'automation.history.emailFromNewLead': 'perché è stata registrata un’email di {record}',
  'automation.kind.activityLogged': 'Chiamata o riunione registrata',
  'automation.whenLogged': 'Quando qualcuno registra una',
  'automation.loggedCall': 'chiamata',
  'automation.loggedMeeting': 'riunione',
  'automation.withOutcome': 'con esito',
  'automation.anyOutcome': 'qualsiasi esito',
  'automation.thenTask': 'allora crea l’attività',
  'automation.history.activityLogged': 'perché è stata registrata una chiamata o riunione su {record}',
} satisfies Catalogue<typeof en>;
