import { describe, expect, it } from 'vitest';
import { words } from '../../../entrypoints/gmail.content/words';

describe('the content script’s own words', () => {
  it('follow the first browser language Threadline speaks, else English', () => {
    expect(words(['fr-FR', 'it-IT']).logWhenSent).toBe('Registra in Threadline all’invio');
    expect(words(['es-419']).offer(1)).toBe('¿Registrar este correo en 1 registro de Threadline?');
    expect(words(['it']).offer(3)).toBe('Registrare questa email in 3 record di Threadline?');
    expect(words(['de-DE']).offer(2)).toBe('Log this email to 2 Threadline records?');
  });
});
