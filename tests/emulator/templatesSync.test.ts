// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countTemplateUse, saveTemplate, templateUses } from '../../storage/templates/templates';
import { deviceId } from '../../storage/replica/clocks';
import { BO, CY, syncSuite } from './suite';

/** Templates through the engine, the Firestore transport and firestore.rules (a member writes them). */
const s = syncSuite('demo-templates');

describe('templates through Firestore', () => {
  it('uses counted at the same time on two devices both count everywhere; an edit and a use both survive', async () => {
    const ws = await s.workspace([[BO, 'owner'], [CY, 'member']]);
    const a = await s.device(BO).attach(ws).open({ role: 'owner' });
    const b = await s.device(CY).attach(ws).open({ role: 'member' });
    const t = await saveTemplate(b.db, { name: 'Follow-up', subject: 'Hi {{contact.firstName}}', body: 'Line 1\nLine 2', language: 'en' });
    await b.sync();
    await a.sync();
    expect(await a.db.templates.get(t.id)).toEqual(t);

    await countTemplateUse(a.db, t.id);
    await countTemplateUse(a.db, t.id);
    await countTemplateUse(b.db, t.id);
    await saveTemplate(b.db, { ...t, body: 'Edited by the member' });
    await a.sync();
    await b.sync();
    await a.sync();

    for (const c of [a, b]) {
      const got = (await c.db.templates.get(t.id))!;
      expect(templateUses(got)).toBe(3);
      expect(got.body).toBe('Edited by the member');
    }
    const server = await s.serverDoc(ws, 'templates', t.id);
    const v = server?.v as Record<string, unknown>;
    expect(v[`uses.${await deviceId(a.db)}`]).toBe(2);
    expect(v[`uses.${await deviceId(b.db)}`]).toBe(1);
  }, 60_000);
});
