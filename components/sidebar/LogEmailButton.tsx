import { useEffect, useRef, useState } from 'react';
import type { ThreadContext } from '../../messaging/threadContext';
import type { PrivacyRules } from '../../storage/privacy';
import { logThread } from '../../storage/threads';
import { describeError } from '../errors';

type Props = {
  context: ThreadContext;
  rules: PrivacyRules;
  loggedCount: number;
  canLog: boolean;
  /** Bumped by the Gmail toolbar's "Log to Threadline" button. */
  logRequests: number;
};

/** Logs the thread; the logged state is always on screen, so a rep never wonders whether it worked. */
export function LogEmailButton({ context, rules, loggedCount, canLog, logRequests }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const total = context.messages.length;
  const all = loggedCount >= total;

  const log = async () => {
    setBusy(true);
    try {
      await logThread(context, rules);
      setError(undefined);
    } catch (e) {
      setError(describeError(e).join(' '));
    } finally {
      setBusy(false);
    }
  };

  const handled = useRef(logRequests);
  useEffect(() => {
    if (logRequests > handled.current) {
      handled.current = logRequests;
      if (canLog) void log();
      else setError('Add a contact first: there is no one on this thread to log it against.');
    }
  });

  return (
    <div className="tl-log">
      <button type="button" className={all ? 'tl-logged' : 'tl-primary'} onClick={() => void log()} disabled={busy || !canLog || all}>
        {all ? '✓ Email logged' : loggedCount > 0 ? `Log ${total - loggedCount} new message${total - loggedCount > 1 ? 's' : ''}` : 'Log email'}
      </button>
      <span className="tl-log-status" role="status">
        {loggedCount > 0 ? `${loggedCount} of ${total} message${total > 1 ? 's' : ''} logged` : canLog ? 'Not logged yet' : 'Add a contact to log this email'}
      </span>
      {error && <div role="alert" className="tl-error">{error}</div>}
    </div>
  );
}
