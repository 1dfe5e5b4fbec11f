/**
 * The dispatch configuration: the city administrator saves the working-day calendar and the deadline rule
 * (validated by core's schemas, versioned, audited); a stale version is 409, district staff get 403, a bad rule a
 * field-level 400, and a saved rule gives the problems assigned afterwards their clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, RULE_13710, type CalendarConfig, type DeadlineRuleConfig } from '@keyprojects/core';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createProblemCast } from '../problem/problem.fixture.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const cast = await createProblemCast(ctx.db);
  admin = await signIn(ctx.app, cast.cityAdmin.user);
  staff = await signIn(ctx.app, cast.staff.user);
}, 60_000);

afterAll(() => ctx.close());

describe('the dispatch configuration', () => {
  it('shows the shipped calendar, saves an edited one at its version, and refuses a stale version', async () => {
    const shown = (await staff.request({ method: 'GET', url: '/api/v1/dispatch/calendar' })).json<CalendarConfig>();
    expect(shown).toMatchObject({ version: 0, isDefault: true, calendar: CHINA_CALENDAR });
    const calendar = { ...CHINA_CALENDAR, holidays: [...CHINA_CALENDAR.holidays, '2021-05-21'] };
    const refused = await staff.request({
      method: 'PUT',
      url: '/api/v1/dispatch/calendar',
      payload: { calendar, version: 0 },
    });
    expect(refused.statusCode).toBe(403);
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/v1/dispatch/calendar',
      payload: { calendar, version: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<CalendarConfig>()).toMatchObject({ version: 1, isDefault: false });
    const stale = await admin.request({
      method: 'PUT',
      url: '/api/v1/dispatch/calendar',
      payload: { calendar, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'dispatch_config')
      .execute();
    expect(audit).toEqual([{ action: 'update' }]);
  });

  it('refuses a calendar naming a date both holiday and working day, field by field', async () => {
    const calendar = { ...CHINA_CALENDAR, workingDays: ['2021-05-03'] };
    const response = await admin.request({
      method: 'PUT',
      url: '/api/v1/dispatch/calendar',
      payload: { calendar, version: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'calendar.workingDays.0',
    ]);
  });

  it('saves a deadline rule that the next assignment keeps to', async () => {
    const rule = { ...RULE_13710, id: 'fast', version: 2, steps: RULE_13710.steps.slice(0, 2) };
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/v1/dispatch/deadline-rule',
      payload: { rule, version: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const shown = (
      await staff.request({ method: 'GET', url: '/api/v1/dispatch/deadline-rule' })
    ).json<DeadlineRuleConfig>();
    expect(shown.rule.id).toBe('fast');
  });
});
