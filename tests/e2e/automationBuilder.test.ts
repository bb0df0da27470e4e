import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, screenshot, visible } from './support/extension';
import { loadPageModules } from './support/pageModules';
import { useExtensionSession, useLanguageBrowser } from './support/session';

type Tl = {
  createRecord(folderId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  db: { activities: { where(i: string): { equals(v: string): { toArray(): Promise<Record<string, unknown>[]> } } } };
};

const PIPELINE = 'pipeline_sales';

/** Runs in the CRM page: four trade-fair and other deals, one of them already in Proposal. */
async function seed(p: string): Promise<Record<string, string>> {
  const tl = (globalThis as unknown as { __tl: Tl }).__tl;
  const at = (stageId: string) => ({ pipelineId: p, stageId });
  const add = (name: string, stageId: string, source: string, amount: number) =>
    tl.createRecord('folder_deals', { fd_name: name, fd_stage: at(stageId), fd_source: source, fd_amount: { amount, currency: 'EUR' }, fd_owner: 'me' });
  return {
    valencia: (await add('Feria Valencia', 'qualified', 'tradeFair', 25_000)).id,
    small: (await add('Small stand', 'qualified', 'tradeFair', 3_000)).id,
    referral: (await add('Referral deal', 'qualified', 'referral', 40_000)).id,
    already: (await add('Fiera Milano', 'proposal', 'tradeFair', 30_000)).id,
  };
}

const localIsoDay = (offset: number) => {
  const d = new Date();
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

async function buildTradeFairRule(page: Page) {
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Rule name').fill('Trade fair proposals');
  await form.getByLabel('In the folder').selectOption('folder_deals');
  await form.getByLabel('What happens').selectOption('stageEntered');
  await form.getByLabel(/^Stage/).selectOption(`${PIPELINE}/proposal`);
  await form.getByRole('button', { name: 'Add a condition' }).click();
  await form.getByLabel('Condition 1: field').selectOption('fd_source');
  await form.getByLabel('Condition 1: value').selectOption('tradeFair');
  await form.getByRole('button', { name: 'Add a condition' }).click();
  await form.getByLabel('Condition 2: field').selectOption('fd_amount');
  await form.getByLabel('Condition 2: operator').selectOption('gt');
  await form.getByLabel('Condition 2: value').fill('10000');
  const first = form.getByRole('group', { name: 'Action 1' });
  await first.getByLabel('Task title').fill('Call {{record.title}} about the proposal');
  await first.getByLabel('Due in (days)').fill('2');
  await form.getByRole('button', { name: 'Add an action' }).click();
  const second = form.getByRole('group', { name: 'Action 2' });
  await second.getByLabel('Action 2: what').selectOption('setField');
  await second.getByLabel(/^Field/).selectOption('fd_priority');
  await second.getByLabel(/^Value/).selectOption('high');
  return form;
}

describe('the rule builder in Chromium with the built extension', () => {
  const session = useExtensionSession();

  it('builds the trade-fair rule in the form, previews it, switches it on; a board move creates the task and the history says why', async () => {
    const page = await openExtensionPage(session(), 'dashboard.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    await loadPageModules(page);
    const ids = await page.evaluate(seed, PIPELINE);
    await page.evaluate(() => (location.hash = '#/page/automations'));
    await page.getByRole('heading', { level: 2, name: 'Automations' }).waitFor();

    const form = await buildTradeFairRule(page);
    await form.getByRole('button', { name: 'Preview: which records would it act on now?' }).click();
    const preview = form.getByRole('status');
    await expect.poll(() => preview.textContent()).toContain('Records in that state now: 1 (of 4 checked)');
    expect(await preview.getByRole('link').allTextContents()).toEqual(['Fiera Milano']);
    await screenshot(page, 'rules-builder-preview');
    await form.getByRole('button', { name: 'Save rule' }).click();
    const card = page.getByRole('article', { name: 'Trade fair proposals' });
    expect(await visible(card)).toBe(true);
    expect(await card.getByText('On', { exact: true }).count()).toBe(1);

    // The rep's move: Feria Valencia from Qualified to Proposal on the board, by keyboard.
    await page.evaluate(() => (location.hash = '#/folder/folder_deals/view/view_deals_board'));
    const board = page.getByRole('region', { name: 'Board' });
    const deal = board.getByRole('region', { name: 'Qualified', exact: true }).getByRole('button', { name: 'Feria Valencia' });
    await deal.focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: /Picked up Feria Valencia\.|Feria Valencia is over Qualified\./ }).waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Feria Valencia is over Proposal.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    expect(await visible(board.getByRole('region', { name: 'Proposal', exact: true }).getByRole('button', { name: 'Feria Valencia' }))).toBe(true);

    const tasks = async (id: string) => (await (globalThis as unknown as { __tl: Tl }).__tl.db.activities.where('recordIds').equals(id).toArray()).filter((a) => a.kind === 'task');
    await expect.poll(async () => (await page.evaluate(tasks, ids.valencia!)).map((t) => t.title)).toEqual(['Call Feria Valencia about the proposal']);
    const [task] = await page.evaluate(tasks, ids.valencia!);
    const due = await page.evaluate((ms) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, task!.due as number);
    expect(due).toBe(await page.evaluate(localIsoDay, 2));

    // The deal's page: priority High, and its history says which rule did it and why.
    await page.evaluate((id) => (location.hash = `#/record/${id}`), ids.valencia!);
    const history = page.getByRole('list', { name: /History/ });
    await expect.poll(() => history.textContent()).toContain('Automation “Trade fair proposals”');
    await expect.poll(() => history.textContent()).toContain('because Feria Valencia entered Proposal');
    await screenshot(page, 'rules-record-history');

    // The run log on the rule lists the firing.
    await page.evaluate(() => (location.hash = '#/page/automations'));
    const rule = page.getByRole('article', { name: 'Trade fair proposals' });
    await rule.getByRole('button', { name: 'Run log' }).click();
    await expect.poll(() => rule.locator('.tl-rb-log').textContent()).toContain('Feria Valencia: task “Call Feria Valencia about the proposal” created');
    await screenshot(page, 'rules-run-log');
  });
});

describe.each([
  { lang: 'es' as const, example: 'Negocio de feria de más de 10.000 entra en Propuesta → tarea para el responsable en 2 días, prioridad Alta', parts: ['Cuando', 'Si', 'Entonces'], stage: 'Propuesta', task: 'Seguimiento de {{record.title}}' },
  { lang: 'it' as const, example: 'Trattativa da fiera oltre 10.000 entra in Proposta → attività per il responsabile fra 2 giorni, priorità Alta', parts: ['Quando', 'Se', 'Allora'], stage: 'Proposta', task: 'Follow-up su {{record.title}}' },
])('the rule builder in a $lang browser', ({ lang, example, parts, stage, task }) => {
  const browserOf = useLanguageBrowser(lang, 'rules');

  it('offers the examples in the language and fills the form with the workspace’s own stage names', async () => {
    const page = await browserOf().open('dashboard.html#/page/automations');
    await page.setViewportSize({ width: 1200, height: 900 });
    const examples = page.locator('section[aria-labelledby="custom-rules"] select');
    await examples.waitFor();
    await examples.selectOption({ label: example });
    const form = page.locator('form.tl-rb');
    for (const legend of parts) expect(await form.locator('legend', { hasText: new RegExp(`^${legend}$`) }).count()).toBe(1);
    expect(await form.locator('select').nth(2).locator('option:checked').textContent()).toBe(stage);
    expect(await form.locator('input[value^="' + task.slice(0, 8) + '"]').inputValue()).toBe(task);
    await screenshot(page, `rules-builder-${lang}`);
  });
});
