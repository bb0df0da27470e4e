/** English strings of the missing-fields ask (components/mandatory); es.ts and it.ts beside this file must have exactly these keys. */
export const en = {
  'mandatory.form': 'Missing fields of {name}',
  'mandatory.heading': 'Fill in to save',
  'mandatory.intro': '{name} needs these fields before it can be saved.',
  'mandatory.save': 'Save',
  'mandatory.keys': 'Enter saves, Escape cancels.',
  'mandatory.cancelled': 'Nothing was saved.',
  'mandatory.saved': 'Saved.',
  'mandatory.dropping': '{title} dropped on {column}. Saving…',
  'mandatory.boardAsk': '{title} needs {fields} to move to {column}: fill them in on the card.',
  'mandatory.boardMoved': '{title} moved to {column}.',
  'mandatory.boardNotMoved': '{title} was not moved to {column}: {reason}',
  'mandatory.boardStays': '{title} stays in {column}: nothing was saved.',
  'mandatory.moveTo': 'Move to {column}',
} as const;
