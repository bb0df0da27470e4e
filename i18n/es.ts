import type { Catalogue } from './types';
import type { CoreKey, MessageKey } from './en';
import { es as crm } from './crm/es';
import { es as timeline } from './timeline/es';
import { es as fields } from './fields/es';
import { es as shell } from './shell/es';
import { es as sidebar } from './sidebar/es';
import { es as mandatory } from './mandatory/es';
import { es as importer } from './import/es';
import { es as duplicates } from './duplicates/es';
import { es as tasks } from './tasks/es';
import { es as workspace } from './workspace/es';
import { es as reports } from './reports/es';
import { es as automations } from './automations/es';
import { es as errors } from './errors/es';
import { es as language } from './language/es';
import { es as backup } from './backup/es';
import { es as icons } from './icons/es';
import { es as templates } from './templates/es';
import { es as lines } from './lines/es';

const core = {
  'common.cancel': 'Cancelar',
  'common.loading': 'Cargando…',
  'common.notSaved': 'No se guardó:',
  'common.untitled': '(sin título)',
  'common.noSubject': '(sin asunto)',
  'common.chooseFile': 'Elegir archivo',
  'common.noFileChosen': 'Ningún archivo elegido',

  'sidebar.newDealName': 'Nuevo negocio',

  'timeline.due': 'vence el {date}',

  'views.moveUp': 'Subir {field}',
  'views.moveDown': 'Bajar {field}',

  'views.nav.newFolder': 'Nueva carpeta',

  'views.stat.createdAt': 'Fecha de creación',
  'views.stat.lastEmailReceived': 'Último correo recibido',
  'views.stat.emailThreadCount': 'Número de conversaciones',
  'views.stat.lastActivity': 'Última actividad',

  'sync.ws.title': 'Espacio de trabajo compartido',

  'reports.title': 'Informes',

  'automation.title': 'Automatizaciones',
  'automation.name': 'Nombre',
  'automation.enabled': 'Activa',
  'automation.remove': 'Quitar',
  'automation.saved': 'Guardado.',
} satisfies Catalogue<Record<CoreKey, string>>;

export const es = { ...core, ...crm, ...timeline, ...fields, ...shell, ...sidebar, ...mandatory, ...importer, ...duplicates, ...tasks, ...workspace, ...reports, ...automations, ...errors, ...language, ...backup, ...icons, ...templates, ...lines } satisfies Catalogue<Record<MessageKey, string>>;
