/**
 * The daily evaluation end to end: warnings raised, confirmed (with a level change) and cleared across dates, the
 * same date twice changing nothing, a preset switch audited and changing the outcome, a bad preset refused whole,
 * the list's scope (a district sees its own, an owner its own projects), and the snapshot agreeing with the
 * statistics for the same project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, WarningPresetList } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { actorOf, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { loadStatProjects, planProject } from '../../../test/stat-fixture.ts';
import { rebuildYearProgress } from '../report/report.repository.ts';
import { headlineFigures } from '../stats/stats.service.ts';
import { evaluateWarningsAsOf } from './warning-evaluation.service.ts';
import { loadWarningSnapshots } from './warning.repository.ts';

const WAN = 1_000_000n;
const CUTOFFS = ['2021-01-25', '2021-02-25', '2021-03-25', '2021-04-25'];

/** A 2021 project with a 1200万元 plan that completed `perMonth` 万元 in each of January to April. */
const project = (id: number, regionCode: string, perMonth: bigint) => planProject(id, regionCode, CUTOFFS, perMonth);

let ctx: TestContext;
let city: Client;
let district: Client;
let otherDistrict: Client;
let owner: Client;
let strangerOwner: Client;
let ids: Map<number, number>;

beforeAll(async () => {
  ctx = await createTestContext();
  // A (萨尔图区) lags badly, B (萨尔图区) a little, C (龙凤区) badly.
  ids = await loadStatProjects(
    ctx.db,
    [project(1, '230602', 5n), project(2, '230602', 75n), project(3, '230603', 5n)],
    2021,
  );
  const ownerOrg = (await ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  otherDistrict = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: ownerOrg }));
  const stranger = await createOrganization(ctx.db);
  strangerOwner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: stranger }));
}, 120_000);
afterAll(() => ctx.close());

const stored = () =>
  ctx.db
    .selectFrom('warnings')
    .select(['project_id', 'rule', 'level', 'preset_id', 'first_raised_on', 'last_confirmed_on', 'level_changed_on'])
    .select((eb) => eb.fn('coalesce', [eb.cast('cleared_on', 'text'), eb.val('')]).as('cleared'))
    .orderBy('id')
    .execute();

async function list(client: Client, query = '') {
  const response = await client.request({ method: 'GET', url: `/api/v1/warnings${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: { projectId: number; level: string; rule: string; text: string }[]; total: number }>();
}

describe('the warning evaluation', () => {
  it('raises yellow in March, confirms as red in May keeping the first raised date', async () => {
    const march = await evaluateWarningsAsOf(ctx.db, '2021-03-20');
    expect(march).toMatchObject({ projects: 3, raised: 2, confirmed: 0, cleared: 0, active: 2 });
    const may = await evaluateWarningsAsOf(ctx.db, '2021-05-20');
    expect(may).toMatchObject({ raised: 0, confirmed: 2, cleared: 0, active: 2 });
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      project_id: ids.get(1),
      rule: 'investment_behind_pace',
      level: 'red',
      preset_id: 'yinchuan',
      cleared: '',
    });
    expect(String(rows[0]?.first_raised_on)).toContain('2021-03-20');
    expect(String(rows[0]?.level_changed_on)).toContain('2021-05-20');
  });

  it('is idempotent: the same date again changes no row and sends no second notice', async () => {
    const before = await stored();
    const notices = await ctx.db.selectFrom('notifications').select('id').execute();
    expect(notices.length).toBeGreaterThan(0);
    const again = await evaluateWarningsAsOf(ctx.db, '2021-05-20');
    expect(again).toMatchObject({ raised: 0, cleared: 0, active: 2 });
    expect(await stored()).toEqual(before);
    expect(await ctx.db.selectFrom('notifications').select('id').execute()).toHaveLength(notices.length);
  });

  it('shows a district its own warnings only, an owner its own projects only', async () => {
    expect((await list(district)).items.map((w) => w.projectId)).toEqual([ids.get(1)]);
    expect((await list(otherDistrict)).items.map((w) => w.projectId)).toEqual([ids.get(3)]);
    expect((await list(owner)).total).toBe(2);
    expect((await list(strangerOwner)).total).toBe(0);
    expect((await list(city, '?level=red')).total).toBe(2);
    // The search: a project's name or a fragment of its code, case ignored (db/like.ts containsText).
    expect((await list(city, `?q=${encodeURIComponent('统计夹具项目3')}`)).items.map((w) => w.projectId)).toEqual([
      ids.get(3),
    ]);
    expect((await list(city, '?q=230602-00-01-000001')).items.map((w) => w.projectId)).toEqual([ids.get(1)]);
    expect((await list(district, `?q=${encodeURIComponent('统计夹具项目3')}`)).total).toBe(0);
    const outside = await district.request({ method: 'GET', url: '/api/v1/warnings?regionCode=230603' });
    expect(outside.statusCode).toBe(400);
    const foreign = await district.request({ method: 'GET', url: `/api/v1/projects/${ids.get(3)}/warnings` });
    expect(foreign.json()).toEqual({ active: [], history: [] });
  });

  it('exports the list with its filters and scope as xlsx, audited', async () => {
    const response = await district.request({ method: 'GET', url: '/api/v1/warnings/export?level=red' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'export')
      .where('actor_username', '=', district.user.username)
      .execute();
    expect(audit).toEqual([{ entity_id: 'xlsx:warnings' }]);
  });

  it('switches a district to Sanya (audited), which raises the small lag Yinchuan let pass', async () => {
    const refused = await district.request({
      method: 'PUT',
      url: '/api/v1/warning-presets/active',
      payload: { regionCode: '230602', presetId: 'sanya' },
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await city.request({
      method: 'PUT',
      url: '/api/v1/warning-presets/active',
      payload: { regionCode: '230602', presetId: 'nowhere' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.fields).toHaveProperty('presetId');
    const switched = await city.request({
      method: 'PUT',
      url: '/api/v1/warning-presets/active',
      payload: { regionCode: '230602', presetId: 'sanya' },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json<WarningPresetList>().active).toEqual([
      { regionCode: '230602', regionName: expect.any(String), presetId: 'sanya' },
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'warning_preset')
      .execute();
    expect(audit).toEqual([{ action: 'update', entity_id: '230602' }]);

    const evaluated = await city.request({ method: 'POST', url: '/api/v1/warnings/evaluate' });
    // B's small lag, and Sanya's district rule: 萨尔图区 missed its monthly target (plans / 12) four months running.
    expect(evaluated.json()).toMatchObject({ raised: 2, confirmed: 2, cleared: 0 });
    const districtWarning = (await list(district, '?rule=district_target_missed')).items;
    expect(districtWarning).toMatchObject([{ projectId: null, level: 'red' }]);
    expect((await list(otherDistrict, '?rule=district_target_missed')).total).toBe(0);
    const b = (await list(district)).items.find((w) => w.projectId === ids.get(2));
    expect(b).toMatchObject({ level: 'yellow', rule: 'investment_behind_pace' });
    expect(b?.text).toContain('落后 25%');
  });

  it('clears a warning once the project catches up', async () => {
    const a = ids.get(1) ?? -1;
    await ctx.db
      .updateTable('monthly_reports')
      .set({ completed_this_month: 500n * WAN })
      .where('project_id', '=', a)
      .where('month', '=', 4)
      .execute();
    await rebuildYearProgress(ctx.db, 2021);
    // A's warning, and the district's (April's completion now beats the monthly target).
    expect(await evaluateWarningsAsOf(ctx.db, '2021-05-20')).toMatchObject({ cleared: 2 });
    const history = await district.request({ method: 'GET', url: `/api/v1/projects/${a}/warnings` });
    expect(history.json()).toMatchObject({ active: [], history: [{ clearedOn: '2021-05-20', level: 'red' }] });
    expect((await list(district, '?status=cleared')).total).toBe(2);
  });

  it('refuses a bad preset whole, naming every field, and stores nothing', async () => {
    const response = await city.request({
      method: 'POST',
      url: '/api/v1/warning-presets',
      payload: {
        id: 'custom',
        version: 1,
        label: { zh: '自定义', en: 'Custom' },
        rules: {
          start_overdue: { version: 1, yellow: { op: 'at_least', value: 5 }, red: { op: 'at_least', value: 2 } },
          investment_behind_pace: {
            version: 1,
            basis: 'points',
            yellow: { op: 'at_least', value: 10 },
            red: { op: 'over', value: 300 },
          },
          no_such_rule: {},
        },
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = Object.keys(response.json<ErrorBody>().error.fields ?? {});
    expect(fields).toEqual(
      expect.arrayContaining([
        'rules.start_overdue.red',
        'rules.investment_behind_pace.red.value',
        'rules.no_such_rule',
      ]),
    );
    expect(await ctx.db.selectFrom('warning_presets').select('id').execute()).toEqual([]);
    const good = await city.request({
      method: 'POST',
      url: '/api/v1/warning-presets',
      payload: {
        id: 'strict',
        version: 1,
        label: { zh: '从严', en: 'Strict' },
        rules: {
          start_overdue: { version: 1, yellow: { op: 'at_least', value: 0 }, red: { op: 'at_least', value: 1 } },
        },
      },
    });
    expect(good.statusCode).toBe(201);
    const presets = await city.request({ method: 'GET', url: '/api/v1/warning-presets' });
    expect(presets.json<WarningPresetList>().presets.map((p) => p.preset.id)).toEqual(['yinchuan', 'sanya', 'strict']);
  });

  it('reads the same year-to-date completion as the statistics', async () => {
    const rows = await loadWarningSnapshots(ctx.db, '230603', '2021-05-20');
    expect(rows).toHaveLength(1);
    const admin = actorOf({ id: 1, username: 'x', password: '' }, 'city_admin', { regionCode: '230600' });
    const stats = await headlineFigures(ctx.db, admin, { asOf: '2021-05-20', regionCode: '230603' });
    expect(BigInt(rows[0]?.completed_ytd ?? '0')).toBe(20n * WAN);
    expect(stats.figures.completedYtd).toBe('20.00');
  });
});
