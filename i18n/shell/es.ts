import type { Catalogue } from '../types';
import type { en } from './en';

export const es = {
  'crm.folders': 'Carpetas',

  'db.blocked': 'Threadline está actualizando sus datos, pero otra página de Threadline o pestaña de Gmail aún usa la versión anterior. Cierra o recarga las demás páginas de Threadline y pestañas de Gmail; esta página continuará sola.',
  'db.outdated': 'Threadline se actualizó en otra pestaña. Recarga esta página para seguir trabajando: hasta entonces no se pueden guardar cambios aquí.',
  'db.reload': 'Recargar página',

  'views.pageMissing': 'Esta página no existe.',

  'views.nav.views': 'Vistas de {folder}',
  'views.nav.more': 'Más',

  'data.nav.tasks': 'Tareas',
  'data.nav.import': 'Importar CSV',
  'data.nav.duplicates': 'Duplicados',

  'shortcuts.title': 'Atajos de teclado',
  'shortcuts.search': 'Buscar registros',
  'shortcuts.create': 'Nuevo registro en esta carpeta',
  'shortcuts.help': 'Mostrar estos atajos',
  'shortcuts.typing': 'No hacen nada mientras escribes en un campo.',
  'shortcuts.close': 'Cerrar',
} satisfies Catalogue<typeof en>;
