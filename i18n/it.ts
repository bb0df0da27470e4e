import type { Catalogue } from './types';
import type { CoreKey, MessageKey } from './en';
import { it as crm } from './crm/it';
import { it as timeline } from './timeline/it';
import { it as fields } from './fields/it';
import { it as shell } from './shell/it';
import { it as sidebar } from './sidebar/it';
import { it as mandatory } from './mandatory/it';
import { it as importer } from './import/it';
import { it as duplicates } from './duplicates/it';
import { it as tasks } from './tasks/it';
import { it as workspace } from './workspace/it';
import { it as reports } from './reports/it';
import { it as automations } from './automations/it';
import { it as errors } from './errors/it';
import { it as language } from './language/it';
import { it as backup } from './backup/it';
import { it as icons } from './icons/it';
import { it as templates } from './templates/it';
import { it as lines } from './lines/it';

const core = {
  'common.cancel': 'Annulla',
  'common.loading': 'Caricamento…',
  'common.notSaved': 'Non salvato:',
  'common.untitled': '(senza titolo)',
  'common.noSubject': '(nessun oggetto)',
  'common.chooseFile': 'Scegli file',
  'common.noFileChosen': 'Nessun file scelto',

  'sidebar.newDealName': 'Nuova trattativa',

  'timeline.due': 'scade il {date}',

  'views.moveUp': 'Sposta su {field}',
  'views.moveDown': 'Sposta giù {field}',

  'views.nav.newFolder': 'Nuova cartella',

  'views.stat.createdAt': 'Data di creazione',
  'views.stat.lastEmailReceived': 'Ultima email ricevuta',
  'views.stat.emailThreadCount': 'Numero di conversazioni',
  'views.stat.lastActivity': 'Ultima attività',

  'sync.ws.title': 'Spazio di lavoro condiviso',

  'reports.title': 'Report',

  'automation.title': 'Automazioni',
  'automation.name': 'Nome',
  'automation.enabled': 'Attiva',
  'automation.remove': 'Rimuovi',
  'automation.saved': 'Salvato.',
} satisfies Catalogue<Record<CoreKey, string>>;

export const it = { ...core, ...crm, ...timeline, ...fields, ...shell, ...sidebar, ...mandatory, ...importer, ...duplicates, ...tasks, ...workspace, ...reports, ...automations, ...errors, ...language, ...backup, ...icons, ...templates, ...lines } satisfies Catalogue<Record<MessageKey, string>>;
