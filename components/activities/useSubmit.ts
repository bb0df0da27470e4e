import { useState } from 'react';
import { describeError } from '../errors';
import { t } from '../../i18n';

/**
 * A form's save: busy while writing, the refusal in the user's language when storage says no (what
 * was typed stays in the form), "Saved." announced when it is in.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  async function run(work: () => Promise<unknown>, onDone: () => void): Promise<void> {
    setBusy(true);
    setStatus(undefined);
    try {
      await work();
      setError(undefined);
      setStatus(t('activity.saved'));
      onDone();
    } catch (e) {
      setError(describeError(e).join(' '));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, status, run, setError };
}
