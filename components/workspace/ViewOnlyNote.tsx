import type { ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * Said once per page when the user's role keeps edit controls missing or greyed out: a viewer's
 * (`useCanWrite()`), or, on pages that change the CRM's shape, a member's (`useCanShape()`), or on
 * pages that change the workspace's settings, a member's (`useCanSettings()`).
 */
export function ViewOnlyNote({ canWrite, reason = 'viewer' }: { canWrite: boolean; reason?: 'viewer' | 'shape' | 'settings' }) {
  if (canWrite) return null;
  return (
    <p role="note" className="tl-muted tl-view-only">
      {t(reason === 'shape' ? 'sync.shapeAdminsOnly' : reason === 'settings' ? 'sync.settingsAdminsOnly' : 'sync.viewOnly')}
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
