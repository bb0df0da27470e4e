import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * Said once per page when the user is a viewer: why edit controls are missing or greyed out.
 * Pages read `useCanWrite()` once and pass it here and to their controls.
 */
export function ViewOnlyNote({ canWrite }: { canWrite: boolean }) {
  if (canWrite) return null;
  return (
    <p role="note" className="tl-muted tl-view-only">
      {t('sync.viewOnly')}
    </p>
  );
}

/** A fieldset that takes no box of its own, so grids and flex rows lay out its children as before. */
const BARE = { display: 'contents', border: 0, padding: 0, margin: 0 } as const;

/** Everything inside is read-only for a viewer (a disabled fieldset disables all its controls). */
export function EditArea({ canWrite, children }: { canWrite: boolean; children: ReactNode }) {
  if (canWrite) return <>{children}</>;
  return (
    <fieldset disabled style={BARE}>
      {children}
    </fieldset>
  );
}
