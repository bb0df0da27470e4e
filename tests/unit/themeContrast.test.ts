import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.x contrast of both palettes in components/theme.css, read as text: a colour changed in the
 * stylesheet is checked without a browser. Pairs are what the pages actually put together.
 */
const css = readFileSync(resolve('components/theme.css'), 'utf8');

/** The `--tl-*` declarations of the first block opened by `selector`. */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in theme.css`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--tl-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], (m[2] ?? '').trim()]));
}

function rgb(hex: string | undefined): [number, number, number] {
  const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex ?? '')?.[1];
  if (!digits) throw new Error(`not a #rgb/#rrggbb colour: ${hex}`);
  const h = digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits;
  const channel = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

/** Relative luminance, WCAG 2.x: linearised sRGB channels, weighted. */
function luminance(hex: string | undefined): number {
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string | undefined, b: string | undefined): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const light = block(':root');
const dark = block(":root[data-theme='dark']");
const systemDark = block(":root:not([data-theme='light'])");

/** [foreground, background, minimum ratio]. */
const TEXT = 4.5;
const PAIRS: [string, string, number][] = [
  ...['--tl-fg', '--tl-muted'].flatMap((fg) =>
    ['--tl-bg', '--tl-surface', '--tl-bg-soft', '--tl-control-bg', '--tl-selected', '--tl-selected-soft'].map((bg): [string, string, number] => [fg, bg, TEXT]),
  ),
  ['--tl-fg', '--tl-warning-bg', TEXT],
  ['--tl-fg', '--tl-note-bg', TEXT],
  ['--tl-fg', '--tl-danger-soft-bg', TEXT],
  ['--tl-muted', '--tl-warning-bg', TEXT],
  ['--tl-accent', '--tl-bg', TEXT],
  ['--tl-accent', '--tl-surface', TEXT],
  ['--tl-on-accent', '--tl-accent', TEXT],
  ['--tl-on-danger', '--tl-danger', TEXT],
  ['--tl-danger', '--tl-bg', TEXT],
  ['--tl-danger', '--tl-surface', TEXT],
  ['--tl-danger', '--tl-danger-bg', TEXT],
  ['--tl-chip-fg', '--tl-chip-bg', TEXT],
  ['--tl-warning-fg', '--tl-warning-soft-bg', TEXT],
  ['--tl-ok', '--tl-bg', TEXT],
  ['--tl-ok-fg', '--tl-ok-bg', TEXT],
  ['--tl-ok-fg', '--tl-ok-soft-bg', TEXT],
  // Lines only need to be seen against the page and cards. (Light's border on --tl-bg-soft is 1.26:1:
  // those lines, like the folder list's edge, always separate soft from white, so they stay as they were.)
  ['--tl-border', '--tl-bg', 1.3],
  ['--tl-border', '--tl-surface', 1.3],
  ['--tl-focus', '--tl-bg', 3],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s palette', (_name, palette) => {
  it.each(PAIRS)('%s on %s reaches %d:1', (fg, bg, min) => {
    expect(palette[fg], fg).toBeDefined();
    expect(palette[bg], bg).toBeDefined();
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(min);
  });

  it('has dark page and surface backgrounds only when dark', () => {
    const isDark = palette === dark;
    for (const bg of ['--tl-bg', '--tl-surface', '--tl-bg-soft']) expect(luminance(palette[bg]) < 0.2, bg).toBe(isDark);
  });
});

describe('theme.css', () => {
  it('defines every light variable in the dark palette too, and nothing else', () => {
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  it('has the same dark palette for the host (data-theme) and the system (prefers-color-scheme)', () => {
    expect(systemDark).toEqual(dark);
  });

  it('sets color-scheme in each palette, so native controls follow', () => {
    expect(css).toMatch(/:root \{\s*color-scheme: light;/);
    expect(css).toMatch(/:root\[data-theme='dark'\] \{\s*color-scheme: dark;/);
    expect(css).toMatch(/:root:not\(\[data-theme='light'\]\) \{\s*color-scheme: dark;/);
  });

  it('computes WCAG luminance and contrast', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#fff')).toBeCloseTo(4.48, 2);
  });
});
