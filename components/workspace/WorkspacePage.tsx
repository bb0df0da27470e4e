import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import type { ThreadlineDB } from '../../storage/db/db';
import { firebaseConfig } from '../../sync/config';
import { activeWorkspace, type ActiveWorkspace } from '../../sync/state';
import type { Account, Invite, WorkspaceService } from '../../sync/workspaces';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { BackupPanel } from './BackupPanel';
import { LanguageSetting } from './LanguageSetting';
import { MembersPanel, roleLabel } from './MembersPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { RefusedChanges } from './RefusedChanges';

export type WorkspacePageProps = {
  /** The Firebase-backed service (sync/workspaces.ts); absent in a build without sync settings. */
  service?: WorkspaceService;
  confirm?: (question: string) => boolean;
};

/**
 * Sign in, create a shared workspace from the local one, join by invitation, switch, leave,
 * members and roles, refused changes, and the GDPR tools (which work without sync too).
 */
export function WorkspacePage({ service, confirm = (q) => window.confirm(q) }: WorkspacePageProps) {
  return (
    <div className="tl-workspace">
      <h1>{t('sync.ws.title')}</h1>
      <LanguageSetting />
      {service ? <SharedWorkspace service={service} confirm={confirm} /> : <p>{t('sync.ws.notConfigured')}</p>}
      <BackupPanel />
      <PrivacyPanel confirm={confirm} />
    </div>
  );
}

function SharedWorkspace({ service, confirm }: { service: WorkspaceService; confirm: (q: string) => boolean }) {
  const [account, setAccount] = useState<Account | null | undefined>();
  const db = useDb();
  const [error, setError] = useState('');
  const active = useLiveQuery(() => activeWorkspace(db), [db]);
  useEffect(() => service.watchAccount(setAccount), [service]);
  const fail = (e: unknown) => setError(t('sync.ws.failed', { reason: describeError(e).join(' ') }));
  const run = (work: () => Promise<unknown>) => {
    setError('');
    void work().catch(fail);
  };

  if (account === undefined) return <p>{t('common.loading')}</p>;
  return (
    <>
      {error && <p role="alert" className="tl-error">{error}</p>}
      {account ? (
        <p>
          {t('sync.ws.signedInAs', { email: account.email })}{' '}
          <button type="button" onClick={() => run(() => service.signOut())}>{t('sync.ws.signOut')}</button>
        </p>
      ) : (
        <>
          <p>{t('sync.ws.signedOutHelp')}</p>
          <button type="button" onClick={() => run(() => service.signIn())}>{t('sync.ws.signIn')}</button>
        </>
      )}
      <p>{active ? t('sync.ws.active', { name: active.name, role: roleLabel(active.role) }) : t('sync.ws.localOnly')}</p>
      {account && <Workspaces service={service} active={active} confirm={confirm} run={run} />}
      {account && active && <MembersPanel service={service} workspace={active} onError={fail} />}
      <RefusedChanges />
    </>
  );
}

type ListProps = { service: WorkspaceService; active: ActiveWorkspace | undefined; confirm: (q: string) => boolean; run: (work: () => Promise<unknown>) => void };

function Workspaces({ service, active, confirm, run }: ListProps) {
  const [mine, setMine] = useState<ActiveWorkspace[]>([]);
  const [invites, setInvites] = useState<Invite[]>([]);
  const [name, setName] = useState('');
  const reload = () => run(async () => {
    setMine(await service.myWorkspaces());
    setInvites(await service.myInvites());
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the service or active workspace changes, not on every new closure
  useEffect(reload, [service, active?.id]);

  function create(e: FormEvent) {
    e.preventDefault();
    run(async () => {
      await service.create(name);
      setName('');
      reload();
    });
  }
  const others = mine.filter((w) => w.id !== active?.id);

  return (
    <>
      {invites.length > 0 && (
        <section aria-labelledby="tl-invites-title">
          <h2 id="tl-invites-title">{t('sync.ws.invites')}</h2>
          {invites.map((i) => (
            <button key={i.workspaceId} type="button" onClick={() => confirm(t('sync.ws.switchConfirm', { name: i.workspaceName })) && run(() => service.accept(i))}>
              {t('sync.ws.accept', { name: i.workspaceName, role: roleLabel(i.role) })}
            </button>
          ))}
        </section>
      )}
      {(others.length > 0 || active) && (
        <section aria-labelledby="tl-yours-title">
          <h2 id="tl-yours-title">{t('sync.ws.yours')}</h2>
          <ul>
            {others.map((w) => (
              <li key={w.id}>
                <button type="button" onClick={() => confirm(t('sync.ws.switchConfirm', { name: w.name })) && run(() => service.switchTo(w))}>{t('sync.ws.switch', { name: w.name })}</button>
              </li>
            ))}
            {active && active.role !== 'owner' && (
              <li>
                <button type="button" onClick={() => confirm(t('sync.ws.leaveConfirm', { name: active.name })) && run(() => service.leave(active.id))}>{t('sync.ws.leave', { name: active.name })}</button>
              </li>
            )}
          </ul>
        </section>
      )}
      {!active && (
        <form className="tl-form" aria-labelledby="tl-create-title" onSubmit={create}>
          <h2 id="tl-create-title">{t('sync.ws.create')}</h2>
          <p>{t('sync.ws.createHelp')}</p>
          <label>
            {t('sync.ws.name')} <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit">{t('sync.ws.createAndUpload')}</button>
        </form>
      )}
    </>
  );
}

/** The service of this build, loaded only when sync is configured (Firebase stays out of local builds' pages). */
export async function loadWorkspaceService(db: ThreadlineDB): Promise<WorkspaceService | undefined> {
  const config = firebaseConfig();
  if (!config) return undefined;
  const { firebaseWorkspaces } = await import('../../sync/workspaces');
  return firebaseWorkspaces(db, config);
}

/** WorkspacePage wired to this build's configuration: what the CRM page mounts. */
export function ConfiguredWorkspacePage() {
  const db = useDb();
  const [service, setService] = useState<WorkspaceService | undefined | null>(null);
  useEffect(() => void loadWorkspaceService(db).then(setService), [db]);
  return service === null ? <p>{t('common.loading')}</p> : <WorkspacePage service={service} />;
}
