import type { Catalogue } from '../types';
import type { en } from './en';

export const it = {
  'crm.folders': 'Cartelle',

  'db.blocked': 'Threadline sta aggiornando i suoi dati, ma un’altra pagina di Threadline o scheda di Gmail usa ancora la versione precedente. Chiudi o ricarica le altre pagine di Threadline e le schede di Gmail; questa pagina proseguirà da sola.',
  'db.outdated': 'Threadline è stato aggiornato in un’altra scheda. Ricarica questa pagina per continuare: finché non lo fai, le modifiche fatte qui non possono essere salvate.',
  'db.reload': 'Ricarica pagina',

  'views.pageMissing': 'Questa pagina non esiste.',

  'views.nav.views': 'Viste di {folder}',
  'views.nav.more': 'Altro',

  'data.nav.tasks': 'Attività',
  'data.nav.import': 'Importa CSV',
  'data.nav.duplicates': 'Duplicati',

  'shortcuts.title': 'Scorciatoie da tastiera',
  'shortcuts.search': 'Cerca record',
  'shortcuts.create': 'Nuovo record in questa cartella',
  'shortcuts.help': 'Mostra queste scorciatoie',
  'shortcuts.typing': 'Non fanno nulla mentre scrivi in un campo.',
  'shortcuts.close': 'Chiudi',
} satisfies Catalogue<typeof en>;
