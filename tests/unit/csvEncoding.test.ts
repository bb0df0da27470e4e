import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, readCsvText } from '../../storage/csv/encoding';

const TEXT = 'Nombre;Importe\r\nÑoño Peñalver;10.940,78 €\r\nNiccolò Brambilla;è à ò\r\n';

/** Windows-1252 as Excel writes it: one byte per letter, € at 0x80. */
function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80 };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = [...(bom ? '\ufeff' : ''), ...text].flatMap((ch) => {
    const c = ch.charCodeAt(0);
    return littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
  });
  return Uint8Array.from(units);
}
const utf8 = (text: string, bom = false) => new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

describe('CSV encodings', () => {
  it.each([
    ['UTF-8 without BOM', utf8(TEXT), 'utf-8'],
    ['UTF-8 with BOM', utf8(TEXT, true), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(TEXT, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(TEXT, false), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(TEXT, true, false), 'utf-16le'],
    ['Windows-1252 (Excel "CSV" in Spain and Italy)', cp1252(TEXT), 'windows-1252'],
  ] as const)('%s is detected and decoded with every letter kept', async (_name, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    const read = await readCsvText(new Blob([bytes as BlobPart]));
    expect(read).toMatchObject({ text: TEXT, encoding, detected: encoding, replaced: 0 });
    for (const letter of ['€', 'ñ', 'Ñ', 'ò', 'è', 'à']) expect(read.text).toContain(letter);
  });

  it('counts the characters a wrong choice would damage, and where the first is', () => {
    const read = decodeBytes(cp1252(TEXT), 'utf-8');
    expect(read.replaced).toBeGreaterThanOrEqual(6);
    expect(read.firstReplacedLine).toBe(2);
    expect(read.text).toContain('\ufffd');
    // The same bytes read as detected lose nothing.
    expect(decodeBytes(cp1252(TEXT), 'windows-1252').replaced).toBe(0);
  });

  it('a U+FFFD the file itself holds is not damage', () => {
    expect(decodeBytes(utf8('a;\ufffd\n'), 'utf-8').replaced).toBe(0);
  });

  it('a chosen encoding overrides the detected one (the preview re-reads with it)', async () => {
    // 0xA4 is ¤ in Windows-1252 and € in ISO-8859-15.
    const bytes = cp1252('Città;¤\n');
    const read = await readCsvText(new Blob([bytes as BlobPart]), 'iso-8859-15');
    expect(read.detected).toBe('windows-1252');
    expect(read.encoding).toBe('iso-8859-15');
    expect(read.text).toBe('Città;€\n');
  });
});
