import { beforeEach, describe, expect, it } from 'vitest';
import { autoMap } from '../../storage/csv/mapping';
import { FIELD_SYNONYMS, presetOptionFor, synonymsOf } from '../../storage/csv/synonyms';
import { optionIdFor } from '../../storage/csv/cellReaders';
import { foldHeader } from '../../storage/csv/cells';
import type { Field } from '../../storage/model/field';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb } from '../support/db';

describe('the synonym table of preset fields', () => {
  let contacts: Field[];
  let companies: Field[];
  let deals: Field[];
  let products: Field[];
  beforeEach(async () => {
    await resetDb();
    [contacts, companies, deals, products] = await Promise.all(
      [PRESET_FOLDER_IDS.contacts, PRESET_FOLDER_IDS.companies, PRESET_FOLDER_IDS.deals, PRESET_FOLDER_IDS.products].map(async (id) => (await loadFolderSchema(db, id)).fields),
    ) as [Field[], Field[], Field[], Field[]];
  });

  it('names only preset fields that exist, and knows each by its labels in en, es and it', () => {
    const ids = new Set([...contacts, ...companies, ...deals, ...products].map((f) => f.id));
    for (const id of FIELD_SYNONYMS.keys()) expect(ids, id).toContain(id);
    for (const name of ['First name', 'Nombre', 'Nome']) expect(synonymsOf('fc_firstName')).toContain(foldHeader(name));
    for (const name of ['Emails', 'Correos electrónicos']) expect(synonymsOf('fc_emails')).toContain(foldHeader(name));
    expect(synonymsOf('fc_custom_field').size).toBe(0);
  });

  it('maps the headers of common exports and of Spanish and Italian spreadsheets, accents and case ignored', () => {
    const cases: [string, string][] = [
      ['Email Address', 'fc_emails'], ['E-mail 1 - Value', 'fc_emails'], ['E-mail Address', 'fc_emails'], ['CORREO ELECTRONICO', 'fc_emails'],
      ['Job Title', 'fc_position'], ['Cargo', 'fc_position'], ['Ruolo', 'fc_position'], ['Organization 1 - Title', 'fc_position'],
      ['Mobile Phone', 'fc_phones'], ['Teléfono móvil', 'fc_phones'], ['Cellulare', 'fc_phones'], ['Phone 1 - Value', 'fc_phones'],
      ['Empresa', 'fc_company'], ['Razón social', 'fc_company'], ['Azienda', 'fc_company'], ['Ragione sociale', 'fc_company'], ['Account Name', 'fc_company'],
      ['Nome', 'fc_firstName'], ['Given Name', 'fc_firstName'], ['Cognome', 'fc_lastName'], ['Apellidos', 'fc_lastName'], ['Family Name', 'fc_lastName'],
      ['Data di nascita', 'fc_birthday'], ['Fecha de nacimiento', 'fc_birthday'], ['Birthdate', 'fc_birthday'],
      ['Lead Source', 'fc_source'], ['Lifecycle Stage', 'fc_lifecycleStage'], ['Contact owner', 'fc_owner'],
    ];
    for (const [header, id] of cases) expect(autoMap([header], contacts), header).toEqual([id]);
    expect(autoMap(['Razón social', 'Sitio web', 'Sector', 'Número de empleados'], companies)).toEqual(['fo_name', 'fo_domain', 'fo_industry', 'fo_size']);
    expect(autoMap(['Deal Name', 'Deal Stage', 'Importo', 'Close Date', 'Probability (%)'], deals)).toEqual(['fd_name', 'fd_stage', 'fd_amount', 'fd_expectedClose', 'fd_probability']);
  });

  it('a whole Outlook and a whole Italian header row map without help, each field once', () => {
    expect(autoMap(['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Business Phone', 'Company', 'Job Title', 'Birthday'], contacts)).toEqual([
      'fc_firstName', 'fc_lastName', 'fc_emails', 'fc_phones', null, 'fc_company', 'fc_position', 'fc_birthday',
    ]);
    expect(autoMap(['Nome', 'Cognome', 'E-mail', 'Cellulare', 'Azienda', 'Ruolo', 'Data di nascita', 'Fonte'], contacts)).toEqual([
      'fc_firstName', 'fc_lastName', 'fc_emails', 'fc_phones', 'fc_company', 'fc_position', 'fc_birthday', 'fc_source',
    ]);
  });

  it('a custom field is found by its label, before any synonym', () => {
    const custom: Field = { ...contacts[0]!, id: 'fc_x', key: 'cargoInterno', label: 'Cargo', mandatory: false };
    expect(autoMap(['Cargo', 'Job Title'], [...contacts, custom])).toEqual(['fc_x', 'fc_position']);
  });

  it('dropdown values match a preset option by its label in any language or a common synonym', () => {
    const lifecycle = contacts.find((f) => f.id === 'fc_lifecycleStage')!;
    const source = contacts.find((f) => f.id === 'fc_source')!;
    expect(['Customer', 'cliente', 'Oportunidad', 'Opportunità', 'salesqualifiedlead'].map((v) => optionIdFor(lifecycle, v))).toEqual([
      'customer', 'customer', 'opportunity', 'opportunity', 'qualifiedLead',
    ]);
    expect(['Fiera', 'Feria comercial', 'Passaparola', 'Pubblicità', 'Otro'].map((v) => optionIdFor(source, v))).toEqual([
      'tradeFair', 'tradeFair', 'referral', 'advertising', 'other',
    ]);
    expect(optionIdFor(source, 'LinkedIn')).toBeUndefined();
    expect(presetOptionFor('fc_custom', 'Fiera')).toBeUndefined();
  });
});
