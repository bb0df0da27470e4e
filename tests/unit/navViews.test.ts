import { beforeEach, describe, expect, it } from 'vitest';
import { navViewsReplySchema } from '../../messaging/navViews';
import { navViews } from '../../storage/queries/navViews';
import { db, resetDb } from '../support/db';

describe("the saved views Gmail's nav lists", () => {
  beforeEach(resetDb);

  it("follows the CRM page's order folder by folder, says which are boards, and fits the reply's schema", async () => {
    const reply = await navViews(db);
    expect(navViewsReplySchema.safeParse(reply).success).toBe(true);
    const folders = reply.views.map((v) => v.folder);
    expect(folders.indexOf('Contacts')).toBeLessThan(folders.indexOf('Deals'));
    expect(reply.views.find((v) => v.name === 'Pipeline')).toMatchObject({ folder: 'Deals', board: true });
    expect(reply.views.find((v) => v.name === 'All contacts')).toMatchObject({ board: false });
  });
});
