/** English strings of timeline; es.ts and it.ts beside this file must have exactly these keys. */
export const en = {
  'common.showMore': 'Show more',

  'timeline.label': 'History',
  'timeline.loading': 'Loading history…',
  'timeline.empty': 'No history yet.',
  'timeline.emailFrom': 'Email from {who}: {subject}',
  'timeline.emailTo': 'Email to {who}: {subject}',
  'timeline.note': 'Note',
  'timeline.call': 'Call ({outcome})',
  'timeline.meeting': 'Meeting: {title}',
  'timeline.stage': 'Stage: {from} → {to}',
} as const;
