import { lazy, Suspense, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * What the sidebar shows only once the rep acts (the activity composer, the new-deal form, a
 * field's editor, the mandatory-field and lost-reason asks) loads apart from the thread card: the
 * frame boots beside every Gmail tab, and those forms (pickers, every field type's editor) were
 * about a third of its JavaScript. They are fetched once the frame is idle (`preloadSidebarParts`),
 * so a click rarely sees the busy state.
 */
const loaders = {
  composer: () => import('./Composer'),
  newDeal: () => import('./NewDealForm'),
  fieldEditor: () => import('../fields/FieldEditor'),
  missingFields: () => import('../mandatory/MissingFieldsForm'),
  lostReason: () => import('../mandatory/LostReasonAsk'),
};

export const LazyComposer = lazy(() => loaders.composer().then((m) => ({ default: m.Composer })));
export const LazyNewDealForm = lazy(() => loaders.newDeal().then((m) => ({ default: m.NewDealForm })));
export const LazyFieldEditor = lazy(() => loaders.fieldEditor().then((m) => ({ default: m.FieldEditor })));
export const LazyMissingFieldsForm = lazy(() => loaders.missingFields().then((m) => ({ default: m.MissingFieldsForm })));
export const LazyLostReasonAsk = lazy(() => loaders.lostReason().then((m) => ({ default: m.LostReasonAsk })));

/** The composer's module, for a request that must reach its note box (ThreadPanel's shortcut). */
export const composerLoaded = (): Promise<unknown> => loaders.composer();

/**
 * A lazy part's place while it loads: an indeterminate progress bar to assistive technology,
 * blank on screen, so a thread shown from memory never flashes a "Loading…" under its card. Not a
 * status region: the card's own status (the email's log state) must stay the only one.
 */
export function Later({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  const Tag = inline ? 'span' : 'div';
  return <Suspense fallback={<Tag role="progressbar" aria-busy="true" aria-label={t('common.loading')} className="tl-lazy" />}>{children}</Suspense>;
}

let preloading = false;

/** Fetches every lazy part once the frame has nothing else to do (the first thread shown). */
export function preloadSidebarParts(): void {
  if (preloading) return;
  preloading = true;
  const run = () => {
    for (const load of Object.values(loaders)) void load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 200);
}
