/**
 * The database follows the application's date: a connection opened with `today` answers it from app_today(), so a
 * project created through the API on TODAY=2021-05-20 gets its first transition on that day with nothing re-dating
 * it; a database opened without it uses its real date.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../test/factories.ts';
import { createTestContext, type TestContext } from '../../test/helper.ts';

let ctx: TestContext;
let staff: Client;
let ownerOrg: number;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  staff = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u));
}, 60_000);
afterAll(() => ctx.close());

const appToday = async (db: TestContext['db']) =>
  (await sql<{ day: string }>`select app_today()::text as day`.execute(db)).rows[0]?.day;

describe('the application date in the database', () => {
  it('dates a new project’s first transition on TODAY, keeping the real creation time', async () => {
    expect(await appToday(ctx.db)).toBe('2021-05-20');
    const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerOrg) });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const transitions = await ctx.db
      .selectFrom('lifecycle_transitions')
      .where('project_id', '=', id)
      .select(['phase', 'occurred_on', 'source'])
      .execute();
    expect(transitions).toEqual([{ phase: 'preparation', occurred_on: '2021-05-20', source: 'create' }]);
    const project = await ctx.db.selectFrom('projects').where('id', '=', id).select('created_at').executeTakeFirst();
    // Stored as the real time: the computer's clock is years past the demo date.
    expect(project?.created_at.getTime()).toBeGreaterThan(Date.parse('2021-05-21T00:00:00+08:00'));
  });

  it('keeps every pooled connection on TODAY, and falls back to the real date without it', async () => {
    const days = await Promise.all(Array.from({ length: 4 }, () => appToday(ctx.db)));
    expect(days).toEqual(['2021-05-20', '2021-05-20', '2021-05-20', '2021-05-20']);
    const plain = await createTestDatabase();
    try {
      const real = (await sql<{ day: string }>`select current_date::text as day`.execute(plain.db)).rows[0]?.day;
      expect(await appToday(plain.db)).toBe(real);
    } finally {
      await plain.close();
    }
  });
});
