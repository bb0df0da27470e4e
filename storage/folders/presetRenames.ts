import type { Locale } from '../../i18n/locale';
import type { ThreadlineDB } from '../db/db';
import { fieldSchema, type Field } from '../model/field';
import { folderSchema, pipelineSchema, viewSchema, type Folder, type Pipeline, type View } from '../model/entities';
import { mutate } from '../write/mutate';
import { presetWorkspace } from './presets';
import { PRESET_LOCALES } from './presetLabels';

/**
 * Renaming the presets into another language. A preset name counts as untouched when it still
 * reads as the preset reads in one of Threadline's languages; anything else is the user's own
 * name and is never offered. Items are found by their fixed ids, so it works on any device.
 */
export type PresetRename = {
  kind: 'folder' | 'field' | 'option' | 'pipeline' | 'stage' | 'view';
  /** The document (`table/id`) and, for options and stages, the item inside it. */
  key: string;
  /** Where it is, by its current name: the folder of a field or view, the field of an option, the pipeline of a stage. */
  within?: string;
  from: string;
  to: string;
};

export type PresetDocs = { folders: Folder[]; fields: Field[]; pipelines: Pipeline[]; views: View[] };

type Names = Map<string, { all: Set<string>; to: string }>;

/** Every language's name of each preset item, keyed like PresetRename.key, and the target's name. */
function presetNames(target: Locale): Names {
  const names: Names = new Map();
  const add = (key: string, name: string, locale: Locale) => {
    const entry = names.get(key) ?? { all: new Set<string>(), to: name };
    entry.all.add(name);
    if (locale === target) entry.to = name;
    names.set(key, entry);
  };
  for (const locale of PRESET_LOCALES) {
    const docs = presetWorkspace(0, locale);
    for (const f of docs.folders) add(`folders/${f.id}`, f.name, locale);
    for (const v of docs.views) add(`views/${v.id}`, v.name, locale);
    for (const f of docs.fields) {
      add(`fields/${f.id}`, f.label, locale);
      for (const o of f.options ?? []) add(`fields/${f.id}/${o.id}`, o.label, locale);
    }
    for (const p of docs.pipelines) {
      add(`pipelines/${p.id}`, p.name, locale);
      for (const s of p.stages) add(`pipelines/${p.id}/${s.id}`, s.name, locale);
    }
  }
  return names;
}

/** The renames that bring untouched presets into `target`, in the order a reader meets them. */
export function planPresetRenames(docs: PresetDocs, target: Locale): PresetRename[] {
  const names = presetNames(target);
  const out: PresetRename[] = [];
  const offer = (kind: PresetRename['kind'], key: string, current: string, within?: string) => {
    const preset = names.get(key);
    if (!preset || !preset.all.has(current) || preset.to === current) return;
    out.push({ kind, key, from: current, to: preset.to, ...(within === undefined ? {} : { within }) });
  };
  const folderName = new Map(docs.folders.map((f) => [f.id, f.name]));
  for (const f of docs.folders) offer('folder', `folders/${f.id}`, f.name);
  for (const v of docs.views) offer('view', `views/${v.id}`, v.name, folderName.get(v.folderId));
  for (const f of docs.fields) {
    offer('field', `fields/${f.id}`, f.label, folderName.get(f.folderId));
    for (const o of f.options ?? []) offer('option', `fields/${f.id}/${o.id}`, o.label, f.label);
  }
  for (const p of docs.pipelines) {
    offer('pipeline', `pipelines/${p.id}`, p.name);
    for (const s of p.stages) offer('stage', `pipelines/${p.id}/${s.id}`, s.name, p.name);
  }
  return out;
}

export async function loadPresetRenames(db: ThreadlineDB, target: Locale): Promise<PresetRename[]> {
  const [folders, fields, pipelines, views] = await Promise.all([db.folders.toArray(), db.fields.toArray(), db.pipelines.toArray(), db.views.toArray()]);
  return planPresetRenames({ folders, fields, pipelines, views }, target);
}

/**
 * Applies the renames the user confirmed, in one write through mutate (so a shared workspace
 * syncs them). The plan is made again inside the transaction and only its entries that were
 * confirmed are applied: a name someone changed since the dialog opened is left alone.
 */
export function applyPresetRenames(db: ThreadlineDB, target: Locale, confirmed: readonly PresetRename[]): Promise<number> {
  return mutate(db, async (w) => {
    const ok = new Set(confirmed.map((r) => `${r.key}\u0000${r.to}`));
    const plan = (await loadPresetRenames(w.db, target)).filter((r) => ok.has(`${r.key}\u0000${r.to}`));
    const to = new Map(plan.map((r) => [r.key, r.to]));
    const now = Date.now();
    const renamed = <T>(key: string, current: T) => (to.get(key) ?? current) as T;

    for (const f of await w.db.folders.toArray()) {
      if (to.has(`folders/${f.id}`)) await w.put('folders', folderSchema.parse({ ...f, name: renamed(`folders/${f.id}`, f.name), updatedAt: now }), ['name']);
    }
    for (const v of await w.db.views.toArray()) {
      if (to.has(`views/${v.id}`)) await w.put('views', viewSchema.parse({ ...v, name: renamed(`views/${v.id}`, v.name), updatedAt: now }), ['name']);
    }
    for (const f of await w.db.fields.toArray()) {
      const label = renamed(`fields/${f.id}`, f.label);
      const options = f.options?.map((o) => ({ ...o, label: renamed(`fields/${f.id}/${o.id}`, o.label) }));
      const changed = [...(label !== f.label ? ['label'] : []), ...(options?.some((o, i) => o.label !== f.options![i]!.label) ? ['options'] : [])];
      if (changed.length) await w.put('fields', fieldSchema.parse({ ...f, label, ...(options ? { options } : {}), updatedAt: now }), changed);
    }
    for (const p of await w.db.pipelines.toArray()) {
      const name = renamed(`pipelines/${p.id}`, p.name);
      const stages = p.stages.map((s) => ({ ...s, name: renamed(`pipelines/${p.id}/${s.id}`, s.name) }));
      const changed = [...(name !== p.name ? ['name'] : []), ...(stages.some((s, i) => s.name !== p.stages[i]!.name) ? ['stages'] : [])];
      if (changed.length) await w.put('pipelines', pipelineSchema.parse({ ...p, name, stages, updatedAt: now }), changed);
    }
    return plan.length;
  });
}
