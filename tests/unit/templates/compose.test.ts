import { beforeEach, describe, expect, it } from 'vitest';
import { composeTemplatesReplySchema, templateUsedReplySchema } from '../../../messaging/protocol';
import { PRESET_FOLDER_IDS } from '../../../storage/folders/presets';
import { templateRequest } from '../../../storage/templates/compose';
import { saveTemplate, templateUses } from '../../../storage/templates/templates';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

const me = { name: 'Rep', email: 'rep@team.com' };

describe('the background’s template messages', () => {
  beforeEach(resetDb);

  it('answers a compose with every template filled in for its recipients, missing values named', async () => {
    await createRecord(db, PRESET_FOLDER_IDS.contacts, { fc_firstName: '<b>Ana</b>', fc_emails: ['ana@acme.com'] });
    await saveTemplate(db, { name: 'Hello', subject: 'Hi {{contact.firstName}}', body: 'Hi {{contact.firstName}},\n{{company.name}}\n{{me.name}}', language: 'en' });
    const read = templateRequest({ type: 'threadline/compose-templates', recipients: ['ana@acme.com'], me });
    const reply = composeTemplatesReplySchema.parse(await read!.answer(db));
    expect(reply.templates).toHaveLength(1);
    expect(reply.templates[0]).toMatchObject({
      name: 'Hello',
      language: 'en',
      subject: 'Hi <b>Ana</b>',
      text: 'Hi <b>Ana</b>,\n[Company]\nRep',
      missing: ['company.name'],
    });
    expect(reply.templates[0]!.html).toContain('Hi &lt;b&gt;Ana&lt;/b&gt;,<br><span data-tl-missing="company.name"');
  });

  it('counts a use on this device', async () => {
    const t = await saveTemplate(db, { name: 'Hello', subject: '', body: '', language: 'en' });
    const reply = templateUsedReplySchema.parse(await templateRequest({ type: 'threadline/template-used', id: t.id })!.answer(db));
    expect(reply).toEqual({ ok: true });
    expect(templateUses((await db.templates.get(t.id))!)).toBe(1);
    expect(await templateRequest({ type: 'threadline/template-used', id: 'tpl_gone' })!.answer(db)).toEqual({ ok: false });
  });

  it('refuses malformed messages: nothing is read or written', () => {
    const bad: unknown[] = [
      { type: 'threadline/compose-templates', recipients: ['a@b.c'] },
      { type: 'threadline/compose-templates', recipients: 'a@b.c', me },
      { type: 'threadline/compose-templates', recipients: Array.from({ length: 101 }, (_, i) => `p${i}@x.com`), me },
      { type: 'threadline/compose-templates', recipients: [], me, extra: true },
      { type: 'threadline/compose-templates', recipients: [], threadId: '', me },
      { type: 'threadline/compose-templates', recipients: [], me: { name: 1 } },
      { type: 'threadline/template-used' },
      { type: 'threadline/template-used', id: 'x'.repeat(65) },
      { type: 'threadline/template-used', id: 't', count: 5 },
      null,
      'threadline/template-used',
    ];
    for (const raw of bad) expect(templateRequest(raw), JSON.stringify(raw)).toBeUndefined();
  });

  it('offers at most 200 templates, by name', async () => {
    for (let i = 0; i < 205; i++) await saveTemplate(db, { name: `T${String(i).padStart(3, '0')}`, subject: '', body: '', language: 'en' });
    const reply = composeTemplatesReplySchema.parse(await templateRequest({ type: 'threadline/compose-templates', recipients: [], me: {} })!.answer(db));
    expect(reply.templates).toHaveLength(200);
    expect(reply.templates[0]!.name).toBe('T000');
  });
});
