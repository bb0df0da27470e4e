import { afterEach, describe, expect, it } from 'vitest';
import { applyThemeFromUrl } from '../../components/theme';

describe('applyThemeFromUrl', () => {
  afterEach(() => delete document.documentElement.dataset.theme);

  it.each(['dark', 'light'] as const)('applies ?theme=%s', (theme) => {
    expect(applyThemeFromUrl({ search: `?theme=${theme}` })).toBe(theme);
    expect(document.documentElement.dataset.theme).toBe(theme);
  });

  it('reads the parameter among others', () => {
    applyThemeFromUrl({ search: '?thread=abc&theme=dark&x=1' });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it.each(['', '?theme=', '?theme=Dark', '?theme=blue', '?theme=dark%20', "?theme='dark'", '?other=dark'])('ignores %j: the system decides', (search) => {
    expect(applyThemeFromUrl({ search })).toBeUndefined();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('writes to the root it is given', () => {
    const root = document.createElement('html');
    applyThemeFromUrl({ search: '?theme=light' }, root);
    expect(root.dataset.theme).toBe('light');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
