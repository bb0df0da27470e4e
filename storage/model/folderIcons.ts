/**
 * The icons a folder can have, stored by name. The names are those of the SVG set the pages draw
 * (components/icons), so storage validates a folder's icon without drawing anything.
 */
export const FOLDER_ICONS = [
  'folder', 'user', 'users', 'building', 'briefcase', 'handshake', 'store', 'factory', 'landmark',
  'target', 'trophy', 'rocket', 'star', 'heart', 'flag', 'tag', 'package', 'truck', 'shopping-cart',
  'receipt', 'file-text', 'calendar', 'phone', 'mail', 'globe', 'house', 'graduation-cap', 'lightbulb', 'wrench',
] as const;
export type FolderIconName = (typeof FOLDER_ICONS)[number];

export const DEFAULT_FOLDER_ICON: FolderIconName = 'folder';

/**
 * The emoji older versions stored (the presets and the old picker), by the icon that replaces them.
 * Stored folders keep them (a local migration would bypass sync's clocks and diverge from other
 * devices); pages draw them through folderIconName.
 */
const LEGACY_EMOJI: Readonly<Record<string, FolderIconName>> = {
  '📁': 'folder', '👤': 'user', '🏢': 'building', '💼': 'briefcase', '🤝': 'handshake', '🏪': 'store',
  '🎯': 'target', '📦': 'package', '🧾': 'receipt', '🏠': 'house', '🎓': 'graduation-cap', '🚚': 'truck',
  '⭐': 'star', '💡': 'lightbulb', '🛠': 'wrench',
};

const KNOWN = new Set<string>(FOLDER_ICONS);

export const isFolderIconName = (icon: string): icon is FolderIconName => KNOWN.has(icon);

/** The icon to draw for a stored value: its name, an old emoji's replacement, else the plain folder. */
export function folderIconName(stored: string): FolderIconName {
  if (isFolderIconName(stored)) return stored;
  // Emoji arrive with or without VARIATION SELECTOR-16 ('🛠️' and '🛠').
  return LEGACY_EMOJI[stored.replace(/\uFE0F/g, '')] ?? DEFAULT_FOLDER_ICON;
}
