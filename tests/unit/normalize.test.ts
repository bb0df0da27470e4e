import { describe, it, expect } from 'vitest';
import { emailDomain, foldText, normalizeDomain, normalizeEmail, normalizePhone } from '../../storage/model/normalize';
import { newId, slugKey } from '../../storage/model/ids';
import { fieldSchema } from '../../storage/model/field';
import { LIMITS } from '../../storage/model/limits';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada@Example.COM \n')).toBe('ada@example.com');
    expect(normalizeEmail('ada@example.com')).toBe('ada@example.com');
  });
});

describe('emailDomain', () => {
  it.each([
    ['ada@Mail.Example.com', 'mail.example.com'],
    ['ada@www.acme.com', 'acme.com'],
    ['ADA@ACME.COM.', 'acme.com'],
    ['odd"name@x"@acme.com', 'acme.com'],
  ])('finds the domain of %s', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each(['no-at-sign', '@acme.com', 'ada@', ''])('has none for %j', (email) => {
    expect(emailDomain(email)).toBeUndefined();
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['  ACME.COM.  ', 'acme.com'],
    ['http://acme.com:8080/x', 'acme.com'],
    ['acme.com?ref=mail', 'acme.com'],
    ['acme.com#team', 'acme.com'],
    ['ftp://files.acme.com/pub', 'files.acme.com'],
    ['https://shop.acme.co.uk', 'shop.acme.co.uk'],
  ])('turns %j into %j', (raw, domain) => {
    expect(normalizeDomain(raw)).toBe(domain);
  });

  it('strips only a leading www label', () => {
    expect(normalizeDomain('wwwacme.com')).toBe('wwwacme.com');
    expect(normalizeDomain('mail.www.acme.com')).toBe('mail.www.acme.com');
    expect(normalizeDomain('www.www.acme.com')).toBe('www.acme.com');
  });

  it('is idempotent', () => {
    for (const raw of ['https://www.Acme.com/about', 'www.acme.com.', 'Acme.com:443']) {
      const once = normalizeDomain(raw);
      expect(normalizeDomain(once)).toBe(once);
    }
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+34 600-123 456', '+34600123456'],
    ['(555) 010-0000', '5550100000'],
    ['  +1 (555) 010.0000 ', '+15550100000'],
    ['0034 600 123 456', '0034600123456'],
    ['', ''],
    ['call me', ''],
  ])('turns %j into %j', (raw, phone) => {
    expect(normalizePhone(raw)).toBe(phone);
  });

  it('keeps a plus only when it leads', () => {
    expect(normalizePhone('600 + 123')).toBe('600123');
  });

  it('makes differently written forms of one number equal', () => {
    const forms = ['+44 20 7946 0000', '+44 (20) 7946-0000', '+44.20.7946.0000', ' +442079460000'];
    expect(new Set(forms.map(normalizePhone))).toEqual(new Set(['+442079460000']));
  });
});

describe('foldText', () => {
  it.each([
    ['García', 'garcia'],
    ['ÉLODIE', 'elodie'],
    ['Ñandú', 'nandu'],
    ['Ångström', 'angstrom'],
    ['ﬁnance', 'finance'],
    ['Crème Brûlée', 'creme brulee'],
    ['plain', 'plain'],
  ])('folds %j to %j', (raw, folded) => {
    expect(foldText(raw)).toBe(folded);
  });

  it('makes accented and plain spellings compare equal', () => {
    expect(foldText('José Núñez')).toBe(foldText('JOSE NUNEZ'));
    expect(foldText('Müller')).not.toBe(foldText('Muller '));
  });

  it('keeps letters without a decomposition', () => {
    expect(foldText('Straße')).toBe('straße');
    expect(foldText('Łódź')).toBe('łodz');
  });
});

describe('slugKey', () => {
  it.each([
    ['First name', 'firstName'],
    ['Expected close date', 'expectedCloseDate'],
    ['  Lead status  ', 'leadStatus'],
    ['Lead_status', 'leadStatus'],
    ['e-mail', 'eMail'],
    ['Año de nacimiento', 'anoDeNacimiento'],
    ['Prénom', 'prenom'],
    ['Revenue 2024', 'revenue2024'],
    ['2024 revenue', 'revenue'],
    ['💰 Amount (EUR)', 'amountEUR'],
    ['amount', 'amount'],
  ])('turns %j into %j', (label, key) => {
    expect(slugKey(label)).toBe(key);
  });

  it.each(['', '   ', '%', '123', '名前', 'Имя'])('falls back to "field" for %j', (label) => {
    expect(slugKey(label)).toBe('field');
  });

  it('always yields a key the field schema accepts, even for the longest label', () => {
    const labels = [
      'x'.repeat(LIMITS.label),
      `${'word '.repeat(LIMITS.label / 5)}`.trim(),
      'Ünïcödé lâbél wïth àccents and 42 numbers',
      '!!! 9 lives',
      'a',
    ];
    const keySchema = fieldSchema.shape.key;
    for (const label of labels) {
      const key = slugKey(label);
      expect(keySchema.safeParse(key).success, `${label} -> ${key}`).toBe(true);
    }
  });

  it('is stable: slugging a key gives the key back', () => {
    for (const label of ['First name', 'Expected close date', 'Revenue 2024']) {
      const key = slugKey(label);
      expect(slugKey(key)).toBe(key);
    }
  });
});

describe('newId', () => {
  it('prefixes a 32-hex-digit random id', () => {
    const id = newId('rec');
    expect(id).toMatch(/^rec_[0-9a-f]{32}$/);
    expect(new Set(Array.from({ length: 200 }, () => newId('rec'))).size).toBe(200);
  });
});
