import { useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { CRM_SHORTCUTS } from './shortcuts';

const LABEL = { search: 'shortcuts.search', create: 'shortcuts.create', help: 'shortcuts.help' } as const;

/** The list `?` opens. Escape or Close shuts it, and focus goes back where it was. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div role="dialog" aria-modal="true" aria-label={t('shortcuts.title')} className="tl-dialog tl-shortcuts"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}>
      <h2>{t('shortcuts.title')}</h2>
      <dl>
        {CRM_SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt><kbd>{s.key}</kbd></dt>
            <dd>{t(LABEL[s.action])}</dd>
          </div>
        ))}
      </dl>
      <p className="tl-muted">{t('shortcuts.typing')}</p>
      <button ref={close} type="button" onClick={onClose}>{t('shortcuts.close')}</button>
    </div>
  );
}
