import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadReminderRules, newRuleId, saveReminderRules } from '../../storage/automations/store';
import type { ReminderRule } from '../../storage/reminders/reminderRules';
import { dueDateReminders, reminderDateFields } from '../../storage/reminders/dateReminders';
import { useFolders } from '../hooks';
import { useDb } from '../shell/DbProvider';
import { t, formatLocale } from '../../i18n';
import { dateTimeFormat } from '../../storage/model/intl';
import { describeError } from '../errors';
import { ErrorAlert } from '../crm/ErrorAlert';

const fmtDay = (iso: string) => dateTimeFormat(formatLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** "Notify me N days before <date field>" rules, and what is due today. */
export function ReminderRulesEditor() {
  const db = useDb();
  const folders = useFolders() ?? [];
  const saved = useLiveQuery(() => loadReminderRules(db), [db]);
  const dateFields = useLiveQuery(() => reminderDateFields(db), [db]) ?? [];
  const due = useLiveQuery(() => dueDateReminders(db), [db]);
  const [edited, setDraft] = useState<ReminderRule[]>();
  const [status, setStatus] = useState<{ errors: string[] } | 'saved' | undefined>();
  const draft = edited ?? saved;
  if (!draft) return <p aria-busy="true">{t('common.loading')}</p>;
  const edit = (i: number, patch: Partial<ReminderRule>) => {
    setDraft(draft.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setStatus(undefined);
  };
  const add = () => {
    const field = dateFields.find((f) => f.key === 'birthday') ?? dateFields[0];
    if (!field) return;
    setDraft([...draft, { id: newRuleId(), name: t('reminders.defaultName', { field: field.label }), folderId: field.folderId, fieldId: field.id, daysBefore: 3, yearly: true, enabled: true }]);
  };
  return (
    <section aria-labelledby="reminder-rules">
      <h3 id="reminder-rules">{t('reminders.title')}</h3>
      <p className="tl-rp-note">{t('reminders.intro')}</p>
      {draft.map((r, i) => (
        <fieldset key={r.id} className="tl-rp-rule" aria-label={r.name}>
          <label>
            {t('automation.name')}
            <input value={r.name} onChange={(e) => edit(i, { name: e.target.value })} />
          </label>
          <label>
            {t('reminders.daysBefore')}
            <input type="number" min={0} max={365} value={r.daysBefore} onChange={(e) => edit(i, { daysBefore: Number(e.target.value) })} />
          </label>
          <label>
            {t('reminders.field')}
            <select
              value={r.fieldId}
              onChange={(e) => {
                const f = dateFields.find((x) => x.id === e.target.value);
                if (f) edit(i, { fieldId: f.id, folderId: f.folderId });
              }}
            >
              {dateFields.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${folders.find((x) => x.id === f.folderId)?.name ?? ''} · ${f.label}`}
                </option>
              ))}
            </select>
          </label>
          <label className="tl-rp-check">
            <input type="checkbox" checked={r.yearly} onChange={(e) => edit(i, { yearly: e.target.checked })} />
            {t('reminders.yearly')}
          </label>
          <label className="tl-rp-check">
            <input type="checkbox" checked={r.enabled} onChange={(e) => edit(i, { enabled: e.target.checked })} />
            {t('automation.enabled')}
          </label>
          <button type="button" onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
            {t('automation.remove')}
          </button>
        </fieldset>
      ))}
      <div className="tl-actions">
        <button type="button" onClick={add} disabled={dateFields.length === 0}>
          {t('reminders.add')}
        </button>
        <button type="button" className="tl-primary" onClick={() => saveReminderRules(db, draft).then(() => setStatus('saved'), (e: unknown) => setStatus({ errors: describeError(e) }))}>
          {t('reminders.save')}
        </button>
        {status === 'saved' && <span role="status">{t('automation.saved')}</span>}
      </div>
      {typeof status === 'object' && <ErrorAlert errors={status.errors} />}
      {due && due.length > 0 && (
        <>
          <h4>{t('reminders.dueNow')}</h4>
          <ul aria-label={t('reminders.dueNow')}>
            {due.map((d) => (
              <li key={d.key}>{t('reminders.dueItem', { title: d.title, field: d.fieldLabel, date: fmtDay(d.occurrence), days: d.daysLeft })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
