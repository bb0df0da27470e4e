import { describe, expect, it } from 'vitest';
import { screenshot, visible } from './support/extension';
import { useLanguageBrowser } from './support/session';
import { loadPageModules } from './support/pageModules';

/**
 * A fresh workspace in a Spanish and an Italian browser: navigation, folders, views, fields,
 * stages and the board read in that language, and so do the demo inbox and the sidebar. Then
 * the language is changed on the CRM page, and the sidebar open in another tab follows.
 */

type Tl = { createRecord: (folderId: string, values: Record<string, unknown>) => Promise<unknown> };

const CASES = [
  {
    lang: 'es' as const,
    folders: ['Contactos', 'Empresas', 'Negocios'],
    views: ['Todos los contactos', 'Clientes potenciales creados esta semana', 'Tablero por etapas'],
    nav: ['Tareas', 'Informes'],
    stages: ['Nuevo', 'Cualificado', 'Propuesta', 'Negociación', 'Ganado', 'Perdido'],
    fields: ['Nombre', 'Apellidos', 'Etapa del ciclo de vida'],
    inbox: 'Bandeja de entrada',
    thread: 'Remitente sospechoso',
    addContact: 'Añadir contacto',
  },
  {
    lang: 'it' as const,
    folders: ['Contatti', 'Aziende', 'Trattative'],
    views: ['Tutti i contatti', 'Potenziali clienti creati questa settimana', 'Bacheca per fase'],
    nav: ['Attività', 'Report'],
    stages: ['Nuovo', 'Qualificato', 'Proposta', 'Trattativa', 'Vinto', 'Perso'],
    fields: ['Nome', 'Cognome', 'Fase del ciclo di vita'],
    inbox: 'Posta in arrivo',
    thread: 'Mittente sospetto',
    addContact: 'Aggiungi contatto',
  },
];

describe.each(CASES)('a fresh workspace in a $lang browser', (c) => {
  const browserOf = useLanguageBrowser(c.lang, 'presets');
  const open = (path: string) => browserOf().open(path);

  it('names its folders, views, navigation, fields, stages and board in that language', async () => {
    const page = await open('dashboard.html#/folder/folder_contacts');
    const nav = page.getByRole('navigation').first();
    for (const name of [...c.folders, ...c.views, ...c.nav]) expect(await visible(nav.getByRole('link', { name }))).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe(c.lang);

    await page.goto(`chrome-extension://${browserOf().id}/dashboard.html#/fields/folder_contacts`);
    for (const label of c.fields) expect(await visible(page.locator(`input[value="${label}"]`))).toBe(true);

    await loadPageModules(page);
    await page.evaluate(async (stages) => {
      const tl = (globalThis as unknown as { __tl: Tl }).__tl;
      for (const [i, stageId] of stages.entries()) {
        await tl.createRecord('folder_deals', { fd_name: `Deal ${i + 1}`, fd_stage: { pipelineId: 'pipeline_sales', stageId } });
      }
    }, ['new', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    await page.goto(`chrome-extension://${browserOf().id}/dashboard.html#/folder/folder_deals/view/view_deals_board`);
    const headings = page.locator('.tl-board-column h3');
    await visible(headings);
    await expect.poll(() => headings.allTextContents()).toEqual(c.stages);
    await screenshot(page, `presets-${c.lang}-board`);
    await page.close();
  });

  it('the demo inbox and the sidebar speak it too', async () => {
    const page = await open('demo.html');
    await page.getByRole('navigation', { name: c.inbox }).getByRole('button', { name: c.thread }).click();
    const sidebar = page.frameLocator('iframe.demo-sidebar');
    expect(await visible(sidebar.getByRole('button', { name: c.addContact }))).toBe(true);
    await screenshot(page, `presets-${c.lang}-sidebar`);
    await page.close();
  });
});

describe('changing the language on the CRM page', () => {
  const browserOf = useLanguageBrowser('es', 'presets');

  it('asks before renaming the presets, renames them, and the sidebar in another tab follows', async () => {
    const demo = await browserOf().context.newPage();
    await demo.goto(`chrome-extension://${browserOf().id}/demo.html`);
    const sidebar = demo.frameLocator('iframe.demo-sidebar');
    expect(await visible(sidebar.getByText('Abre un hilo'))).toBe(true);

    const crm = await browserOf().context.newPage();
    await crm.goto(`chrome-extension://${browserOf().id}/dashboard.html#/page/workspace`);
    await crm.getByRole('combobox', { name: 'Idioma de Threadline en este ordenador' }).selectOption('it');
    const dialog = crm.getByRole('dialog', { name: 'Rinominare i nomi iniziali?' });
    expect(await visible(dialog)).toBe(true);
    expect(await dialog.textContent()).toContain('Contactos → Contatti');
    await screenshot(crm, 'presets-rename-dialog');
    await dialog.getByRole('button', { name: /^Cambia e rinomina \d+ nomi$/ }).click();

    // The renames land first, then the page mounts again in Italian.
    expect(await visible(crm.getByRole('combobox', { name: 'Lingua di Threadline su questo computer' }))).toBe(true);
    const nav = crm.getByRole('navigation').first();
    expect(await visible(nav.getByRole('link', { name: 'Contatti' }))).toBe(true);
    expect(await visible(nav.getByRole('link', { name: 'Bacheca per fase' }))).toBe(true);
    await screenshot(crm, 'presets-after-switch');
    // The demo tab was never reloaded: its sidebar and its own words follow the stored choice.
    expect(await visible(sidebar.getByText('Apri una conversazione'))).toBe(true);
    expect(await visible(demo.getByRole('heading', { name: 'Posta di prova' }))).toBe(true);
  });
});
