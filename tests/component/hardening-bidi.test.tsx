import { screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../support/render';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardView } from '../../components/crm/BoardView';
import { RecordPage } from '../../components/crm/RecordPage';
import { TableView } from '../../components/crm/TableView';
import { FSI, PDI, setLocale } from '../../i18n';
import { AddContactForm, ContactCard } from '../../components/sidebar/PersonCard';
import { Timeline } from '../../components/timeline/Timeline';
import { addTask, logEmail } from '../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { createRecord } from '../../storage/write/records';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb } from '../support/db';
import { withTableScrollHeight } from '../support/layout';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * A RIGHT-TO-LEFT OVERRIDE (U+202E) in a name reverses everything after it in the same paragraph
 * unless the name sits in its own isolate: <bdi>, an element with dir="auto", or FSI…PDI marks.
 */
const RLO = '\u202E';
const EVIL = `Eve${RLO}gnp.exe`;

/** The element holding `text` as its own text, and whether it isolates its content. */
function holder(root: HTMLElement, text: string): HTMLElement {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent === text) return node.parentElement!;
  }
  throw new Error(`no text node is exactly ${JSON.stringify(text)}`);
}
const isolates = (el: Element) => el.tagName === 'BDI' || el.getAttribute('dir') === 'auto';

beforeEach(async () => {
  await resetDb();
  setLocale('en');
});

withTableScrollHeight();

describe('sidebar cards: each outside text in its own isolate', () => {
  it('a contact whose position holds an override: name, company and position are each their own isolate', async () => {
    const company = await createRecord(db, PRESET_FOLDER_IDS.companies, { fo_name: 'Acme' });
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: EVIL, fc_position: `CTO${RLO}`, fc_company: [company.id], fc_emails: ['eve@acme.es'] });
    const { fields, pipelines } = await loadFolderSchema(db, PRESET_FOLDER_IDS.contacts);
    const { container } = renderWithDb(<ContactCard contact={contact} companies={[company]} fields={fields} pipelines={pipelines} canWrite />);
    expect(isolates(holder(container, contact.title))).toBe(true);
    expect(isolates(holder(container, `CTO${RLO}`))).toBe(true);
    expect(isolates(holder(container, 'Acme'))).toBe(true);
    expect(isolates(holder(container, 'eve@acme.es'))).toBe(true);
  });

  it('an unknown participant: the name is isolated from the address that follows it', async () => {
    const { container } = renderWithDb(<AddContactForm participant={{ name: EVIL, email: 'eve@evil.example' }} />);
    await screen.findByRole('button', { name: 'Add contact' });
    expect(isolates(holder(container, EVIL))).toBe(true);
    expect(isolates(holder(container, 'eve@evil.example'))).toBe(true);
    expect(holder(container, ' · ').closest('bdi')).toBeNull();
    // The form's name composes the address through t(): plain text, left bare.
    expect(screen.getByRole('form', { name: 'Add eve@evil.example as a contact' })).toBeInTheDocument();
  });
});

describe('timeline entries', () => {
  it('an email from an overriding name: the name is fenced by FSI…PDI, the subject after it intact', async () => {
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await logEmail(db, { threadId: 't1', messageId: 'm1', direction: 'received', from: { name: EVIL, email: 'eve@evil.example' }, to: [], cc: [], subject: 'Invoice', snippet: `body${RLO}`, date: 1 }, [contact.id]);
    const { container } = renderWithDb(<Timeline recordIds={[contact.id]} pipelines={[]} />);
    const title = await waitFor(() => {
      const el = container.querySelector('.tl-entry-title');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(title.textContent).toBe(`Email from ${FSI}${EVIL}${PDI}: Invoice`);
    expect(isolates(holder(container, `body${RLO}`))).toBe(true);
  });

  it('a task titled with an override: the title is its own isolate, the due date beside it intact', async () => {
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: 'Ana' });
    await addTask(db, [contact.id], `Call ${RLO}back`, Date.UTC(2030, 0, 15, 12));
    const { container } = renderWithDb(<Timeline recordIds={[contact.id]} pipelines={[]} />);
    await screen.findByRole('checkbox');
    const title = holder(container, `Call ${RLO}back`);
    expect(isolates(title)).toBe(true);
    const due = title.nextElementSibling!;
    expect(due.tagName).toBe('SMALL');
    expect(due.textContent).toMatch(/^ · due Jan 15, 2030$/);
  });
});

describe('record titles in tables, board cards and the record page', () => {
  it('table cells and board cards isolate each value and title', async () => {
    const schema = await loadFolderSchema(db, PRESET_FOLDER_IDS.deals);
    const deal = await createRecord(db, PRESET_FOLDER_IDS.deals, { fd_name: EVIL, fd_stage: { pipelineId: schema.pipelines[0]!.id, stageId: schema.pipelines[0]!.stages[0]!.id }, fd_product: `Pro${RLO}` });
    const columns = schema.fields.filter((f) => ['fd_name', 'fd_product'].includes(f.id));
    const table = renderWithDb(<TableView schema={schema} rows={[deal]} columns={columns} selected={new Set()} onSelect={() => undefined} sort={[]} onSort={() => undefined} />);
    // The virtualiser renders rows once it has measured the scroller.
    expect(isolates(await waitFor(() => holder(table.container, EVIL)))).toBe(true);
    expect(isolates(holder(table.container, `Pro${RLO}`))).toBe(true);
    table.unmount();
    const board = renderWithDb(<BoardView schema={schema} rows={[deal]} field={schema.fields.find((f) => f.id === 'fd_stage')!} />);
    await screen.findByRole('region', { name: 'Board' });
    // Board columns are virtualised too: their cards render once the column's scroller is measured.
    expect(isolates(await waitFor(() => holder(board.container, EVIL)))).toBe(true);
  });

  it('the record page heading isolates the title from the folder icon before it', async () => {
    const contact = await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: EVIL });
    const { container } = renderWithDb(<RecordPage recordId={contact.id} />);
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(isolates(holder(container, contact.title))).toBe(true);
    expect(heading.contains(holder(container, contact.title))).toBe(true);
  });
});
