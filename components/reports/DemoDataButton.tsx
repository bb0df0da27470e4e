import { useState } from 'react';
import { t } from '../../i18n';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { seedDemoWorkspace } from './demoData';

export type DemoState = 'idle' | 'busy' | { error: string };

/**
 * Seeding writes a few dozen records one by one; the page keeps showing this (not the reports)
 * until the last one, so nobody reads half a demo and the reports render once.
 */
export function useDemoSeeding() {
  const db = useDb();
  const [state, setState] = useState<DemoState>('idle');
  const start = () => {
    setState('busy');
    seedDemoWorkspace(db).then(
      () => setState('idle'),
      (e: unknown) => setState({ error: describeError(e).join(' ') }),
    );
  };
  return { state, start };
}

/** Offered only on an empty workspace: fills it with a small demo through the write path. */
export function DemoDataButton({ state, onLoad, canWrite = true }: { state: DemoState; onLoad: () => void; canWrite?: boolean }) {
  return (
    <div className="tl-rp-card tl-rp-empty">
      <p>{t('reports.empty')}</p>
      {canWrite && (
        <button type="button" className="tl-primary" disabled={state === 'busy'} onClick={onLoad}>
          {state === 'busy' ? t('reports.demo.loading') : t('reports.demo.load')}
        </button>
      )}
      {typeof state === 'object' && (
        <p role="alert" className="tl-error">
          {state.error}
        </p>
      )}
    </div>
  );
}
