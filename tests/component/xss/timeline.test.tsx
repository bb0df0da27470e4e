import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { Timeline } from '../../../components/timeline/Timeline';
import { addCall, addNote, addTask } from '../../../storage/activities/activities';
import { db } from '../../support/db';
import type { Pipeline } from '../../../storage/model/entities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { LONG_WORD, XSS_CORPUS } from '../../fixtures/xss-corpus';
import { resetDb } from '../../support/db';
import { expectInert, expectSafeLinks, holdersOf, installStyles } from './support';
import { renderWithDb } from '../../support/render';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * The history timeline, shared by the sidebar and the record page: notes, tasks and calls that a
 * co-member wrote, and stage names that came with a synced pipeline, all as text.
 */
let removeStyles: () => void;
beforeAll(() => {
  removeStyles = installStyles('components/theme.css', 'components/sidebar/sidebar.css');
});
afterAll(() => removeStyles());
beforeEach(async () => {
  await resetDb();
  setLocale('en');
  delete (window as { __pwned?: unknown }).__pwned;
});

describe('timeline: hostile history renders as inert text', () => {
  const chunks = [XSS_CORPUS.slice(0, 18), XSS_CORPUS.slice(18, 36), XSS_CORPUS.slice(36)];

  it.each(chunks.map((c, i) => [i, c] as const))('notes, tasks and calls, chunk %i of the corpus', async (_i, payloads) => {
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    const shown = payloads.filter((p) => p.trim() !== '');
    // Three kinds of entry, one payload each, within the timeline's first page of 20.
    for (const [k, p] of shown.slice(0, 18).entries()) {
      if (k % 3 === 0) await addNote(db, [contact.id], p);
      else if (k % 3 === 1) await addTask(db, [contact.id], p);
      else await addCall(db, [contact.id], p, 'connected');
    }
    const pipelines = await db.pipelines.toArray();
    const { container } = renderWithDb(<Timeline recordIds={[contact.id]} pipelines={pipelines} />);
    await screen.findByRole('list', { name: 'History' });
    await waitFor(() => {
      for (const p of shown.slice(0, 18)) expect(holdersOf(container, p.trim()).length, p).toBeGreaterThan(0);
    });
    expectInert(container);
    expectSafeLinks(container);
  });

  it('stage names from a synced pipeline, and long words, are text that wraps', async () => {
    const [sales] = await db.pipelines.toArray();
    const hostile: Pipeline[] = [{ ...sales!, stages: sales!.stages.map((s, i) => ({ ...s, name: `${XSS_CORPUS[i]}` })) }];
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: 'Deal', fd_stage: { pipelineId: sales!.id, stageId: sales!.stages[0]!.id } });
    await addNote(db, [deal.id], LONG_WORD);
    const { container } = renderWithDb(<Timeline recordIds={[deal.id]} pipelines={hostile} />);
    await screen.findByRole('list', { name: 'History' });
    await waitFor(() => expect(holdersOf(container, LONG_WORD).length).toBeGreaterThan(0));
    expectInert(container, [LONG_WORD]);
  });
});
