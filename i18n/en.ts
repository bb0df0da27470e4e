import { en as views } from './views/en';
import { en as data } from './data/en';
import { en as sync } from './sync/en';
import { en as reports } from './reports/en';

/** English: the source catalogue. Every other language must have exactly these keys. */
const core = {
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'common.notSaved': 'Not saved:',
  'common.showMore': 'Show more',
  'common.untitled': '(untitled)',
  'common.noSubject': '(no subject)',
  'common.separateWithCommas': 'separate several with commas',

  'crm.folders': 'Folders',
  'crm.new': 'New {item}',
  'crm.create': 'Create {item}',
  'crm.editRecord': 'Edit {title}',
  'crm.empty': 'No {folder} yet.',

  'errors.quota': 'The browser has no room left for Threadline’s data. Free disk space or clear other sites’ data, then try again. Nothing was saved.',
  'errors.dbClosed': 'Threadline was updated or reset in another tab, so this page can no longer save. Reload this page and try again. Nothing was saved.',
  'db.blocked': 'Threadline is updating its data, but another Threadline page or Gmail tab still uses the old version. Close or reload the other Threadline pages and Gmail tabs; this page goes on by itself.',
  'db.outdated': 'Threadline was updated in another tab. Reload this page to keep working: changes made here cannot be saved until you do.',
  'db.reload': 'Reload page',

  'sidebar.waiting': 'Open a thread to see its people, deals and history.',
  'sidebar.closed': 'No thread open.',
  'sidebar.unreadable': 'Threadline couldn’t read this thread.',
  'sidebar.unreadableHelp': 'Nothing was saved. Gmail may have changed its page; reload Gmail and try again.',
  'sidebar.details': 'Details',
  'sidebar.deals': 'Deals',
  'sidebar.people': 'People',
  'sidebar.morePeople': 'Show {count} more people',
  'sidebar.moreDeals': 'Show {count} more deals',
  'sidebar.history': 'History',
  'sidebar.onlyTeam': 'Only you and your team are on this thread.',
  'sidebar.logEmail': 'Log email',
  'sidebar.logNew': 'Log {count} new messages',
  'sidebar.logNewOne': 'Log 1 new message',
  'sidebar.logged': '✓ Email logged',
  'sidebar.loggedCount': '{logged} of {total} messages logged',
  'sidebar.loggedCountOne': '{logged} of 1 message logged',
  'sidebar.notLogged': 'Not logged yet',
  'sidebar.addContactToLog': 'Add a contact to log this email',
  'sidebar.nobodyToLog': 'Add a contact first: there is no one on this thread to log it against.',
  'sidebar.addContactForm': 'Add {email} as a contact',
  'sidebar.firstName': 'First name',
  'sidebar.lastName': 'Last name',
  'sidebar.company': 'Company: {company}',
  'sidebar.newCompany': '{name} (new, {domain})',
  'sidebar.addContact': 'Add contact',
  'sidebar.contact': 'Contact {name}',
  'sidebar.deal': 'Deal {name}',
  'sidebar.stage': 'Stage',
  'sidebar.unlink': 'Unlink thread',
  'sidebar.link': 'Link thread to this deal',
  'sidebar.newDeal': 'New deal from this thread',
  'sidebar.newDealName': 'New deal',
  'sidebar.composer': 'Add a note or task',
  'sidebar.kind': 'Kind',
  'sidebar.note': 'Note',
  'sidebar.task': 'Task',
  'sidebar.notePlaceholder': 'Write a note…',
  'sidebar.taskPlaceholder': 'What needs doing?',
  'sidebar.due': 'Due',
  'sidebar.addNote': 'Add note',
  'sidebar.addTask': 'Add task',

  'timeline.label': 'History',
  'timeline.loading': 'Loading history…',
  'timeline.empty': 'No history yet.',
  'timeline.emailFrom': 'Email from {who}: {subject}',
  'timeline.emailTo': 'Email to {who}: {subject}',
  'timeline.note': 'Note',
  'timeline.call': 'Call ({outcome})',
  'timeline.meeting': 'Meeting: {title}',
  'timeline.stage': 'Stage: {from} → {to}',
  'timeline.due': 'due {date}',
} as const;

/** Each area of the product keeps its strings in its own folder, so parallel work never collides. */
export const en = { ...core, ...views, ...data, ...sync, ...reports } as const;

export type MessageKey = keyof typeof en;
export type CoreKey = keyof typeof core;
