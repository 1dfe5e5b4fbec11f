/**
 * Funding totals never drift from their history (issue #13): totals written whole — a project created with them,
 * the project form's edit, a ledger import's create and update — record their difference from the events as dated
 * events (the application's date, the actor, a note saying where they came from) in the same transaction, so the
 * totals always equal the sum of the events and summaries as of today count them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  projectCreateInput,
  projectUpdateInput,
  type FundingHistory,
  type FundingSummaryOutput,
  type ProjectOutput,
} from '@keyprojects/core';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import {
  actorOf,
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
  type TestUser,
} from '../../../test/factories.ts';
import { writeCreates, writeUpdates } from '../ledger/projects/project-ledger.write.ts';
import { FORM_FUNDING_NOTE } from '../project/project.service.ts';

let ctx: TestContext;
let city: Client;
let org: number;
let user: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await createOrganization(ctx.db, { regionCode: '230602' });
  user = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  city = await signIn(ctx.app, user);
}, 120_000);
afterAll(() => ctx.close());

const history = async (projectId: number) =>
  (await city.request({ method: 'GET', url: `/api/v1/funding/projects/${String(projectId)}` })).json<FundingHistory>();

/** The events summed per kind and step, as the totals read (万元 text, kinds with nothing left out). */
function sumOfEvents(result: FundingHistory) {
  const sums = new Map<string, Record<string, number>>();
  for (const event of result.events) {
    const kind = sums.get(event.kind) ?? { applied: 0, approved: 0, issued: 0 };
    kind[event.step] = (kind[event.step] ?? 0) + Math.round(Number(event.amount) * 100);
    sums.set(event.kind, kind);
  }
  return [...sums.entries()]
    .filter(([, steps]) => Object.values(steps).some((v) => v !== 0))
    .map(([kind, steps]) => ({
      kind,
      applied: ((steps.applied ?? 0) / 100).toFixed(2),
      approved: ((steps.approved ?? 0) / 100).toFixed(2),
      issued: ((steps.issued ?? 0) / 100).toFixed(2),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

describe('totals written through the project form', () => {
  let project: ProjectOutput;

  it('records a created project’s totals as events dated today, which summaries as of today count', async () => {
    const body = buildProject(org, {
      regionCode: '230602',
      totalInvestment: '100000',
      fundingSources: [
        { kind: 'central_budget', applied: '3000', approved: '2000', issued: '1000' },
        { kind: 'special_bond', applied: '500', approved: '0', issued: '0' },
        // Other kinds have no dated history (only the two reported kinds do).
        { kind: 'bank_loan', applied: '800', approved: '800', issued: '800' },
      ],
    });
    const created = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json<ProjectOutput>();
    const result = await history(project.id);
    expect(result.events.map((e) => [e.kind, e.step, e.amount, e.occurredOn]).sort()).toEqual([
      ['central_budget', 'applied', '3000.00', TEST_TODAY],
      ['central_budget', 'approved', '2000.00', TEST_TODAY],
      ['central_budget', 'issued', '1000.00', TEST_TODAY],
      ['special_bond', 'applied', '500.00', TEST_TODAY],
    ]);
    expect(result.events.every((e) => e.note === FORM_FUNDING_NOTE && e.enteredBy !== null)).toBe(true);
    expect(sumOfEvents(result)).toEqual(result.totals.filter((t) => t.kind !== 'bank_loan'));
    const summary = await city.request({ method: 'GET', url: `/api/v1/funding/summary?asOf=${TEST_TODAY}` });
    const central = summary.json<FundingSummaryOutput>().regions[0]?.kinds.find((k) => k.kind === 'central_budget');
    expect(central).toMatchObject({ projects: 1, issued: '1000.00', approved: '2000.00' });
  });

  it('records an edit’s differences, lowered totals as negative events, and keeps totals == sum of events', async () => {
    const patch = await city.request({
      method: 'PATCH',
      url: `/api/v1/projects/${String(project.id)}`,
      headers: { 'if-match': `"${String(project.version)}"` },
      payload: {
        fundingSources: [{ kind: 'central_budget', applied: '3000', approved: '1800', issued: '1500' }],
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const result = await history(project.id);
    expect(
      result.events
        .slice(0, 3)
        .map((e) => [e.kind, e.step, e.amount])
        .sort(),
    ).toEqual([
      ['central_budget', 'approved', '-200.00'],
      ['central_budget', 'issued', '500.00'],
      ['special_bond', 'applied', '-500.00'],
    ]);
    expect(result.totals).toEqual([
      { kind: 'central_budget', applied: '3000.00', approved: '1800.00', issued: '1500.00' },
    ]);
    expect(sumOfEvents(result)).toEqual(result.totals);
    // The same totals again record nothing.
    const again = await city.request({
      method: 'PATCH',
      url: `/api/v1/projects/${String(project.id)}`,
      headers: { 'if-match': `"${String(patch.json<ProjectOutput>().version)}"` },
      payload: { fundingSources: [{ kind: 'central_budget', applied: '3000', approved: '1800', issued: '1500' }] },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await history(project.id)).events).toHaveLength(result.events.length);
  });
});

describe('totals written by a ledger import', () => {
  it('records the created and updated projects’ totals in bulk, with the ledger’s note', async () => {
    const actor = actorOf(user, 'city_admin', { regionCode: '230600' });
    const input = projectCreateInput.parse(
      buildProject(org, {
        regionCode: '230602',
        fundingSources: [{ kind: 'special_bond', applied: '7000', approved: '7000', issued: '0' }],
      }),
    );
    const done = { count: 0, total: 1 };
    await ctx.db.transaction().execute((trx) =>
      writeCreates(
        trx,
        actor,
        [{ row: 2, input }],
        () => undefined,
        done,
        () => {
          throw new Error('no code is taken');
        },
      ),
    );
    const created = await ctx.db
      .selectFrom('projects')
      .select(['id'])
      .where('code', '=', input.code)
      .executeTakeFirstOrThrow();
    const first = await history(created.id);
    expect(first.events.map((e) => [e.step, e.amount, e.note]).sort()).toEqual([
      ['applied', '7000.00', '项目台账导入资金来源'],
      ['approved', '7000.00', '项目台账导入资金来源'],
    ]);
    expect(sumOfEvents(first)).toEqual(first.totals);
    const current = (
      await city.request({ method: 'GET', url: `/api/v1/projects/${String(created.id)}` })
    ).json<ProjectOutput>();
    const patch = projectUpdateInput.parse({
      fundingSources: [{ kind: 'special_bond', applied: '7000', approved: '7000', issued: '3500' }],
    });
    await ctx.db.transaction().execute((trx) =>
      writeUpdates(
        trx,
        actor,
        [{ row: 2, current, patch }],
        () => undefined,
        { count: 0, total: 1 },
        () => {
          throw new Error('no conflict');
        },
      ),
    );
    const second = await history(created.id);
    expect(second.events[0]).toMatchObject({ step: 'issued', amount: '3500.00', occurredOn: TEST_TODAY });
    expect(sumOfEvents(second)).toEqual(second.totals);
  });
});
