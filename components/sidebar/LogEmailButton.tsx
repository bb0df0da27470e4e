import { useEffect, useRef, useState } from 'react';
import type { ThreadContext } from '../../messaging/threadContext';
import type { PrivacyRules } from '../../storage/privacy/privacy';
import { logThread } from '../../storage/threads/threads';
import { describeError } from '../errors';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { useDb } from '../shell/DbProvider';

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
  const db = useDb();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const canWrite = useCanWrite();
  const total = context.messages.length;
  const all = loggedCount >= total;

  const log = async () => {
    setBusy(true);
    try {
      await logThread(db, context, rules);
      setError(undefined);
    } catch (e) {
      setError(describeError(e).join(' '));
    } finally {
      setBusy(false);
    }
  };

  const handled = useRef(logRequests);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every render on purpose; the ref lets each request through once
  useEffect(() => {
    if (logRequests > handled.current) {
      handled.current = logRequests;
      if (!canWrite) return;
      if (canLog) void log();
      else setError(t('sidebar.nobodyToLog'));
    }
  });

  return (
    <div className="tl-log">
      {canWrite && (
        <button type="button" className={all ? 'tl-logged' : 'tl-primary'} onClick={() => void log()} disabled={busy || !canLog || all}>
          {all ? <><Icon name="done" size={14} /> {t('sidebar.logged')}</> : loggedCount > 0 ? (total - loggedCount === 1 ? t('sidebar.logNewOne') : t('sidebar.logNew', { count: total - loggedCount })) : t('sidebar.logEmail')}
        </button>
      )}
      <span className="tl-log-status" role="status">
        {loggedCount > 0
          ? t(total === 1 ? 'sidebar.loggedCountOne' : 'sidebar.loggedCount', { logged: loggedCount, total })
          : canLog || !canWrite
            ? t('sidebar.notLogged')
            : t('sidebar.addContactToLog')}
      </span>
      {error && <div role="alert" className="tl-error">{error}</div>}
      {/* The top of the sidebar: the one place it says why the actions are missing. */}
      <ViewOnlyNote canWrite={canWrite} />
    </div>
  );
}
