import { useEffect, useState, type FormEvent } from 'react';
import type { ActiveWorkspace, Role } from '../../sync/state';
import type { Member, WorkspaceService } from '../../sync/workspaces';
import { t } from '../../i18n';
import { saveUserDirectory } from '../../storage/workspace/members';
import { useDb } from '../shell/DbProvider';

const ASSIGNABLE = ['admin', 'member', 'viewer'] as const;
export const roleLabel = (role: Role) => t(`sync.role.${role}`);

/** Members of the active workspace; owners and admins invite, change roles and remove (rules enforce the same). */
export function MembersPanel({ service, workspace, onError }: { service: WorkspaceService; workspace: ActiveWorkspace; onError: (e: unknown) => void }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof ASSIGNABLE)[number]>('member');
  const [sent, setSent] = useState('');
  const canManage = workspace.role === 'owner' || workspace.role === 'admin';
  const db = useDb();
  // Kept on the device too, so owner pickers offer these people without reaching the server.
  const reload = () => service.members(workspace.id).then((list) => {
    setMembers(list);
    void saveUserDirectory(db, workspace.id, list).catch(onError);
  }, onError);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the workspace changes, not on every render's new closure
  useEffect(() => void reload(), [workspace.id]);

  async function invite(e: FormEvent) {
    e.preventDefault();
    try {
      await service.invite(workspace.id, email, role);
      setSent(t('sync.ws.invited', { email }));
      setEmail('');
    } catch (err) {
      onError(err);
    }
  }

  const act = (run: () => Promise<void>) => void run().then(reload, onError);

  return (
    <section aria-labelledby="tl-members-title">
      <h2 id="tl-members-title">{t('sync.ws.members')}</h2>
      <ul>
        {members.map((m) => (
          <li key={m.uid}>
            <span>{m.email}</span>{' '}
            {canManage && m.role !== 'owner' ? (
              <>
                <select aria-label={t('sync.ws.roleOf', { email: m.email })} value={m.role} onChange={(e) => act(() => service.setRole(workspace.id, m.uid, e.target.value as (typeof ASSIGNABLE)[number]))}>
                  {ASSIGNABLE.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                </select>{' '}
                <button type="button" onClick={() => act(() => service.remove(workspace.id, m.uid))}>{t('sync.ws.remove', { email: m.email })}</button>
              </>
            ) : (
              <span>{roleLabel(m.role)}</span>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form className="tl-inline" onSubmit={(e) => void invite(e)}>
          <label>
            {t('sync.ws.inviteEmail')} <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t('sync.ws.role')}{' '}
            <select value={role} onChange={(e) => setRole(e.target.value as (typeof ASSIGNABLE)[number])}>
              {ASSIGNABLE.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
          </label>
          <button type="submit">{t('sync.ws.invite')}</button>
        </form>
      )}
      {sent && <p role="status">{sent}</p>}
    </section>
  );
}
