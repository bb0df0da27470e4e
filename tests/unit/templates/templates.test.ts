import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../i18n';
import { describeError } from '../../../components/errors';
import { openThreadlineDb } from '../../../storage/open';
import { listTemplates } from '../../../storage/queries/templates';
import { clockKey, localState, setDeviceId } from '../../../storage/replica/clocks';
import { mergeDocs } from '../../../storage/replica/merge';
import { fromUnits } from '../../../storage/replica/units';
import { countTemplateUse, deleteTemplate, saveTemplate, templateUses, TemplateError } from '../../../storage/templates/templates';
import { applyRemote } from '../../../sync/applyRemote';
import { db, resetDb, shareWorkspace } from '../../support/db';

const input = { name: 'Follow-up', subject: 'Hi {{contact.firstName}}', body: 'Line 1\nLine 2', language: 'en' as const };

describe('templates store', () => {
  beforeEach(resetDb);
  afterEach(() => setLocale('en'));

  it('saves, updates (keeping counts and createdAt), lists by name and deletes', async () => {
    const a = await saveTemplate(db, input);
    await saveTemplate(db, { ...input, name: 'ángel' });
    await saveTemplate(db, { ...input, name: 'Beta' });
    expect(a).toMatchObject({ ...input, uses: {} });
    expect(a.id).toMatch(/^tpl_/);
    await countTemplateUse(db, a.id);
    const b = await saveTemplate(db, { ...input, id: a.id, name: 'Zulu', body: 'changed' });
    expect(b).toMatchObject({ id: a.id, name: 'Zulu', body: 'changed', createdAt: a.createdAt });
    expect(templateUses(b)).toBe(1);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['ángel', 'Beta', 'Zulu']);
    await deleteTemplate(db, a.id);
    await deleteTemplate(db, a.id);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['ángel', 'Beta']);
    expect(await countTemplateUse(db, a.id)).toBe(false);
  });

  it('refuses an empty name with a message in the user’s language, and writes nothing', async () => {
    const refused = await saveTemplate(db, { ...input, name: '   ' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TemplateError);
    expect((refused as TemplateError).params).toMatchObject({ subject: 'templateName', issue: 'required' });
    expect((refused as Error).message).toBe('The template name is required');
    setLocale('es');
    expect(describeError(refused).join(' ')).toContain('El nombre de la plantilla');
    setLocale('it');
    expect(describeError(refused).join(' ')).toContain('Il nome del modello');
    expect(await db.templates.count()).toBe(0);
  });

  it('refuses a body over 20,000 characters and an unknown language', async () => {
    await expect(saveTemplate(db, { ...input, body: 'x'.repeat(20_001) })).rejects.toMatchObject({ params: { subject: 'templateBody', issue: 'tooLong' } });
    await expect(saveTemplate(db, { ...input, language: 'fr' as 'en' })).rejects.toMatchObject({ params: { subject: 'templateLanguage' } });
  });

  it('the local workspace writes no outbox or clocks; a shared one writes both in the same change', async () => {
    const local = await saveTemplate(db, input);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.clocks.count()).toBe(0);
    await shareWorkspace(db);
    await countTemplateUse(db, local.id);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'templates', docId: local.id, op: 'put' });
    const row = await db.clocks.get(clockKey('templates', local.id));
    expect(Object.keys(row!.fields).filter((u) => u.startsWith('uses.'))).toHaveLength(1);
    await deleteTemplate(db, local.id);
    expect((await db.outbox.toArray()).map((o) => o.op)).toEqual(['put', 'delete']);
  });

  it('a template holds at most 100 device counters (as firestore.rules): the 101st device is not counted', async () => {
    const t = await saveTemplate(db, input);
    const uses = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`dev${i}`, 1]));
    await db.templates.put({ ...t, uses });
    expect(await countTemplateUse(db, t.id)).toBe(false);
    expect(templateUses((await db.templates.get(t.id))!)).toBe(100);
  });

  it('uses counted at the same time on two devices both survive the merge', async () => {
    const other = openThreadlineDb('threadline-test-device-b');
    try {
      await other.open();
      await shareWorkspace(db);
      await shareWorkspace(other);
      await setDeviceId(db, 'deviceA');
      await setDeviceId(other, 'deviceB');
      const t = await saveTemplate(db, input);
      // B receives the template, then both count uses before hearing from each other.
      await applyRemote(other, [{ table: 'templates', id: t.id, state: await localState(db, 'templates', t.id) }], () => {});
      await countTemplateUse(db, t.id);
      await countTemplateUse(db, t.id);
      await countTemplateUse(other, t.id);
      const [a, b] = [await localState(db, 'templates', t.id), await localState(other, 'templates', t.id)];
      const merged = mergeDocs(a, b);
      expect(fromUnits('templates', t.id, merged.units).uses).toEqual({ deviceA: 2, deviceB: 1 });
      // And through the real remote apply, both ways.
      await applyRemote(db, [{ table: 'templates', id: t.id, state: b }], () => {});
      await applyRemote(other, [{ table: 'templates', id: t.id, state: a }], () => {});
      expect(templateUses((await db.templates.get(t.id))!)).toBe(3);
      expect((await other.templates.get(t.id))!.uses).toEqual({ deviceA: 2, deviceB: 1 });
    } finally {
      other.close();
      await Dexie.delete('threadline-test-device-b');
    }
  });

  it('an edit on one device and a use on another both survive', async () => {
    const other = openThreadlineDb('threadline-test-device-c');
    try {
      await other.open();
      await shareWorkspace(db);
      await shareWorkspace(other);
      await setDeviceId(db, 'deviceA');
      await setDeviceId(other, 'deviceC');
      const t = await saveTemplate(db, input);
      await applyRemote(other, [{ table: 'templates', id: t.id, state: await localState(db, 'templates', t.id) }], () => {});
      await saveTemplate(db, { ...input, id: t.id, body: 'edited on A' });
      await countTemplateUse(other, t.id);
      await applyRemote(db, [{ table: 'templates', id: t.id, state: await localState(other, 'templates', t.id) }], () => {});
      expect(await db.templates.get(t.id)).toMatchObject({ body: 'edited on A', uses: { deviceC: 1 } });
    } finally {
      other.close();
      await Dexie.delete('threadline-test-device-c');
    }
  });
});
