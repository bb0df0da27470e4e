import { describe, expect, it } from 'vitest';
import { screenshot, visible } from './support/extension';
import { useLanguageBrowser } from './support/session';

/**
 * Importing deals the way a Spanish and an Italian office export them from Excel: semicolons,
 * CRLF, a quoted cell holding a ";" and a line break, decimal-comma amounts with € signs,
 * dd/mm/yyyy dates, headers as people type them; Windows-1252 ("CSV" in Spanish Excel) and UTF-8
 * with a BOM ("CSV UTF-8" in Italian Excel). Every column maps without help, every accented letter
 * is kept, unknown dropdown values become options, and bad rows are reported in the language.
 */

/** Windows-1252 bytes, as Excel on Windows saves "CSV". */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Buffer.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const SPANISH = crlf([
  'Nombre del negocio;Etapa;Importe;Probabilidad;Fecha de cierre prevista;Prioridad;Producto;Origen',
  'Ampliación oficina Peñíscola;Propuesta;10.940,78 €;60 %;31/03/2025;Alta;"Sillas; mesas y\r\nbiombos de diseño";Feria comercial',
  'Renovación licencias – Cádiz;Negociación;€ 1.234;35 %;05/04/2025;Media;Licencias anuales;Recomendación',
  'Reforma cafetería Logroño;Nuevo;2.500,50 €;10 %;15/06/2025;Baja;Cafetera señorial;LinkedIn',
  'Muñoz & Hijos – catálogo;Propuesta;mil euros;20 %;12/05/2025;Alta;Catálogo;Feria comercial',
  'Pedido Ibáñez;Nuevo;800,00 €;15 %;31/02/2025;Media;Año nuevo;Otro',
]);

const ITALIAN = `\ufeff${crlf([
  'Nome trattativa;Fase;Importo;Probabilità;Data di chiusura prevista;Priorità;Prodotto;Fonte',
  'Fornitura Pasticceria Dolcè;Proposta;10.940,78 €;60%;31/03/2025;Alta;"Vetrine; banconi e\r\nforni a legna";Fiera',
  'Rinnovo Niccolò Brambilla;Trattativa;€ 1.234;35%;05/04/2025;Media;Caffè è più;Passaparola',
  'Città di Forlì – arredi;Nuovo;2.500,50 €;10%;15/06/2025;Bassa;Sedie però;LinkedIn',
  'Perché no srl;Proposta;circa 5000;20%;12/05/2025;Alta;Catalogo;Fiera',
  'Ordine Gioielleria Né;Nuovo;800,00 €;15%;30/02/2025;Media;Anelli;Altro',
])}`;

const CASES = [
  {
    lang: 'es' as const,
    bytes: cp1252(SPANISH),
    folder: 'Negocios',
    file: 'Archivo CSV',
    choose: ['Elegir archivo', 'Ningún archivo elegido'],
    map: 'Columnas y campos',
    start: 'Empezar la importación',
    report: 'Informe de importación',
    issues: 'Filas rechazadas',
    encoding: /Windows-1252.*detectada/,
    dayFirst: 'Primero el día (31/12/2024)',
    kept: ['Ampliación oficina Peñíscola', 'Renovación licencias – Cádiz', 'Reforma cafetería Logroño'],
    newOption: 'LinkedIn',
    reasons: ['«mil euros» no es un importe', '«31/02/2025» no es un día del calendario'],
  },
  {
    lang: 'it' as const,
    bytes: Buffer.from(ITALIAN, 'utf8'),
    folder: 'Trattative',
    file: 'File CSV',
    choose: ['Scegli file', 'Nessun file scelto'],
    map: 'Colonne e campi',
    start: 'Avvia l’importazione',
    report: 'Resoconto dell’importazione',
    issues: 'Righe rifiutate',
    encoding: /UTF-8.*rilevata/,
    dayFirst: 'Prima il giorno (31/12/2024)',
    kept: ['Fornitura Pasticceria Dolcè', 'Rinnovo Niccolò Brambilla', 'Città di Forlì – arredi'],
    newOption: 'LinkedIn',
    reasons: ['«circa 5000» non è un importo', '«30/02/2025» non è un giorno del calendario'],
  },
];

describe.each(CASES)('an Excel-style import in a $lang browser', (c) => {
  const browserOf = useLanguageBrowser(c.lang, 'csvlocale');
  const open = (path: string) => browserOf().open(path);

  it('maps every column without help, keeps every letter and reports bad rows in the language', async () => {
    const page = await open('dashboard.html#/page/import');
    const folder = page.getByLabel(/^(Carpeta|Cartella)$/);
    await folder.locator('option', { hasText: c.folder }).waitFor({ state: 'attached' });
    await folder.selectOption('folder_deals');
    // The file input's words are the UI's, not the browser's "Choose File".
    expect([await page.locator('.tl-file-button').innerText(), await page.locator('.tl-file-name').innerText()]).toEqual(c.choose);
    await page.getByLabel(c.file).setInputFiles({ name: `trattative-${c.lang}.csv`, mimeType: 'text/csv', buffer: c.bytes });
    const table = page.getByRole('table', { name: c.map });
    await visible(table);
    // Every column is mapped: no select is left on "not imported".
    const targets = await table.locator('select').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
    expect(targets).toEqual(['fd_name', 'fd_stage', 'fd_amount', 'fd_probability', 'fd_expectedClose', 'fd_priority', 'fd_product', 'fd_source']);
    // The preview says how it reads the file.
    const encoding = page.getByRole('combobox', { name: /Codificación|Codifica/ });
    expect(await encoding.locator('option:checked').textContent()).toMatch(c.encoding);
    expect(await page.getByRole('combobox', { name: /Fechas|Date come/ }).locator('option:checked').textContent()).toBe(c.dayFirst);
    expect(await page.getByRole('alert').filter({ hasText: '�' }).count()).toBe(0);
    const unknown = page.getByRole('list', { name: /Valores que aún no son opciones|Valori che non sono ancora opzioni/ });
    expect(await unknown.textContent()).toContain(c.newOption);
    expect(await table.textContent()).toContain(c.kept[0]);
    expect(await table.textContent()).toContain('10.940,78');
    await screenshot(page, `csvlocale-preview-${c.lang}`);
    await page.getByRole('heading', { name: /Cómo se lee el archivo|Come viene letto il file/ }).scrollIntoViewIfNeeded();
    await screenshot(page, `csvlocale-reading-${c.lang}`);

    await page.getByRole('button', { name: c.start }).click();
    const report = page.getByRole('region', { name: c.report });
    await report.waitFor({ state: 'visible', timeout: 60_000 });
    const issues = report.getByRole('table', { name: c.issues });
    const text = (await issues.textContent()) ?? '';
    for (const reason of c.reasons) expect(text).toContain(reason);
    expect(await issues.locator('tbody tr').count()).toBe(2);
    await screenshot(page, `csvlocale-report-${c.lang}`);

    // The imported deals keep every accented letter, the quoted cell its ";" and its line break,
    // the amounts their decimals, and the unknown source became an option.
    const deals = await page.evaluate(async () => {
      const req = indexedDB.open('threadline');
      const dbh: IDBDatabase = await new Promise((ok, ko) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => ko(req.error))));
      const read = (store: string) =>
        new Promise<unknown[]>((ok) => {
          const r = dbh.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
        });
      return { records: await read('records'), fields: await read('fields') };
    });
    type Rec = { folderId: string; values: Record<string, unknown> };
    const records = (deals.records as Rec[]).filter((r) => r.folderId === 'folder_deals');
    const names = records.map((r) => r.values.fd_name);
    for (const name of c.kept) expect(names).toContain(name);
    const first = records.find((r) => r.values.fd_name === c.kept[0])!;
    expect(first.values.fd_amount).toEqual({ amount: 10940.78, currency: 'EUR' });
    expect(first.values.fd_probability).toBe(60);
    expect(first.values.fd_expectedClose).toBe('2025-03-31');
    expect(String(first.values.fd_product)).toMatch(/; .*\r?\n/);
    const second = records.find((r) => r.values.fd_name === c.kept[1])!;
    expect(second.values.fd_amount).toEqual({ amount: 1234, currency: 'EUR' });
    expect(second.values.fd_expectedClose).toBe('2025-04-05');
    const source = (deals.fields as { id: string; options?: { id: string; label: string }[] }[]).find((f) => f.id === 'fd_source')!;
    const added = source.options!.find((o) => o.label === c.newOption);
    expect(added).toBeTruthy();
    expect(records.find((r) => r.values.fd_name === c.kept[2])!.values.fd_source).toBe(added!.id);
    for (const r of records) expect(JSON.stringify(r.values)).not.toContain('\ufffd');
  });
});
