import { useId, useState, type ChangeEvent } from 'react';
import { BACKUP_TABLES, parseBackup } from '../../storage/backup/format';
import { applyRestore, planRestore, type RestorePlan } from '../../storage/backup/restore';
import { t } from '../../i18n';
import { describeError } from '../errors';
import { formatCount, formatDateTime } from '../format';
import { useDb } from '../shell/DbProvider';
import { describeBackupProblem, tableLabel } from './backupWording';
import { FilePicker } from '../pickers/FilePicker';

type Step = { kind: 'idle' } | { kind: 'reading' } | { kind: 'planned'; plan: RestorePlan; exportedAt: number } | { kind: 'writing'; percent: number } | { kind: 'message'; text: string; alert?: boolean };

const pending = (plan: RestorePlan) => BACKUP_TABLES.reduce((n, table) => n + plan.summary[table].added + plan.summary[table].updated, 0);

/** Pick a file, see what restoring it would do, confirm: nothing is written before the confirmation. */
export function RestoreBackup() {
  const id = useId();
  const db = useDb();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setStep({ kind: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStep({ kind: 'message', text: t('backup.problem.unreadable'), alert: true });
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) return setStep({ kind: 'message', text: describeBackupProblem(parsed.problem), alert: true });
    const plan = await planRestore(db, parsed.backup);
    setStep(pending(plan) ? { kind: 'planned', plan, exportedAt: parsed.backup.exportedAt } : { kind: 'message', text: t('backup.nothing') });
  }

  async function restore(plan: RestorePlan) {
    setStep({ kind: 'writing', percent: 0 });
    try {
      await applyRestore(db, plan, (done, total) => setStep({ kind: 'writing', percent: Math.floor((100 * done) / Math.max(total, 1)) }));
      const sum = (k: 'added' | 'updated') => BACKUP_TABLES.reduce((n, table) => n + plan.summary[table][k], 0);
      setStep({ kind: 'message', text: t('backup.restored', { added: formatCount(sum('added')), updated: formatCount(sum('updated')) }) });
    } catch (e) {
      setStep({ kind: 'message', text: t('backup.failed', { reason: describeError(e).join(' ') }), alert: true });
    }
  }

  return (
    <div className="tl-restore">
      <label htmlFor={`${id}-file`}>{t('backup.restore')}</label>{' '}
      <FilePicker id={`${id}-file`} accept=".json,application/json" disabled={step.kind === 'reading' || step.kind === 'writing'} onChange={(e) => void pick(e)} />
      {step.kind === 'reading' && <p role="status">{t('backup.reading')}</p>}
      {step.kind === 'writing' && <p role="status">{t('backup.restoring', { percent: step.percent })}</p>}
      {step.kind === 'message' && <p role={step.alert ? 'alert' : 'status'} className={step.alert ? 'tl-error' : undefined}>{step.text}</p>}
      {step.kind === 'planned' && <PlanSummary plan={step.plan} exportedAt={step.exportedAt} onRestore={() => void restore(step.plan)} onCancel={() => setStep({ kind: 'idle' })} />}
    </div>
  );
}

function PlanSummary({ plan, exportedAt, onRestore, onCancel }: { plan: RestorePlan; exportedAt: number; onRestore: () => void; onCancel: () => void }) {
  return (
    <div>
      <p>{t('backup.plan', { date: formatDateTime(exportedAt) })}</p>
      <table className="tl-table">
        <thead>
          <tr>
            <th scope="col">{t('backup.col.table')}</th>
            <th scope="col">{t('backup.col.added')}</th>
            <th scope="col">{t('backup.col.updated')}</th>
            <th scope="col">{t('backup.col.kept')}</th>
          </tr>
        </thead>
        <tbody>
          {BACKUP_TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{tableLabel(table)}</th>
              <td>{formatCount(plan.summary[table].added)}</td>
              <td>{formatCount(plan.summary[table].updated)}</td>
              <td>{formatCount(plan.summary[table].kept)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={onRestore}>{t('backup.apply')}</button>{' '}
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </p>
    </div>
  );
}
