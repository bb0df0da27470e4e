import { en as crm } from './crm/en';
import { en as timeline } from './timeline/en';
import { en as fields } from './fields/en';
import { en as shell } from './shell/en';
import { en as sidebar } from './sidebar/en';
import { en as mandatory } from './mandatory/en';
import { en as importer } from './import/en';
import { en as duplicates } from './duplicates/en';
import { en as tasks } from './tasks/en';
import { en as workspace } from './workspace/en';
import { en as reports } from './reports/en';
import { en as automations } from './automations/en';
import { en as errors } from './errors/en';
import { en as language } from './language/en';
import { en as backup } from './backup/en';
import { en as icons } from './icons/en';
import { en as templates } from './templates/en';
import { en as lines } from './lines/en';

/** English: the source catalogue. Strings shared by several features live here; the rest in i18n/<feature>/. */
const core = {
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'common.notSaved': 'Not saved:',
  'common.untitled': '(untitled)',
  'common.noSubject': '(no subject)',
  'common.chooseFile': 'Choose file',
  'common.noFileChosen': 'No file chosen',

  'sidebar.newDealName': 'New deal',

  'timeline.due': 'due {date}',

  'views.moveUp': 'Move {field} up',
  'views.moveDown': 'Move {field} down',

  'views.nav.newFolder': 'New folder',

  'views.stat.createdAt': 'Created at',
  'views.stat.lastEmailReceived': 'Last email received',
  'views.stat.emailThreadCount': 'Email thread count',
  'views.stat.lastActivity': 'Last activity',

  'sync.ws.title': 'Shared workspace',

  'reports.title': 'Reports',

  'automation.title': 'Automations',
  'automation.name': 'Name',
  'automation.enabled': 'On',
  'automation.remove': 'Remove',
  'automation.saved': 'Saved.',
} as const;

/** Each feature keeps its strings in the folder named like its components/ folder, so parallel work never collides. */
export const en = { ...core, ...crm, ...timeline, ...fields, ...shell, ...sidebar, ...mandatory, ...importer, ...duplicates, ...tasks, ...workspace, ...reports, ...automations, ...errors, ...language, ...backup, ...icons, ...templates, ...lines } as const;

export type MessageKey = keyof typeof en;
export type CoreKey = keyof typeof core;
