import type { BackupProblem, BackupTable } from '../../storage/backup/format';
import { t } from '../../i18n';
import { describeProblem } from '../errors';
import { formatCount } from '../format';

export function tableLabel(table: BackupTable): string {
  return t(`backup.table.${table}`);
}

/** Why a file cannot be restored, in the user's language. */
export function describeBackupProblem(p: BackupProblem): string {
  switch (p.code) {
    case 'notJson':
      return t('backup.problem.notJson');
    case 'foreign':
      return t('backup.problem.foreign');
    case 'newerVersion':
      return t('backup.problem.newerVersion', { version: p.version });
    case 'damaged':
      return t('backup.problem.damaged', { row: formatCount(p.row), table: tableLabel(p.table), detail: p.detail });
    case 'badValue':
      return t('backup.problem.badValue', { row: formatCount(p.row), field: p.field, problem: describeProblem({ code: p.issue, params: p.params }) });
    case 'orphanRecord':
      return t('backup.problem.orphanRecord', { row: formatCount(p.row) });
    case 'duplicateId':
      return t('backup.problem.duplicateId', { table: tableLabel(p.table), id: p.id });
  }
}
