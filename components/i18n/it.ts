import type { CoreKey, MessageKey } from './en';
import { it as views } from './views/it';
import { it as data } from './data/it';
import { it as sync } from './sync/it';
import { it as reports } from './reports/it';


const core: Record<CoreKey, string> = {
  'common.save': 'Salva',
  'common.cancel': 'Annulla',
  'common.loading': 'Caricamento…',
  'common.notSaved': 'Non salvato:',
  'common.showMore': 'Mostra altro',
  'common.untitled': '(senza titolo)',
  'common.noSubject': '(nessun oggetto)',
  'common.separateWithCommas': 'separa più valori con virgole',

  'crm.folders': 'Cartelle',
  'crm.new': 'Nuovo: {item}',
  'crm.create': 'Crea {item}',
  'crm.editRecord': 'Modifica {title}',
  'crm.empty': 'Ancora nessun elemento in {folder}.',

  'errors.quota': 'Il browser non ha più spazio per i dati di Threadline. Libera spazio su disco o cancella i dati di altri siti, poi riprova. Non è stato salvato nulla.',

  'sidebar.waiting': 'Apri una conversazione per vederne persone, trattative e cronologia.',
  'sidebar.closed': 'Nessuna conversazione aperta.',
  'sidebar.unreadable': 'Threadline non è riuscito a leggere questa conversazione.',
  'sidebar.unreadableHelp': 'Non è stato salvato nulla. Gmail potrebbe aver cambiato la pagina; ricarica Gmail e riprova.',
  'sidebar.details': 'Dettagli',
  'sidebar.deals': 'Trattative',
  'sidebar.people': 'Persone',
  'sidebar.history': 'Cronologia',
  'sidebar.onlyTeam': 'In questa conversazione ci siete solo tu e il tuo team.',
  'sidebar.logEmail': 'Registra email',
  'sidebar.logNew': 'Registra {count} nuovi messaggi',
  'sidebar.logNewOne': 'Registra 1 nuovo messaggio',
  'sidebar.logged': '✓ Email registrata',
  'sidebar.loggedCount': '{logged} di {total} messaggi registrati',
  'sidebar.loggedCountOne': '{logged} di 1 messaggio registrato',
  'sidebar.notLogged': 'Non ancora registrata',
  'sidebar.addContactToLog': 'Aggiungi un contatto per registrare questa email',
  'sidebar.nobodyToLog': 'Prima aggiungi un contatto: in questa conversazione non c’è nessuno a cui associarla.',
  'sidebar.addContactForm': 'Aggiungi {email} come contatto',
  'sidebar.firstName': 'Nome',
  'sidebar.lastName': 'Cognome',
  'sidebar.company': 'Azienda: {company}',
  'sidebar.newCompany': '{name} (nuova, {domain})',
  'sidebar.addContact': 'Aggiungi contatto',
  'sidebar.contact': 'Contatto {name}',
  'sidebar.deal': 'Trattativa {name}',
  'sidebar.stage': 'Fase',
  'sidebar.unlink': 'Scollega conversazione',
  'sidebar.link': 'Collega la conversazione a questa trattativa',
  'sidebar.newDeal': 'Nuova trattativa da questa conversazione',
  'sidebar.newDealName': 'Nuova trattativa',
  'sidebar.composer': 'Aggiungi una nota o un’attività',
  'sidebar.kind': 'Tipo',
  'sidebar.note': 'Nota',
  'sidebar.task': 'Attività',
  'sidebar.notePlaceholder': 'Scrivi una nota…',
  'sidebar.taskPlaceholder': 'Cosa c’è da fare?',
  'sidebar.due': 'Scadenza',
  'sidebar.addNote': 'Aggiungi nota',
  'sidebar.addTask': 'Aggiungi attività',

  'timeline.label': 'Cronologia',
  'timeline.loading': 'Caricamento cronologia…',
  'timeline.empty': 'Ancora nessuna cronologia.',
  'timeline.emailFrom': 'Email da {who}: {subject}',
  'timeline.emailTo': 'Email a {who}: {subject}',
  'timeline.note': 'Nota',
  'timeline.call': 'Chiamata ({outcome})',
  'timeline.meeting': 'Riunione: {title}',
  'timeline.stage': 'Fase: {from} → {to}',
  'timeline.due': 'scade il {date}',
};

export const it: Record<MessageKey, string> = { ...core, ...views, ...data, ...sync, ...reports };
