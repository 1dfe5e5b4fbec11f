/**
 * A financial institution reaches nothing but the published financing editions: every GET route of the API other
 * than the account, reference and health routes and its own financing routes answers it 403 (or 404), with a real
 * project, need and edition present; every write outside its interest and match moves is refused without a change.
 * Routes added later are walked too (the route table, as admin.reach.test does for the administrators).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutesOf } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { NOT_BUSINESS_ROUTES, concreteRoute, getPastValidation } from '../../../test/route-walk.ts';

let ctx: TestContext;
let projectId: number;
let editionId: number;
let bank: Client;

/** What an institution may read: the published editions and its own matches, and their exports. */
const ALLOWED_READS = new Set([
  'GET /api/v1/financing/editions',
  'GET /api/v1/financing/editions/:id',
  'GET /api/v1/financing/matches',
  'GET /api/v1/exports/financing-edition.xlsx',
  'GET /api/v1/exports/financing-matches.xlsx',
]);
/** What an institution may write: its interest and its matches' moves; its own session and password. */
const ALLOWED_WRITES = new Set([
  'POST /api/v1/financing/editions/:id/needs/:needId/interest',
  'PATCH /api/v1/financing/matches/:id',
]);

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  const city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  const created = await city.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
  const need = { projectId, amount: '800', instrument: 'loan', termMonths: 12, purpose: '流动资金' };
  expect((await city.request({ method: 'POST', url: '/api/v1/financing/needs', payload: need })).statusCode).toBe(201);
  const edition = await city.request({ method: 'POST', url: '/api/v1/financing/editions', payload: {} });
  editionId = edition.json<{ id: number }>().id;
  bank = await signIn(ctx.app, await createTestUser(ctx.db, 'financial_institution'));
}, 120_000);
afterAll(() => ctx.close());

describe('a financial institution', () => {
  it('reads the published editions and its matches', async () => {
    for (const route of ALLOWED_READS) {
      const answer = await bank.request({ method: 'GET', url: concreteRoute(route, { projectId, editionId }) });
      expect(answer.statusCode, route).toBe(200);
    }
  });

  it('cannot read any other business route', async () => {
    const routes = apiRoutesOf(ctx.app).filter(
      (r) => r.startsWith('GET ') && !NOT_BUSINESS_ROUTES.has(r) && !ALLOWED_READS.has(r),
    );
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const answered = await getPastValidation(bank, concreteRoute(route, { projectId, editionId }));
      expect([403, 404], `${route}: ${answered.statusCode} ${answered.body.slice(0, 200)}`).toContain(
        answered.statusCode,
      );
    }
  });

  it('changes nothing through any other write route', async () => {
    const before = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const routes = apiRoutesOf(ctx.app).filter(
      (r) => !r.startsWith('GET ') && !r.startsWith('HEAD ') && !r.includes('/auth/') && !ALLOWED_WRITES.has(r),
    );
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const answered = await bank.request({ method, url: concreteRoute(route, { projectId, editionId }), payload: {} });
      // A body the schema refuses (400, 415) changes nothing either; no write may succeed.
      expect(
        [400, 403, 404, 405, 415, 428],
        `${route}: ${answered.statusCode} ${answered.body.slice(0, 200)}`,
      ).toContain(answered.statusCode);
    }
    const writes = await ctx.db
      .selectFrom('audit_log')
      .where('action', 'not in', ['access_denied', 'export'])
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(writes.n)).toBeLessThanOrEqual(Number(before.n));
  });
});
