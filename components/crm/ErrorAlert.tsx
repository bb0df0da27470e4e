import { t } from '../../i18n';

/** A refused write, as a list of sentences; empty means nothing to show. */
export function ErrorAlert({ errors, onDismiss }: { errors: readonly string[]; onDismiss?: () => void }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="tl-error">
      <strong>{t('common.notSaved')}</strong>
      <ul>
        {errors.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" className="tl-link-button" onClick={onDismiss}>
          {t('views.dismiss')}
        </button>
      )}
    </div>
  );
}
