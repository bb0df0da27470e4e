import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../i18n';
import { DealsSection } from '../../../components/sidebar/DealsSection';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { loadFolderSchema } from '../../../storage/folders/schema';
import { findDealsToLink, linkThreadPrivately } from '../../../storage/threads/threads';
import { threadLinksFor } from '../../../storage/queries/queries';
import { createRecord } from '../../../storage/write/records';
import type { CrmRecord } from '../../../storage/model/entities';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

vi.setConfig({ testTimeout: 60_000 });
const { deals, contacts } = PRESET_FOLDER_IDS;
const THREAD = 'th-picker';

async function seed() {
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_emails: ['ana@acme.es'] });
  const made: CrmRecord[] = [];
  for (const name of ['Globex pilot', 'Globex renewal', 'Initech expansion']) {
    made.push(await createRecord(db, deals, { fd_name: name, fd_stage: { pipelineId: DEFAULT_PIPELINE_ID, stageId: 'new' }, ...(name === 'Initech expansion' ? { fd_mainContact: [ana.id] } : {}) }));
  }
  return made;
}

/** The section as the panel renders it: the linked deals read again after every change. */
async function renderSection() {
  const schema = await loadFolderSchema(db, deals);
  const linked = async () => (await db.records.bulkGet((await threadLinksFor(db, THREAD)).map((l) => l.recordId))).filter((r): r is CrmRecord => !!r);
  const ui = async () => (
    <DealsSection threadId={THREAD} subject="Pilot" linkedDeals={await linked()} otherDeals={[]} contactIds={[]} companyIds={[]} pipelines={schema.pipelines} fields={schema.fields} />
  );
  const view = renderWithDb(await ui());
  return { refresh: async () => view.rerender(await ui()) };
}

describe('linking a thread to deals found by search', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('finds any deal of the workspace by name, without those already linked', async () => {
    const [globex] = await seed();
    expect((await findDealsToLink(db, THREAD, 'globex')).map((h) => h.title).sort()).toEqual(['Globex pilot', 'Globex renewal']);
    expect(await findDealsToLink(db, THREAD, '  ')).toEqual([]);
    await linkThreadPrivately(db, THREAD, globex!.id);
    expect((await findDealsToLink(db, THREAD, 'globex')).map((h) => h.title)).toEqual(['Globex renewal']);
  });

  it('links two deals in a row from the keyboard and the mouse, then unlinks one', async () => {
    await seed();
    const { refresh } = await renderSection();
    const box = screen.getByRole('combobox', { name: 'Find a deal to link' });
    await userEvent.type(box, 'glob');
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}');
    const second = within(list).getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    const chosen = second.textContent;
    await userEvent.keyboard('{Enter}');
    await waitFor(async () => expect(await threadLinksFor(db, THREAD)).toHaveLength(1));
    expect(screen.getByRole('status')).toHaveTextContent(`Linked to ${chosen}.`);
    expect(box).toHaveValue('');

    await userEvent.type(box, 'initech');
    await userEvent.click(await screen.findByRole('option', { name: /Initech expansion/ }));
    await waitFor(async () => expect(await threadLinksFor(db, THREAD)).toHaveLength(2));
    await refresh();
    expect(screen.getAllByRole('article', { name: /^Deal / }).map((a) => a.getAttribute('aria-label')).sort()).toEqual([`Deal ${chosen}`, 'Deal Initech expansion'].sort());

    await userEvent.click(within(screen.getByRole('article', { name: 'Deal Initech expansion' })).getByRole('button', { name: 'Unlink thread' }));
    await waitFor(async () => expect(await threadLinksFor(db, THREAD)).toHaveLength(1));
    await refresh();
    expect(screen.queryByRole('article', { name: 'Deal Initech expansion' })).toBeNull();
  });

  it('says when nothing matches, and Escape closes the list', async () => {
    await seed();
    await renderSection();
    const box = screen.getByRole('combobox', { name: 'Find a deal to link' });
    await userEvent.type(box, 'zzz');
    expect(await screen.findByText('No deal matches.')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });
});
