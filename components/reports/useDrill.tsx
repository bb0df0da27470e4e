import { useState } from 'react';
import { createDrillView, drillTargets, type DrillTarget } from '../../storage/reports/drilldown';
import { t } from '../../i18n';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { openView } from './navigation';

/** The records behind one figure, and what to call the saved view that shows them. */
export type Drill = { name: string; recordIds: string[] };

/**
 * Drilling saves a view of the figure's records and opens it. Figures over several folders
 * (activities touch contacts and deals) first ask which folder to open.
 */
export function useDrill() {
  const db = useDb();
  const [choice, setChoice] = useState<{ name: string; targets: DrillTarget[] }>();
  const [error, setError] = useState<string>();

  async function open(name: string, target: DrillTarget) {
    try {
      openView(await createDrillView(db, target.folderId, name, target.recordIds));
    } catch (e) {
      setError(describeError(e).join(' '));
    }
  }

  async function drill(d: Drill | undefined) {
    setError(undefined);
    if (!d || d.recordIds.length === 0) return;
    const targets = await drillTargets(db, d.recordIds);
    if (targets.length === 1) await open(d.name, targets[0]!);
    else if (targets.length > 1) setChoice({ name: d.name, targets });
  }

  const ui = (
    <>
      {error && (
        <p role="alert" className="tl-error">
          {error}
        </p>
      )}
      {choice && (
        <div role="dialog" aria-label={t('reports.drill.choose')} className="tl-rp-choice">
          <span>{t('reports.drill.choose')}</span>
          {choice.targets.map((target) => (
            <button key={target.folderId} type="button" onClick={() => void open(`${choice.name} (${target.folderName})`, target)}>
              {t('reports.drill.folder', { folder: target.folderName, count: target.count })}
            </button>
          ))}
          <button type="button" onClick={() => setChoice(undefined)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </>
  );
  return { drill, ui };
}
