import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordPage } from '../../../components/crm/RecordPage';
import { ActivityComposer } from '../../../components/activities/ActivityComposer';
import { localInputValue, whenToStore } from '../../../components/activities/formParts';
import { setLocale } from '../../../i18n';
import { addNote } from '../../../storage/activities/activities';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import type { ActivityOf } from '../../../storage/model/entities';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';
import { renderWithDb } from '../../support/render';

const { contacts, companies } = PRESET_FOLDER_IDS;

// This machine is shared: the limit bounds a hang, it times nothing.
vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
  await resetDb();
  setLocale('en');
});

async function acme() {
  const company = await createRecord(db, companies, { fo_name: 'Acme', fo_domain: 'acme.io' });
  const ana = await createRecord(db, contacts, { fc_firstName: 'Ana', fc_lastName: 'Ruiz', fc_emails: ['ana@acme.io'], fc_company: [company.id] });
  const bo = await createRecord(db, contacts, { fc_firstName: 'Bo', fc_lastName: 'Lind', fc_emails: ['bo@acme.io'], fc_company: [company.id] });
  return { company, ana, bo };
}

const stored = async <K extends 'call' | 'meeting' | 'note'>(kind: K) => (await db.activities.toArray()).filter((a): a is ActivityOf<K> => a.kind === kind);

describe('activity forms', () => {
  it('logs a call with its outcome, duration and note on Ctrl+Enter, and the history says so', async () => {
    const { ana } = await acme();
    renderWithDb(<RecordPage recordId={ana.id} />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Call' }));
    const form = screen.getByRole('form', { name: 'Call' });
    // A contact's own page does not ask whom the call was with.
    expect(within(form).queryByRole('combobox', { name: 'Called' })).toBeNull();
    // The workspace's list is read live: wait for it before picking.
    await within(form).findByRole('option', { name: 'Left voicemail' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Outcome' }), 'Left voicemail');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Duration (min)' }), '4');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Call back Friday{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await stored('call')).toHaveLength(1));
    expect((await stored('call'))[0]).toMatchObject({ outcome: 'leftVoicemail', durationMin: 4, body: 'Call back Friday', recordIds: [ana.id] });
    const history = await screen.findByRole('list', { name: 'History' });
    await within(history).findByText(/Call: .*Left voicemail/);
    expect(within(history).getByText(/4 min/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveValue('');
  });

  it('logs a meeting on a company with attendees picked from its people, shown in each one’s history', async () => {
    const { company, ana, bo } = await acme();
    renderWithDb(<RecordPage recordId={company.id} />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Meeting' }));
    const form = screen.getByRole('form', { name: 'Meeting' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Kick-off');
    const when = within(form).getByLabelText('When');
    await userEvent.clear(when);
    await userEvent.type(when, '2026-03-04T10:30');
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Ana Ruiz' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Log meeting' }));
    await waitFor(async () => expect(await stored('meeting')).toHaveLength(1));
    const [meeting] = await stored('meeting');
    expect(meeting).toMatchObject({ title: 'Kick-off', durationMin: 30, attendeeIds: [ana.id], at: new Date('2026-03-04T10:30').getTime() });
    expect(meeting!.recordIds.sort()).toEqual([company.id, ana.id].sort());
    expect(meeting!.recordIds).not.toContain(bo.id);
    // The company's history shows it once, and whose else it is.
    const history = await screen.findByRole('list', { name: 'History' });
    const entry = (await within(history).findByText(/Meeting: .*Kick-off/)).closest('li')!;
    expect(within(entry).getByText(/on .*Ana Ruiz/)).toBeInTheDocument();
    expect(await within(entry).findByText(/with .*Ana Ruiz/)).toBeInTheDocument();
  });

  it('filters a long attendee list, keeping ticked people in view', async () => {
    const { company } = await acme();
    for (let i = 0; i < 8; i++) await createRecord(db, contacts, { fc_firstName: `Zoe${i}`, fc_company: [company.id] });
    renderWithDb(<RecordPage recordId={company.id} />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Meeting' }));
    const form = screen.getByRole('form', { name: 'Meeting' });
    await userEvent.click(await within(form).findByRole('checkbox', { name: 'Ana Ruiz' }));
    await userEvent.type(within(form).getByRole('searchbox', { name: 'Find a person' }), 'zoe3');
    const names = within(within(form).getByRole('group', { name: 'Attendees' })).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label') ?? c.parentElement!.textContent);
    expect(names).toEqual(['Ana Ruiz', 'Zoe3']);
  });

  it('refuses a duration out of range in the user’s words and keeps what was typed', async () => {
    const { ana } = await acme();
    renderWithDb(<ActivityComposer target={{ recordIds: [ana.id], people: [{ id: ana.id, title: 'Ana Ruiz' }] }} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Call' }));
    const form = screen.getByRole('form', { name: 'Call' });
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Duration (min)' }), '2000');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Long one');
    await userEvent.click(within(form).getByRole('button', { name: 'Log call' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The duration is a number of minutes from 0 to 1440.');
    expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveValue('Long one');
    expect(await stored('call')).toHaveLength(0);
  });

  it('an admin edits the outcome list; the new outcome is offered, logged and shown by its label', async () => {
    const { ana } = await acme();
    renderWithDb(<RecordPage recordId={ana.id} />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Call' }));
    const form = screen.getByRole('form', { name: 'Call' });
    await userEvent.click(within(form).getByRole('button', { name: 'Edit outcomes' }));
    const editor = within(form).getByRole('group', { name: 'Call outcomes' });
    await userEvent.click(within(editor).getByRole('button', { name: 'Remove Wrong number' }));
    // Enter in the box adds the outcome; it does not log the call.
    await userEvent.type(within(editor).getByRole('textbox', { name: 'New outcome' }), 'Demo booked{Enter}');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save outcomes' }));
    const outcome = within(form).getByRole('combobox', { name: 'Outcome' });
    await waitFor(() => expect(within(outcome).getByRole('option', { name: 'Demo booked' })).toBeInTheDocument());
    expect(within(outcome).queryByRole('option', { name: 'Wrong number' })).toBeNull();
    expect(await stored('call')).toHaveLength(0);
    await userEvent.selectOptions(outcome, 'Demo booked');
    await userEvent.click(within(form).getByRole('button', { name: 'Log call' }));
    await within(await screen.findByRole('list', { name: 'History' })).findByText(/Call: .*Demo booked/);
    expect((await stored('call'))[0]).toMatchObject({ outcome: 'demo-booked' });
  });

  it('adds a note with Cmd+Enter, in Spanish', async () => {
    setLocale('es');
    const { ana } = await acme();
    renderWithDb(<ActivityComposer target={{ recordIds: [ana.id], people: [] }} />);
    const form = screen.getByRole('form', { name: 'Nota' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Nota' }), 'Quiere descuento{Meta>}{Enter}{/Meta}');
    await waitFor(async () => expect((await stored('note')).map((n) => n.body)).toEqual(['Quiere descuento']));
    expect(within(form).getByText('Guardado.')).toBeInTheDocument();
  });
});

describe('when a call or meeting happened', () => {
  it('the untouched default is the present to the millisecond; a picked minute is that minute', () => {
    const now = new Date(2026, 2, 4, 10, 30, 17, 250).getTime();
    expect(whenToStore(localInputValue(now), now)).toBe(now);
    expect(whenToStore('2026-03-04T09:15', now)).toBe(new Date(2026, 2, 4, 9, 15).getTime());
    expect(whenToStore('', now)).toBeUndefined();
  });
});

describe('record page history', () => {
  it('a company page shows its people’s entries, each saying whose it is', async () => {
    const { company, ana, bo } = await acme();
    await addNote(db, [ana.id], 'Ana asked for a demo');
    await addNote(db, [bo.id], 'Bo is the budget holder');
    renderWithDb(<RecordPage recordId={company.id} />);
    const history = await screen.findByRole('list', { name: 'History' });
    const ana1 = (await within(history).findByText('Ana asked for a demo')).closest('li')!;
    expect(within(ana1).getByText(/on .*Ana Ruiz/)).toBeInTheDocument();
    const bo1 = within(history).getByText('Bo is the budget holder').closest('li')!;
    expect(within(bo1).getByText(/on .*Bo Lind/)).toBeInTheDocument();
    expect(screen.queryByText('No history yet.')).toBeNull();
  });
});
