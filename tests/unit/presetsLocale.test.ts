import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLocale, setLocale, type Locale } from '../../i18n';
import { openThreadlineDb } from '../../storage/open';
import { PRESET_FOLDER_IDS, DEFAULT_PIPELINE_ID, presetItemName, presetWorkspace } from '../../storage/folders/presets';
import { applyPresetRenames, loadPresetRenames, planPresetRenames } from '../../storage/folders/presetRenames';
import { createFolder, updateFolder } from '../../storage/folders/folders';
import { updateField } from '../../storage/fields/fieldsAdmin';
import { createPipeline, updatePipeline } from '../../storage/pipelines/pipelines';
import { followDeviceLocale, getDeviceLocale, LOCALE_KEY, setDeviceLocale } from '../../storage/settings/locale';
import { db, resetDb, shareWorkspace } from '../support/db';

/** Every name a preset document carries, replaced by a placeholder: what must not differ between languages. */
function withoutNames(ws: ReturnType<typeof presetWorkspace>) {
  return {
    folders: ws.folders.map((f) => ({ ...f, name: '' })),
    views: ws.views.map((v) => ({ ...v, name: '' })),
    fields: ws.fields.map((f) => ({ ...f, label: '', ...(f.options ? { options: f.options.map((o) => ({ ...o, label: '' })) } : {}) })),
    pipelines: ws.pipelines.map((p) => ({ ...p, name: '', stages: p.stages.map((s) => ({ ...s, name: '' })) })),
  };
}

/** Every name of a workspace, keyed by the fixed id path it sits at. */
function names(ws: ReturnType<typeof presetWorkspace>): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ws.folders) out.set(f.id, f.name);
  for (const v of ws.views) out.set(v.id, v.name);
  for (const f of ws.fields) {
    out.set(f.id, f.label);
    for (const o of f.options ?? []) out.set(`${f.id}/${o.id}`, o.label);
  }
  for (const p of ws.pipelines) {
    out.set(p.id, p.name);
    for (const s of p.stages) out.set(`${p.id}/${s.id}`, s.name);
  }
  return out;
}

describe('presets in the user language', () => {
  const en = presetWorkspace(0, 'en');

  it.each(['es', 'it'] as const)('a %s workspace has the same ids and structure as an English one', (locale) => {
    expect(withoutNames(presetWorkspace(0, locale))).toEqual(withoutNames(en));
  });

  it.each(['es', 'it'] as const)('every %s name is translated (only the company sizes read the same)', (locale) => {
    const english = names(en);
    const same = [...names(presetWorkspace(0, locale))].filter(([id, name]) => english.get(id) === name).map(([id]) => id);
    expect(same.every((id) => id.startsWith('fo_size/'))).toBe(true);
    expect(same).toHaveLength(5);
  });

  it('names folders, stages, views and dropdown options in Spanish and Italian', () => {
    const es = names(presetWorkspace(0, 'es'));
    const it_ = names(presetWorkspace(0, 'it'));
    expect([es.get(PRESET_FOLDER_IDS.contacts), es.get(PRESET_FOLDER_IDS.deals), it_.get(PRESET_FOLDER_IDS.companies)]).toEqual(['Contactos', 'Negocios', 'Aziende']);
    expect([es.get(`${DEFAULT_PIPELINE_ID}/won`), it_.get(`${DEFAULT_PIPELINE_ID}/lost`), it_.get(DEFAULT_PIPELINE_ID)]).toEqual(['Ganado', 'Perso', 'Vendite']);
    expect([es.get('fc_lifecycleStage/customer'), it_.get('fd_priority/high'), es.get('fd_lostReason/competitor')]).toEqual(['Cliente', 'Alta', 'Eligió a la competencia']);
    expect(it_.get('view_contacts_leads_week')).toBe('Potenziali clienti creati questa settimana');
  });

  it('names one record of a preset folder in the language of its name; other names get nothing', () => {
    expect(['Deals', 'Negocios', 'Trattative', 'Aziende', 'Contactos'].map(presetItemName)).toEqual(['deal', 'negocio', 'trattativa', 'azienda', 'contacto']);
    expect(presetItemName('Projects')).toBeUndefined();
  });

  it.each(['en', 'es', 'it'] as const)('a database created while the page speaks %s starts in that language', async (locale: Locale) => {
    setLocale(locale);
    const fresh = openThreadlineDb(`threadline-presets-${locale}`);
    try {
      const folders = await fresh.folders.orderBy('id').toArray();
      const expected = presetWorkspace(0, locale).folders.sort((a, b) => a.id.localeCompare(b.id));
      expect(folders.map((f) => [f.id, f.name])).toEqual(expected.map((f) => [f.id, f.name]));
      expect((await fresh.pipelines.get(DEFAULT_PIPELINE_ID))?.stages.map((s) => s.name)).toEqual(presetWorkspace(0, locale).pipelines[0]!.stages.map((s) => s.name));
    } finally {
      setLocale('en');
      fresh.close();
      await fresh.delete();
    }
  });
});

describe('renaming presets into another language', () => {
  beforeEach(async () => {
    setLocale('en');
    await resetDb();
  });

  it('offers every untouched preset and leaves the user names out', async () => {
    await updateFolder(db, PRESET_FOLDER_IDS.contacts, { name: 'People' });
    const lifecycle = (await db.fields.get('fc_lifecycleStage'))!;
    await updateField(db, lifecycle.id, { options: lifecycle.options!.map((o) => (o.id === 'lead' ? { ...o, label: 'Hot lead' } : o)) });
    const pipeline = (await db.pipelines.get(DEFAULT_PIPELINE_ID))!;
    await updatePipeline(db, pipeline.id, { stages: pipeline.stages.map((s) => (s.id === 'won' ? { ...s, name: 'Signed' } : s)) });

    const plan = await loadPresetRenames(db, 'es');
    const keys = plan.map((r) => r.key);
    expect(keys).not.toContain('folders/folder_contacts');
    expect(keys).not.toContain('fields/fc_lifecycleStage/lead');
    expect(keys).not.toContain(`pipelines/${DEFAULT_PIPELINE_ID}/won`);
    expect(plan).toContainEqual({ kind: 'folder', key: 'folders/folder_deals', from: 'Deals', to: 'Negocios' });
    expect(plan).toContainEqual({ kind: 'stage', key: `pipelines/${DEFAULT_PIPELINE_ID}/lost`, from: 'Lost', to: 'Perdido', within: 'Sales' });
    expect(plan).toContainEqual({ kind: 'field', key: 'fields/fc_firstName', from: 'First name', to: 'Nombre', within: 'People' });

    expect(await applyPresetRenames(db, 'es', plan)).toBe(plan.length);
    expect((await db.folders.get(PRESET_FOLDER_IDS.contacts))!.name).toBe('People');
    expect((await db.folders.get(PRESET_FOLDER_IDS.deals))!.name).toBe('Negocios');
    const options = (await db.fields.get('fc_lifecycleStage'))!.options!;
    expect(options.map((o) => o.label)).toEqual(['Suscriptor', 'Hot lead', 'Cliente potencial cualificado', 'Oportunidad', 'Cliente', 'Promotor']);
    const stages = (await db.pipelines.get(DEFAULT_PIPELINE_ID))!.stages.map((s) => s.name);
    expect(stages).toEqual(['Nuevo', 'Cualificado', 'Propuesta', 'Negociación', 'Signed', 'Perdido']);
    expect(await loadPresetRenames(db, 'es')).toEqual([]);
  });

  it('renames from one translation to another and back', async () => {
    await applyPresetRenames(db, 'it', await loadPresetRenames(db, 'it'));
    expect((await db.views.get('view_deals_all'))!.name).toBe('Tutte le trattative');
    const back = await loadPresetRenames(db, 'en');
    expect(back).toContainEqual({ kind: 'view', key: 'views/view_deals_all', from: 'Tutte le trattative', to: 'All deals', within: 'Trattative' });
    await applyPresetRenames(db, 'en', back);
    const all = { folders: await db.folders.toArray(), fields: await db.fields.toArray(), pipelines: await db.pipelines.toArray(), views: await db.views.toArray() };
    expect(planPresetRenames(all, 'en')).toEqual([]);
    expect(names({ ...all })).toEqual(names(presetWorkspace(0, 'en')));
  });

  it('renames nothing that was not confirmed, nor a name changed after the dialog opened', async () => {
    const plan = await loadPresetRenames(db, 'es');
    await updateFolder(db, PRESET_FOLDER_IDS.deals, { name: 'Opportunities' });
    const confirmed = plan.filter((r) => r.kind === 'folder');
    expect(await applyPresetRenames(db, 'es', confirmed)).toBe(3);
    expect((await db.folders.toArray()).map((f) => f.name).sort()).toEqual(['Contactos', 'Empresas', 'Opportunities', 'Productos']);
    expect((await db.fields.get('fc_firstName'))!.label).toBe('First name');
  });

  it('goes through the write path: a shared workspace queues the renames for sync', async () => {
    await shareWorkspace();
    const plan = (await loadPresetRenames(db, 'es')).filter((r) => r.key === 'folders/folder_deals' || r.key.startsWith('fields/fd_priority'));
    await applyPresetRenames(db, 'es', plan);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.table, e.docId, e.changed])).toEqual([
      ['folders', 'folder_deals', ['name']],
      ['fields', 'fd_priority', ['label', 'options']],
    ]);
    expect(new Set(queued.map((e) => e.mutationId)).size).toBe(1);
  });
});

describe('what the user creates starts in the page language', () => {
  beforeEach(resetDb);
  afterEach(() => setLocale('en'));

  it('a new folder gets its name field and first view, a new pipeline its stages, in that language', async () => {
    setLocale('es');
    const folder = await createFolder(db, { name: 'Proyectos', icon: '' });
    expect((await db.fields.where('folderId').equals(folder.id).toArray()).map((f) => f.label)).toEqual(['Nombre']);
    expect((await db.views.where('folderId').equals(folder.id).toArray()).map((v) => v.name)).toEqual(['Todo en proyectos']);
    setLocale('it');
    expect((await createPipeline(db, 'Rinnovi')).stages.map((s) => s.name)).toEqual(['Nuovo', 'In corso', 'Vinto', 'Perso']);
  });
});

describe('the device language', () => {
  beforeEach(resetDb);
  afterEach(() => setLocale('en'));

  it('is unset until chosen, then read back; a damaged value reads as unset', async () => {
    expect(await getDeviceLocale(db)).toBeUndefined();
    await setDeviceLocale(db, 'it');
    expect(await getDeviceLocale(db)).toBe('it');
    await db.meta.put({ key: LOCALE_KEY, value: 'klingon' });
    expect(await getDeviceLocale(db)).toBeUndefined();
    await expect(setDeviceLocale(db, 'fr' as Locale)).rejects.toThrow();
  });

  it('is followed by contexts without React (the background), live', async () => {
    const stop = followDeviceLocale(db);
    try {
      await setDeviceLocale(db, 'it');
      await vi.waitFor(() => expect(getLocale()).toBe('it'));
      await setDeviceLocale(db, 'es');
      await vi.waitFor(() => expect(getLocale()).toBe('es'));
    } finally {
      stop();
    }
  });

  it('is never queued for sync', async () => {
    await shareWorkspace();
    await setDeviceLocale(db, 'es');
    expect(await db.outbox.count()).toBe(0);
  });
});
