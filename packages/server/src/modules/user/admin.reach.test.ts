/**
 * Neither the system nor the security administrator reaches business data: every GET route of the API other
 * than the few account, reference and health routes answers them 403 (or 404), with a real project and
 * reporting period present. A route added later is walked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutesOf } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { NOT_BUSINESS_ROUTES, concreteRoute, getPastValidation } from '../../../test/route-walk.ts';

let ctx: TestContext;
let projectId: number;
const admins: Record<string, Client> = {};

/** Beyond the routes open to everyone: the accounts and their organisations, which are the administrators' job. */
const NOT_BUSINESS = new Set([
  ...NOT_BUSINESS_ROUTES,
  'GET /api/v1/users',
  // Organisation names inside the administrator's region, to attach an owner account (no project data).
  'GET /api/v1/users/organizations',
]);

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  const city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  const created = await city.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
  for (const role of ['system_admin', 'security_admin'] as const)
    admins[role] = await signIn(ctx.app, await createTestUser(ctx.db, role, { regionCode: '230600' }));
});
afterAll(() => ctx.close());

describe('the system and security administrators', () => {
  for (const role of ['system_admin', 'security_admin']) {
    it(`${role} cannot read any project, report, statistic, bulletin or export`, async () => {
      const routes = apiRoutesOf(ctx.app).filter((r) => r.startsWith('GET ') && !NOT_BUSINESS.has(r));
      expect(routes.length).toBeGreaterThan(15);
      const client = admins[role];
      if (!client) throw new Error('no client');
      for (const route of routes) {
        const answered = await getPastValidation(client, concreteRoute(route, { projectId }));
        expect([403, 404], `${route}: ${answered.statusCode} ${answered.body.slice(0, 200)}`).toContain(
          answered.statusCode,
        );
      }
    });
  }
});
