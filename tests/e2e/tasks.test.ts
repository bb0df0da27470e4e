import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchInLanguage, openExtensionPage, readStore, removeProfile, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession } from './support/session';

/** The slice of the extension API an extension page asks about its alarms. */
type Alarms = { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
type Tl = { createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }> };
type StoredTask = { id: string; kind: string; title: string; due?: number; timed?: boolean; recordIds: string[] };

const SHOTS = '/tmp/shots-tasks';
mkdirSync(SHOTS, { recursive: true });
/** Into the e2e artifacts, and a copy where this change's screenshots are looked at. */
async function shot(page: Page, name: string, target?: Locator) {
  await screenshot(page, name);
  if (target) await target.screenshot({ path: join(SHOTS, `${name}.png`) });
  else await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}


/** The browser's own calendar day, as a date box takes it. */
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const tab = (page: Page, name: string) => page.getByRole('group', { name: 'When' }).getByRole('button', { name: new RegExp(`^${name}`) });

describe('tasks with a time, snooze, and lost deals with a reason, in Chromium', () => {
  const session = useExtensionSession();

  it('creates a task with a time from the Tasks page, snoozes it, and its reminder follows', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/tasks');
    await loadPageModules(page);
    await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      await tl.createRecord('folder_deals', { fd_name: 'Acme renewal', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'negotiation' }, fd_amount: { amount: 18000, currency: 'EUR' } });
    });
    await page.getByRole('heading', { level: 2, name: 'Tasks' }).waitFor();
    const form = page.getByRole('form', { name: 'New task' });
    await form.getByLabel('Task').fill('Call Acme about the renewal');
    const yesterday = new Date(Date.now() - 86_400_000);
    await form.getByLabel('Due date').fill(isoDay(yesterday));
    await form.getByLabel('Time (optional)').fill('10:00');
    await form.getByRole('combobox', { name: 'About (optional)' }).fill('acme');
    await page.getByRole('option', { name: /Acme renewal/ }).click();
    await shot(page, 'tasks-new-form', form);
    await form.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('status').filter({ hasText: 'Task added: Call Acme about the renewal' }).waitFor();

    const [task] = (await readStore<StoredTask>(page, 'activities')).filter((a) => a.kind === 'task');
    expect(task).toMatchObject({ title: 'Call Acme about the renewal', timed: true, due: new Date(yesterday.getFullYear(), yesterday.getMonth(), yesterday.getDate(), 10, 0).getTime() });
    expect(task!.recordIds).toHaveLength(1);

    // Opened again, the page starts on the first tab with a task in it.
    await page.reload();
    await expect.poll(() => tab(page, 'Overdue').getAttribute('aria-pressed')).toBe('true');
    const overdue = page.getByRole('list', { name: 'Overdue' });
    const row = overdue.getByRole('listitem').filter({ hasText: 'Call Acme about the renewal' });
    expect(await visible(row)).toBe(true);
    expect(await row.textContent()).toMatch(/10:00/);
    await row.getByRole('button', { name: 'Snooze Call Acme about the renewal' }).click();
    await shot(page, 'tasks-snooze-open');
    await row.getByRole('button', { name: /^Next week · / }).click();
    await page.getByRole('status').filter({ hasText: /^Call Acme about the renewal snoozed until / }).waitFor();
    await expect.poll(() => tab(page, 'Overdue').textContent()).toMatch(/0$/);

    const snoozed = (await readStore<StoredTask>(page, 'activities')).find((a) => a.id === task!.id)!;
    const due = new Date(snoozed.due!);
    expect([due.getDay(), due.getHours(), due.getMinutes(), snoozed.timed]).toEqual([1, 9, 0, true]);
    // The background arms the reminder at the new time of day.
    await expect
      .poll(() => page.evaluate((name) => (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get(name).then((a) => a?.scheduledTime), `threadline-task:${task!.id}`), { timeout: 20_000 })
      .toBe(snoozed.due);

    await tab(page, 'Upcoming').click();
    const upcoming = page.getByRole('list', { name: 'Upcoming' }).getByRole('listitem').filter({ hasText: 'Call Acme about the renewal' });
    expect(await visible(upcoming)).toBe(true);
    expect(await upcoming.textContent()).toMatch(/9:00|09:00/);
    await shot(page, 'tasks-snoozed-upcoming');
  });

  it('a deal dragged to Lost on the board asks why; the win-rate report counts it by reason', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/folder/folder_deals/view/view_deals_board');
    const board = page.getByRole('region', { name: 'Board' });
    const column = (name: string) => board.getByRole('region', { name, exact: true });
    const card = column('Negotiation').getByRole('button', { name: 'Acme renewal' });
    expect(await visible(card)).toBe(true);
    await card.focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: /Picked up Acme renewal\.|Acme renewal is over Negotiation\./ }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Acme renewal is over Won.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Acme renewal is over Lost.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');

    const ask = column('Negotiation').getByRole('form', { name: 'Lost reason for Acme renewal' });
    expect(await visible(ask)).toBe(true);
    const outcome = page.getByTestId('board-outcome');
    await expect.poll(() => outcome.textContent()).toBe('Acme renewal is moving to Lost: pick a lost reason on the card, or skip.');
    await ask.getByLabel('Lost reason').selectOption({ label: 'Chose a competitor' });
    await page.waitForFunction(() => !document.querySelector('[data-dnd-kit-drag-overlay]'));
    await shot(page, 'board-lost-reason-ask');
    await ask.getByRole('button', { name: 'Move to Lost' }).click();
    expect(await visible(column('Lost').getByRole('button', { name: 'Acme renewal' }))).toBe(true);
    await expect.poll(() => outcome.textContent()).toBe('Acme renewal moved to Lost.');
    const deal = (await readStore<{ title: string; values: Record<string, unknown> }>(page, 'records')).find((r) => r.title === 'Acme renewal')!;
    expect(deal.values).toMatchObject({ fd_stage: { pipelineId: 'pipeline_sales', stageId: 'lost' }, fd_lostReason: 'competitor' });
    await shot(page, 'board-lost-moved');

    await page.evaluate(() => (location.hash = '#/page/reports'));
    await page.getByRole('heading', { level: 2, name: 'Reports' }).waitFor();
    const section = page.getByRole('region', { name: 'Lost deals by reason' });
    expect(await visible(section)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'reports-lost-by-reason-chart', section);
    await section.getByRole('button', { name: 'Table' }).click();
    const reasonRow = section.getByRole('row').filter({ hasText: 'Chose a competitor' });
    expect(await visible(reasonRow)).toBe(true);
    expect((await reasonRow.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual(['Chose a competitor', '1', '100%', expect.stringMatching(/18[.,]000/)]);
    await shot(page, 'reports-lost-by-reason-table', section);
    await shot(page, 'reports-win-rate', page.getByRole('region', { name: 'Win rate and sales cycle' }));
  });

  it('the record page asks for the lost reason on saving a move to Lost; Skip saves it without one', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html#/tasks');
    await loadPageModules(page);
    const id = await page.evaluate(async () => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      return (await tl.createRecord('folder_deals', { fd_name: 'Globex pilot', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'proposal' } })).id;
    });
    await page.evaluate((rid) => (location.hash = `#/record/${rid}`), id);
    const form = page.getByRole('form', { name: 'Edit Globex pilot' });
    await form.getByLabel(/^Stage/).selectOption({ label: 'Lost' });
    await form.getByRole('button', { name: 'Save' }).click();
    const ask = page.getByRole('form', { name: 'Lost reason for Globex pilot' });
    expect(await visible(ask)).toBe(true);
    await shot(page, 'record-lost-reason-ask', ask);
    await ask.getByRole('button', { name: 'Skip' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await readStore<{ id: string; values: Record<string, unknown> }>(page, 'records')).find((r) => r.id === id)?.values.fd_stage)
      .toEqual({ pipelineId: 'pipeline_sales', stageId: 'lost' });
    const stored = (await readStore<{ id: string; values: Record<string, unknown> }>(page, 'records')).find((r) => r.id === id)!;
    expect(stored.values.fd_lostReason).toBeUndefined();
  });

  it('speaks Spanish: the new-task form, the snooze choices and the lost-reason ask', async () => {
    const { context, id, profile } = await launchInLanguage('es', 'tasks');
    try {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/dashboard.html#/tasks`);
      await loadPageModules(page);
      await page.evaluate(async () => {
        const tl = (globalThis as unknown as { __tl: Tl }).__tl;
        await tl.createRecord('folder_deals', { fd_name: 'Renovación Iberia', fd_stage: { pipelineId: 'pipeline_sales', stageId: 'negotiation' } });
      });
      const form = page.getByRole('form', { name: 'Nueva tarea' });
      await form.getByLabel('Tarea').fill('Llamar a Lucía');
      await form.getByLabel('Fecha de vencimiento').fill(isoDay(new Date()));
      await form.getByLabel('Hora (opcional)').fill('08:30');
      await form.getByRole('button', { name: 'Añadir tarea' }).click();
      await page.getByRole('status').filter({ hasText: 'Tarea añadida: Llamar a Lucía' }).waitFor();
      await page.getByRole('button', { name: 'Posponer Llamar a Lucía' }).click();
      expect(await visible(page.getByRole('button', { name: /^Mañana · / }))).toBe(true);
      await shot(page, 'tasks-es-snooze');

      await page.goto(`chrome-extension://${id}/dashboard.html#/folder/folder_deals/view/view_deals_board`);
      const board = page.getByRole('region', { name: 'Tablero' });
      const card = board.getByRole('region', { name: 'Negociación', exact: true }).getByRole('button', { name: 'Renovación Iberia' });
      await card.focus();
      await page.keyboard.press('Space');
      await page.getByRole('status').filter({ hasText: /Has cogido Renovación Iberia\.|Renovación Iberia está sobre Negociación\./ }).waitFor({ state: 'attached' });
      await page.keyboard.press('ArrowRight');
      await page.getByRole('status').filter({ hasText: 'Renovación Iberia está sobre Ganado.' }).waitFor({ state: 'attached' });
      await page.keyboard.press('ArrowRight');
      await page.getByRole('status').filter({ hasText: 'Renovación Iberia está sobre Perdido.' }).waitFor({ state: 'attached' });
      await page.keyboard.press('Space');
      const ask = page.getByRole('form', { name: 'Motivo de pérdida de Renovación Iberia' });
      expect(await visible(ask)).toBe(true);
      expect(await ask.getByRole('button', { name: 'Omitir' }).count()).toBe(1);
      await page.waitForFunction(() => !document.querySelector('[data-dnd-kit-drag-overlay]'));
      await shot(page, 'board-es-lost-reason-ask');
      await ask.getByRole('button', { name: 'Omitir' }).click();
      expect(await visible(board.getByRole('region', { name: 'Perdido', exact: true }).getByRole('button', { name: 'Renovación Iberia' }))).toBe(true);
    } finally {
      await context.close();
      removeProfile(profile);
    }
  });
});
