import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../storage/backup/exportBackup';
import { parseBackup } from '../../../storage/backup/format';
import { applyRestore, planRestore } from '../../../storage/backup/restore';
import { countTemplateUse, saveTemplate } from '../../../storage/templates/templates';
import { db, resetDb } from '../../support/db';

beforeEach(resetDb);

describe('templates in backups', () => {
  it('a backup carries templates, their text and use counts, and restores them', async () => {
    const t = await saveTemplate(db, { name: 'Seguimiento', subject: 'Hola {{contact.firstName}}', body: 'Línea 1\nLínea 2 — €', language: 'es' });
    await countTemplateUse(db, t.id);
    const before = await db.templates.toArray();
    const text = (await exportBackup(db, 'Acme')).parts.join('');
    await resetDb();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const plan = await planRestore(db, parsed.backup);
    expect(plan.summary.templates).toEqual({ added: 1, updated: 0, kept: 0 });
    await applyRestore(db, plan);
    expect(await db.templates.toArray()).toEqual(before);
  });

  it('a backup made before templates existed still restores (no templates table in the file)', async () => {
    const text = (await exportBackup(db, 'Acme')).parts.join('');
    const file = JSON.parse(text) as { tables: Record<string, unknown> };
    delete file.tables.templates;
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
  });

  it('a template that breaks its schema makes the file damaged, naming the table', () => {
    const file = { format: 'threadline-backup', version: 1, exportedAt: 1, workspaceName: '', tables: { templates: [{ id: 't', name: '', subject: '', body: '', language: 'en', uses: {}, createdAt: 1, updatedAt: 1 }] } };
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'damaged', table: 'templates' } });
  });
});
