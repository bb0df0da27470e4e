import fc from 'fast-check';
import type { Field, FieldType } from '../../../storage/model/field';
import { SOCIAL_NETWORKS } from '../../../storage/model/fieldValues';
import { HOSTILE_HTTP_URLS, URL_PAYLOADS } from '../../fixtures/xss-corpus';
import { anyValue, emailArb, hostileText } from './arbitraries';

/**
 * Values "near" each field type: mostly well-formed, often just outside its rules (too long,
 * wrong case, impossible date, unknown option), sometimes of the wrong shape altogether. A
 * typed table over FieldType, so a new type must say what its near values are.
 */
const isoDay = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const badDay = fc.constantFrom('2024-02-30', '2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', '2024-01-01T00:00', '');
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, -1e-7));
const optionIds = (field: Field) => fc.constantFrom(...(field.options ?? [{ id: 'none' }]).map((o) => o.id), 'not-an-option', '');
const longString = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' });
const phone = fc.oneof(fc.stringMatching(/^\+?[0-9 ().-]{1,20}$/), fc.constantFrom('+34 600 000 000 ext. 12', 'call me', '12345678901234567890123456789012345678901'));
const url = fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.constantFrom(...URL_PAYLOADS, ...HOSTILE_HTTP_URLS, 'acme.com', 'https://', `https://a.io/${'x'.repeat(2_100)}`));
const email = fc.oneof(emailArb, emailArb.map((e) => `  ${e.toUpperCase()} `), fc.constantFrom('not-an-email', 'a@b', '<x>@evil.io', `${'x'.repeat(250)}@a.io`, ''));

export const NEAR_VALUES: { [T in FieldType]: (field: Field, ctx: { pipelineId: string; stageIds: string[] }) => fc.Arbitrary<unknown> } = {
  text: () => fc.oneof({ weight: 4, arbitrary: hostileText(40) }, { weight: 1, arbitrary: longString(990, 1_010) }),
  longText: () => fc.oneof(hostileText(200), fc.constant('x'.repeat(100_001))),
  number: () => number,
  autoNumber: () => fc.oneof(fc.integer({ min: 1 }), fc.constant(undefined)),
  percent: () => number,
  currency: () => fc.record({ amount: number, currency: fc.constantFrom('EUR', 'USD', 'usd', 'EURO', '€') }),
  date: () => fc.oneof(isoDay, badDay),
  checkbox: () => fc.oneof(fc.boolean(), fc.constantFrom('true', 1, 0)),
  dropdown: (field) => optionIds(field),
  multiDropdown: (field) => fc.array(optionIds(field), { maxLength: 4 }),
  user: () => fc.oneof(hostileText(20), longString(120, 140)),
  email: () => fc.array(email, { maxLength: 4 }),
  phone: () => fc.array(phone, { maxLength: 3 }),
  url: () => url,
  address: () =>
    fc.record(
      { street: hostileText(30), city: hostileText(20), region: fc.string(), postalCode: longString(0, 40), country: fc.string(), planet: fc.string() },
      { requiredKeys: [] },
    ),
  socials: () => fc.dictionary(fc.constantFrom(...SOCIAL_NETWORKS, 'myspace'), fc.oneof(fc.webUrl(), hostileText(20)), { maxKeys: 3 }),
  link: () => fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('', 'x'.repeat(65))), { maxLength: 3 }),
  stage: (_f, { pipelineId, stageIds }) =>
    fc.record({ pipelineId: fc.constantFrom(pipelineId, 'pipeline_missing'), stageId: fc.constantFrom(...stageIds, 'stage_missing') }),
  formula: () => fc.oneof(number, fc.constant(undefined)),
  statistic: () => fc.oneof(number, fc.constant(undefined)),
};

/** A value for `field`: near its type, of another shape, or a clearing null/undefined. */
export function valueFor(field: Field, ctx: { pipelineId: string; stageIds: string[] }): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: NEAR_VALUES[field.type](field, ctx) },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  );
}
