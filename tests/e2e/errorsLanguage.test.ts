import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, visible } from './support/extension';
import { useLanguageBrowser } from './support/session';

/**
 * Storage's refusals on the CRM page of a Spanish and an Italian browser: the sentence a sales rep
 * reads is in their language and names what they typed, with no English in it.
 */

async function alertItems(page: Page): Promise<string[]> {
  const alert = page.getByRole('alert');
  expect(await visible(alert)).toBe(true);
  return alert.getByRole('listitem').allTextContents();
}

describe.each([
  { lang: 'es' as const, folder: 'El nombre de la carpeta es obligatorio.', email: 'no es una dirección de correo electrónico', newFolder: 'Nueva carpeta' },
  { lang: 'it' as const, folder: 'Il nome della cartella è obbligatorio.', email: 'non è un indirizzo email', newFolder: 'Nuova cartella' },
])('refusals on a $lang CRM page', ({ lang, folder, email, newFolder }) => {
  const browserOf = useLanguageBrowser(lang, 'errors');
  const open = (hash: string) => browserOf().open(`dashboard.html${hash}`);

  it('a folder without a name', async () => {
    const page = await open('#/');
    await page.getByRole('button', { name: newFolder }).first().click();
    await page.locator('form.tl-dialog button[type=submit]').click();
    expect(await alertItems(page)).toEqual([folder]);
    await screenshot(page, `errors-${lang}-folder`);
  });

  it('a contact with an address that is not an email, naming the field and the address', async () => {
    const page = await open('#/folder/folder_contacts');
    const form = page.locator('form.tl-form');
    // The folder's "new" button is its header's primary action.
    await page.locator('section.tl-workspace > header button.tl-primary').click();
    await form.locator('input[type=text]').first().fill('Niccolò');
    await form.locator('input[inputmode=email]').fill('niccolo@esempio');
    await form.locator('button[type=submit]').click();
    const [sentence] = await alertItems(page);
    expect(sentence).toContain(`«niccolo@esempio» ${email}`);
    expect(sentence).not.toMatch(/\b(is|not|an|address|email address)\b/);
    await screenshot(page, `errors-${lang}-email`);
  });
});
