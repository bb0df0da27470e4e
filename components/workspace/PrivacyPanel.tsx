import { useState, type FormEvent } from 'react';
import { findRecordsByEmails } from '../../storage/queries/queries';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import type { CrmRecord } from '../../storage/model/entities';
import { eraseContact, exportContact } from '../../storage/privacy/gdpr';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from './useWorkspaceRole';
import { ViewOnlyNote } from './ViewOnlyNote';

/** Download as a file the browser saves: a Blob URL, never a data URL built from contact text. */
function download(name: string, json: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GDPR: export everything about a contact as JSON, or erase them (and their history) everywhere. */
export function PrivacyPanel({ confirm = (q: string) => window.confirm(q) }: { confirm?: (question: string) => boolean }) {
  const db = useDb();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<CrmRecord[] | undefined>();
  const [message, setMessage] = useState('');
  const canWrite = useCanWrite();

  async function find(e: FormEvent) {
    e.preventDefault();
    setMessage('');
    setFound((await findRecordsByEmails(db, [email])).filter((r) => r.folderId === PRESET_FOLDER_IDS.contacts));
  }

  async function erase(record: CrmRecord) {
    const name = record.title || record.id;
    if (!confirm(t('sync.gdpr.eraseConfirm', { name }))) return;
    try {
      const done = await eraseContact(db, record.id);
      setMessage(t('sync.gdpr.erased', { name, ...done }));
      // The others found stay; with none left the list goes, rather than saying no one has the address.
      setFound((list) => {
        const rest = list?.filter((r) => r.id !== record.id);
        return rest?.length ? rest : undefined;
      });
    } catch (err) {
      setMessage(describeError(err).join(' '));
    }
  }

  return (
    <section aria-labelledby="tl-gdpr-title">
      <h2 id="tl-gdpr-title">{t('sync.gdpr.title')}</h2>
      <p>{t('sync.gdpr.help')}</p>
      <ViewOnlyNote canWrite={canWrite} />
      <form className="tl-inline" onSubmit={(e) => void find(e)}>
        <label>
          {t('sync.gdpr.email')} <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <button type="submit">{t('sync.gdpr.find')}</button>
      </form>
      {found?.length === 0 && <p>{t('sync.gdpr.notFound')}</p>}
      <ul>
        {found?.map((r) => (
          <li key={r.id}>
            <button type="button" onClick={() => void exportContact(db, r.id).then((data) => download(`threadline-${r.id}.json`, data))}>
              {t('sync.gdpr.export', { name: r.title || r.id })}
            </button>{' '}
            {canWrite && (
              <button type="button" onClick={() => void erase(r)}>
                {t('sync.gdpr.erase', { name: r.title || r.id })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
