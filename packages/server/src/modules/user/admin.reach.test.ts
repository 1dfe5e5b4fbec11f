/**
 * Neither the system nor the security administrator reaches business data: every GET route of the API other
 * than the few account, reference and health routes answers them 403 (or 404), with a real project and
 * reporting period present. A route added later is walked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutesOf } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';

let ctx: TestContext;
let projectId: number;
const admins: Record<string, Client> = {};

/** Routes that are not business data: sign-in support, code lists, health, the accounts and their organisations. */
const NOT_BUSINESS = new Set([
  'GET /api/v1/auth/demo-accounts',
  'GET /api/v1/auth/me',
  'GET /api/v1/codelists',
  'GET /api/v1/health',
  // Whether this is the demo or production (for the banner), public.
  'GET /api/v1/environment',
  'GET /api/v1/regions/scope',
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

const concrete = (route: string) =>
  route
    .replace(/^GET /, '')
    .replace('/jobs/:id', '/jobs/00000000-0000-4000-8000-000000000001')
    .replace(':id', String(projectId))
    .replace(':year', '2021')
    .replace(':month', '4')
    .replace(':photoId', '1')
    .replace(':attachmentId', '1')
    .replace(':kind', 'daily');
/** Query strings tried in turn until one passes validation, so that the permission (not the schema) answers. */
const QUERIES = [
  '',
  '?year=2021&month=4',
  '?year=2021',
  '?asOf=2021-04-30',
  // The dispatch loop's reads: a meeting's agenda preview, a notice's date, a league's period.
  '?regionCode=230600&heldOn=2021-05-20',
  '?date=2021-05-20',
  '?from=2021-01-01&to=2021-05-20',
  // The rankings (issue #13): a scheme and its period, or a period alone (data quality).
  '?scheme=yanan&period=2021-05',
  '?period=2021-05',
];

describe('the system and security administrators', () => {
  for (const role of ['system_admin', 'security_admin']) {
    it(`${role} cannot read any project, report, statistic, bulletin or export`, async () => {
      const routes = apiRoutesOf(ctx.app).filter((r) => r.startsWith('GET ') && !NOT_BUSINESS.has(r));
      expect(routes.length).toBeGreaterThan(15);
      const client = admins[role];
      if (!client) throw new Error('no client');
      for (const route of routes) {
        let answered = await client.request({ method: 'GET', url: concrete(route) });
        for (const query of QUERIES.slice(1)) {
          if (answered.statusCode !== 400) break;
          answered = await client.request({ method: 'GET', url: `${concrete(route)}${query}` });
        }
        expect([403, 404], `${route}: ${answered.statusCode} ${answered.body.slice(0, 200)}`).toContain(
          answered.statusCode,
        );
      }
    });
  }
});
