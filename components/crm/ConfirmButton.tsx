import { useState, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * A destructive action that asks in place instead of window.confirm, which Gmail's frame and
 * headless tests both handle badly; the question names exactly what will be lost.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, className }: {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className ?? 'tl-danger'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="tl-confirm">
      <span>{question}</span>
      <button type="button" className="tl-danger-solid" onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
