/**
 * Reporting periods over the API: readers of reports see a year's periods; only the city sets a period's cut-off
 * (inside its month) and deadline, audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@keyprojects/core';
import { createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let city: Client;
let staff: Client;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  [city, staff, owner] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
  ]);
}, 60_000);

afterAll(() => ctx.close());

const setPeriod = (client: Client, month: number, payload: Record<string, unknown>) =>
  client.request({ method: 'PUT', url: `/api/v1/periods/2021/${month}`, payload });

describe('reporting periods', () => {
  it('lets the city set a period, audits it, and shows it to the readers of reports', async () => {
    const response = await setPeriod(city, 4, { cutoffDate: '2021-04-25', deadline: '2021-05-05' });
    expect(response.statusCode, response.body).toBe(204);
    const listed = await owner.request({ method: 'GET', url: '/api/v1/periods?year=2021' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({
      items: [{ year: 2021, month: 4, cutoffDate: '2021-04-25', deadline: '2021-05-05', locked: false }],
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'period')
      .where('entity_id', '=', '2021-4')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'update', after: { cutoffDate: '2021-04-25', deadline: '2021-05-05' } });
  });

  it('refuses a cut-off outside the month and a deadline before the cut-off, naming the field', async () => {
    const outside = await setPeriod(city, 6, { cutoffDate: '2021-07-01', deadline: '2021-07-05' });
    expect(outside.statusCode).toBe(400);
    expect(Object.keys(outside.json<ErrorBody>().error.fields ?? {})).toEqual(['cutoffDate']);
    const order = await setPeriod(city, 6, { cutoffDate: '2021-06-30', deadline: '2021-06-01' });
    expect(order.statusCode).toBe(400);
    expect(Object.keys(order.json<ErrorBody>().error.fields ?? {})).toEqual(['deadline']);
  });

  it('does not let district staff set a period', async () => {
    expect((await setPeriod(staff, 5, { cutoffDate: '2021-05-31', deadline: '2021-06-05' })).statusCode).toBe(403);
  });
});
