import { detectLocale, type Locale } from '../../i18n/locale';

/**
 * The few words the content script shows inside Gmail (the compose's box and butter bars). Kept
 * here, not in i18n/'s catalogues, so the content script stays lean: importing i18n's t() would
 * bundle every catalogue of every page into each Gmail tab. The language is Gmail page's own (the
 * browser's); the device's chosen language lives in the extension's database, out of reach here.
 */
type Words = {
  logWhenSent: string;
  logged: string;
  logFailed: string;
  logIt: string;
  offer: (count: number) => string;
  /** The tooltip of a thread row's "+N": the row's other linked deals. */
  moreDeals: (count: number) => string;
  /** Thread toolbar buttons, and Gmail's shortcut help (shortcuts.ts). */
  logThread: string;
  openRecord: string;
  addNote: string;
  goToThreadline: string;
  /** The compose's template button and its dropdown (composeTemplates.ts). */
  templateButton: string;
  templates: string;
  templatesLoading: string;
  noTemplates: string;
  templatesFailed: string;
  /** `fields`: the missing fields' labels, already joined. */
  missing: (fields: string) => string;
  templatesHelp: string;
};

const WORDS: Record<Locale, Words> = {
  en: {
    logWhenSent: 'Log to Threadline when sent',
    logged: 'Logged to Threadline',
    logFailed: "Threadline couldn't log this email",
    logIt: 'Log it',
    offer: (n) => `Log this email to ${n} Threadline record${n === 1 ? '' : 's'}?`,
    moreDeals: (n) => `${n} more deal${n === 1 ? '' : 's'}`,
    logThread: 'Log to Threadline',
    openRecord: 'Open the thread’s record in Threadline',
    addNote: 'Add a Threadline note',
    goToThreadline: 'Go to Threadline',
    templateButton: 'Insert a Threadline template',
    templates: 'Threadline templates',
    templatesLoading: 'Loading templates…',
    noTemplates: 'No templates yet. Create one in Threadline → Templates.',
    templatesFailed: 'Threadline couldn’t load your templates. Try again.',
    missing: (fields) => `Missing: ${fields}`,
    templatesHelp: '↑↓ to choose, Enter to insert, Esc to close',
  },
  es: {
    logWhenSent: 'Registrar en Threadline al enviar',
    logged: 'Registrado en Threadline',
    logFailed: 'Threadline no ha podido registrar este correo',
    logIt: 'Registrar',
    offer: (n) => `¿Registrar este correo en ${n === 1 ? '1 registro' : `${n} registros`} de Threadline?`,
    moreDeals: (n) => (n === 1 ? '1 negocio más' : `${n} negocios más`),
    logThread: 'Registrar en Threadline',
    openRecord: 'Abrir en Threadline el registro del hilo',
    addNote: 'Añadir una nota de Threadline',
    goToThreadline: 'Ir a Threadline',
    templateButton: 'Insertar una plantilla de Threadline',
    templates: 'Plantillas de Threadline',
    templatesLoading: 'Cargando plantillas…',
    noTemplates: 'Aún no hay plantillas. Crea una en Threadline → Plantillas.',
    templatesFailed: 'Threadline no ha podido cargar tus plantillas. Vuelve a intentarlo.',
    missing: (fields) => `Falta: ${fields}`,
    templatesHelp: '↑↓ para elegir, Intro para insertar, Esc para cerrar',
  },
  it: {
    logWhenSent: 'Registra in Threadline all’invio',
    logged: 'Registrata in Threadline',
    logFailed: 'Threadline non è riuscito a registrare questa email',
    logIt: 'Registra',
    offer: (n) => `Registrare questa email in ${n === 1 ? '1 record' : `${n} record`} di Threadline?`,
    moreDeals: (n) => (n === 1 ? 'Un’altra trattativa' : `Altre ${n} trattative`),
    logThread: 'Registra in Threadline',
    openRecord: 'Apri in Threadline il record della conversazione',
    addNote: 'Aggiungi una nota di Threadline',
    goToThreadline: 'Vai a Threadline',
    templateButton: 'Inserisci un modello di Threadline',
    templates: 'Modelli di Threadline',
    templatesLoading: 'Caricamento dei modelli…',
    noTemplates: 'Nessun modello ancora. Creane uno in Threadline → Modelli.',
    templatesFailed: 'Threadline non è riuscito a caricare i tuoi modelli. Riprova.',
    missing: (fields) => `Manca: ${fields}`,
    templatesHelp: '↑↓ per scegliere, Invio per inserire, Esc per chiudere',
  },
};

/** The words in the page's language: the first of the browser's languages Threadline speaks, else English. */
export function words(languages?: readonly string[]): Words {
  return WORDS[detectLocale(languages)];
}
