import { beforeEach, describe, expect, it } from 'vitest';
import { autoMap, duplicateTargets, headerFor, ID_TARGET, importableFields } from '../../storage/csv/mapping';
import type { Field } from '../../storage/model/field';
import { PRESET_FOLDER_IDS } from '../../storage/folders/presets';
import { loadFolderSchema } from '../../storage/folders/schema';
import { db, resetDb } from '../support/db';

describe('column → field mapping', () => {
  let fields: Field[];
  beforeEach(async () => {
    await resetDb();
    fields = (await loadFolderSchema(db, PRESET_FOLDER_IDS.contacts)).fields;
  });

  it('matches labels and keys ignoring case, accents, spaces and punctuation', () => {
    expect(autoMap(['FIRST NAME', 'last_name', 'Pósition', 'lifecycle-stage', 'Shoe size'], fields)).toEqual([
      'fc_firstName',
      'fc_lastName',
      'fc_position',
      'fc_lifecycleStage',
      null,
    ]);
  });

  it('accepts singular for plural ("E-mail" → Emails) and finds the id column', () => {
    expect(autoMap(['E-mail', 'Phone', 'Threadline ID'], fields)).toEqual(['fc_emails', 'fc_phones', ID_TARGET]);
    expect(autoMap(['id'], fields)).toEqual([ID_TARGET]);
  });

  it('uses each target once: an exact name wins over a singular one, else the first column', () => {
    expect(autoMap(['Email', 'Emails', 'ID', 'Threadline ID'], fields)).toEqual([null, 'fc_emails', ID_TARGET, null]);
    expect(autoMap(['Last name', 'Last Name'], fields)).toEqual(['fc_lastName', null]);
  });

  it('never proposes computed or auto-numbered fields', () => {
    const importable = importableFields(fields).map((f) => f.id);
    expect(importable).not.toContain('fc_createdAt');
    expect(autoMap(['Created at', 'Last activity', 'Email threads'], fields)).toEqual([null, null, null]);
    const auto = { ...fields[0]!, id: 'fc_number', key: 'number', label: 'Number', type: 'autoNumber' as const };
    expect(importableFields([...fields, auto]).map((f) => f.id)).not.toContain('fc_number');
    expect(autoMap(['Number'], [...fields, auto])).toEqual([null]);
  });

  it('heads a column "Label (key)" only when two fields share a label, and maps it back', () => {
    const twin = { ...fields[0]!, id: 'fc_first2', key: 'firstNameAgain' };
    expect(headerFor(fields[0]!, fields)).toBe('First name');
    expect(headerFor(twin, [...fields, twin])).toBe('First name (firstNameAgain)');
    expect(autoMap(['First name (firstNameAgain)', 'First name (firstName)'], [...fields, twin])).toEqual(['fc_first2', 'fc_firstName']);
  });

  it('reports targets chosen twice', () => {
    expect(duplicateTargets(['a', null, 'b', 'a', null])).toEqual(['a']);
    expect(duplicateTargets(['a', 'b'])).toEqual([]);
  });
});
