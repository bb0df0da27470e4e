import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { es } from '../../i18n/es';
import { it as itCatalogue } from '../../i18n/it';

const I18N = join(__dirname, '../../i18n');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('catalogues', () => {
  // The types check the keys; they cannot check what a translator typed inside a string.
  it('give every translation the same placeholders as the English message', () => {
    for (const [locale, catalogue] of [['es', es], ['it', itCatalogue]] as const) {
      const wrong = Object.entries(en).filter(([key, text]) => placeholders(catalogue[key as keyof typeof en]).join() !== placeholders(text).join());
      expect(wrong.map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('import nothing from the product: i18n is a leaf every layer may use', () => {
    const offending = files(I18N)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => [relative(I18N, f), m[1]!] as const))
      .filter(([, spec]) => !spec.startsWith('./') && !spec.startsWith('../') ? true : /(^|\/)\.\.\/(\.\.\/)*(components|storage|sync|entrypoints|messaging)\//.test(spec));
    expect(offending).toEqual([]);
  });
});
