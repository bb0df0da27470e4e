import { z } from 'zod';

/**
 * The text encodings a CSV file is read with. Excel on Windows saves "CSV" in the system's ANSI
 * code page (Windows-1252 in Spain and Italy), "CSV UTF-8" with a BOM, and "Unicode text" as
 * UTF-16 LE with a BOM; exports of web CRMs are UTF-8, usually without one. ISO-8859-15 is offered
 * for files from old Unix tools (it differs from Windows-1252 only in a few symbols).
 */
export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'utf-16le', 'utf-16be'] as const;
export const csvEncodingSchema = z.enum(CSV_ENCODINGS);
export type CsvEncoding = z.infer<typeof csvEncodingSchema>;

const BOMS: readonly { bytes: readonly number[]; encoding: CsvEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The byte-order mark's encoding, if the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): CsvEncoding | undefined {
  return BOMS.find((b) => startsWith(bytes, b.bytes))?.encoding;
}

/**
 * UTF-16 written without a BOM: text of Latin letters has a zero byte in every other position.
 * Looked at in the first bytes only; a UTF-8 or Windows-1252 CSV has no zero bytes at all.
 */
function bomlessUtf16(bytes: Uint8Array): CsvEncoding | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.1) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.1) return 'utf-16be';
  return undefined;
}

/** Valid UTF-8 throughout (a fatal decoder refuses the first malformed sequence). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding a file was most likely written in: its BOM; else UTF-16 by its zero bytes; else
 * UTF-8 when every byte sequence is valid UTF-8 (a Windows-1252 file with any accented letter
 * almost never is); else Windows-1252, which decodes every byte.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  return bomEncoding(bytes) ?? bomlessUtf16(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

/** What a file reads as under one encoding. */
export type DecodedText = {
  text: string;
  encoding: CsvEncoding;
  /** How many characters could not be decoded and became U+FFFD (none that the file itself held). */
  replaced: number;
  /** The 1-based line of the first such character, so the preview can point at it. */
  firstReplacedLine?: number;
};

const REPLACEMENT = '\ufffd';

function countReplaced(text: string, alreadyThere: number): { replaced: number; firstReplacedLine?: number } {
  let replaced = 0;
  let first = -1;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) {
    replaced++;
    if (first < 0 && replaced > alreadyThere) first = i;
  }
  replaced = Math.max(0, replaced - alreadyThere);
  if (replaced === 0) return { replaced };
  const firstReplacedLine = text.slice(0, first).split('\n').length;
  return { replaced, firstReplacedLine };
}

/**
 * Decodes the bytes with `encoding`, dropping a BOM of that encoding. Characters the decoder could
 * not read are counted, so the preview can say that the text would be damaged before anything is
 * written. A U+FFFD the file itself holds as valid UTF-8 is not damage: those are subtracted.
 */
export function decodeBytes(bytes: Uint8Array, encoding: CsvEncoding): DecodedText {
  const decoded = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  const text = encoding === 'windows-1252' ? decoded.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c) : decoded;
  const own = encoding === 'utf-8' ? ownReplacementChars(bytes) : 0;
  return { text, encoding, ...countReplaced(text, own) };
}

/**
 * Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes, Š, Ž, Œ…). Some runtimes (Node before
 * 22) decode the label as Latin-1 and return C1 controls there; mapping them again is harmless
 * where the decoder was right. The five bytes Windows-1252 leaves undefined stay as they came.
 */
const CP1252_HIGH = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

/** U+FFFD written in the file as its own UTF-8 bytes (EF BF BD). */
function ownReplacementChars(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/** A Blob's bytes: Blob.arrayBuffer() where the environment has it, FileReader otherwise (older test DOMs). */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The source's text under `encoding`, or under the detected one when none is chosen. */
export async function readCsvText(source: Blob | string, encoding?: CsvEncoding): Promise<DecodedText & { detected: CsvEncoding }> {
  if (typeof source === 'string') return { text: source, encoding: encoding ?? 'utf-8', detected: 'utf-8', replaced: 0 };
  const bytes = await readBytes(source);
  const detected = detectEncoding(bytes);
  return { ...decodeBytes(bytes, encoding ?? detected), detected };
}
