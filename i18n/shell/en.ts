/** English strings of shell; es.ts and it.ts beside this file must have exactly these keys. */
export const en = {
  'crm.folders': 'Folders',

  'db.blocked': 'Threadline is updating its data, but another Threadline page or Gmail tab still uses the old version. Close or reload the other Threadline pages and Gmail tabs; this page goes on by itself.',
  'db.outdated': 'Threadline was updated in another tab. Reload this page to keep working: changes made here cannot be saved until you do.',
  'db.reload': 'Reload page',

  'views.pageMissing': 'This page does not exist.',

  'views.nav.views': 'Views of {folder}',
  'views.nav.more': 'More',

  'data.nav.tasks': 'Tasks',
  'data.nav.import': 'Import CSV',
  'data.nav.duplicates': 'Duplicates',

  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.search': 'Search records',
  'shortcuts.create': 'New record in this folder',
  'shortcuts.help': 'Show these shortcuts',
  'shortcuts.typing': 'They do nothing while you are typing in a field.',
  'shortcuts.close': 'Close',
} as const;
