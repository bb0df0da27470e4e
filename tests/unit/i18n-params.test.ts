import { describe, expect, it } from 'vitest';
import { setLocale, t, tIn, type MessageParams, type PlainKey, type Placeholders } from '../../i18n';

/**
 * The compiler is the test here: each `@ts-expect-error` line fails `tsc` if it ever compiles, so a
 * missing, unknown or unwanted parameter can never reach a page again. The runtime lines only show
 * the calls are real.
 */
describe('t(): parameters are typed from the English message', () => {
  it('derives placeholder names from the message', () => {
    const stage: Placeholders<'Stage: {from} → {to}'> = 'from';
    const none: [Placeholders<'Save'>] extends [never] ? true : false = true;
    const params: MessageParams<'timeline.stage'> = { from: 'Lead', to: 'Won' };
    expect([stage, none, params.to]).toEqual(['from', true, 'Won']);
  });

  it('refuses missing, unknown and unwanted parameters at compile time', () => {
    setLocale('en');
    expect(t('timeline.stage', { from: 'Lead', to: 'Won' })).toBe('Stage: Lead → Won');
    expect(t('common.save')).toBe('Save');

    // Never called: only the compiler looks at these.
    const wrong = () => {
      // @ts-expect-error a message with placeholders needs its params
      t('timeline.stage');
      // @ts-expect-error `to` is missing
      t('timeline.stage', { from: 'Lead' });
      // @ts-expect-error `stage` is not a placeholder of this message
      t('timeline.stage', { from: 'Lead', to: 'Won', stage: 'x' });
      // @ts-expect-error a message without placeholders takes no params
      t('common.save', {});
      // @ts-expect-error not a key
      t('common.nope');
      // @ts-expect-error the same checks hold for a given language
      tIn('es', 'sidebar.contact', { who: 'Ana' });
    };
    expect(wrong).toBeTypeOf('function');
  });

  it('lets a key picked at run time through only when it has no placeholders', () => {
    const plain: PlainKey = 'sidebar.note';
    expect(t(plain)).toBe('Note');
    // @ts-expect-error 'crm.new' needs {item}, so it is no PlainKey
    const withParams: PlainKey = 'crm.new';
    expect(withParams).toBe('crm.new');
  });

  it('still fills and isolates at run time exactly as before', () => {
    expect(tIn('es', 'crm.new', { item: 'Contacto' })).toBe('Nuevo: Contacto');
    expect(tIn('it', 'sidebar.contact', { name: 'Ana\u202e' })).toBe('Contatto \u2068Ana\u202e\u2069');
  });
});
