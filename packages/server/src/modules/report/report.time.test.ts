/**
 * Actions taken in a replayed year (TODAY=2021-05-20 while the computer's clock is years later) are stored at the
 * real time and shown on the application's date: a report's submission, approval and confirmation, its project's
 * history, the first transition's recording time and a correction after lock (on the report and in the project's
 * report history) all carry an `effectiveAt` on 2021-05-20 at the real time of day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaTime,
  type AuditHistory,
  type ProjectLifecycle,
  type ReportHistoryOutput,
  type ReportOutput,
} from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { fixedClock } from '../../clock.ts';
import { run as lockPeriods } from '../../jobs/lock-periods.job.ts';

const TODAY = '2021-05-20';
let ctx: TestContext;
let owner: Client;
let staff: Client;
let city: Client;
let projectId: number;

beforeAll(async () => {
  ctx = await createTestContext({ today: TODAY });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  [owner, staff, city] = await Promise.all([
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
  ]);
  const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
}, 60_000);
afterAll(() => ctx.close());

const url = () => `/api/v1/projects/${projectId}/reports/2021/4`;

/** The real instant and its effective one: same time of day, the effective one on TODAY. */
function expectOnToday(real: string | null, effective: string | null) {
  if (real === null || effective === null) throw new Error('a timestamp is missing');
  const local = chinaTime(real);
  // The computer's clock is past the demo year, so the real date differs from the application's.
  expect(local.slice(0, 10) > TODAY).toBe(true);
  expect(effective).toBe(`${TODAY}${local.slice(10)}`);
}

describe('timestamps in a replayed year', () => {
  it('shows a report submitted, approved and confirmed on TODAY, keeping the real times', async () => {
    const submitted = await owner.request({
      method: 'PUT',
      url: url(),
      payload: { completedThisMonth: '120', submit: true, started: true, startedOn: '2021-04-02' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const report = submitted.json<ReportOutput>();
    expect(report.state).toBe('submitted');
    expectOnToday(report.submittedAt, report.effectiveAt.submittedAt);
    expect(report.effectiveAt.reviewedAt).toBeNull();

    const approved = await staff.request({ method: 'POST', url: `${url()}/review`, payload: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);
    const confirmed = await city.request({ method: 'POST', url: `${url()}/review`, payload: { decision: 'confirm' } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const final = confirmed.json<ReportOutput>();
    expect(final.state).toBe('confirmed');
    expectOnToday(final.reviewedAt, final.effectiveAt.reviewedAt);
    expectOnToday(final.confirmedAt, final.effectiveAt.confirmedAt);
    const stored = await ctx.db
      .selectFrom('monthly_reports')
      .where('project_id', '=', projectId)
      .select('submitted_at')
      .executeTakeFirstOrThrow();
    expect(stored.submitted_at?.toISOString()).toBe(final.submittedAt);
  });

  it('shows the project’s history and its transitions on TODAY', async () => {
    const history = await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/audit` });
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json<AuditHistory>().items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expectOnToday(item.at, item.effectiveAt.at);

    const lifecycle = await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/lifecycle` });
    expect(lifecycle.statusCode, lifecycle.body).toBe(200);
    const transitions = lifecycle.json<ProjectLifecycle>().transitions;
    expect(transitions.length).toBeGreaterThan(0);
    for (const t of transitions) expectOnToday(t.recordedAt, t.effectiveAt.recordedAt);
  });

  it('shows a correction after lock on TODAY, on the report and in the project’s report history', async () => {
    const locked = await lockPeriods({ db: ctx.db, clock: fixedClock(TODAY) });
    expect(locked.locked).toContain('2021-04');
    const corrected = await staff.request({
      method: 'PUT',
      url: url(),
      payload: { completedThisMonth: '110', correctionReason: '统计局核减后更正' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const [correction] = corrected.json<ReportOutput>().corrections;
    expect(correction?.reason).toBe('统计局核减后更正');
    expectOnToday(correction?.at ?? null, correction?.effectiveAt.at ?? null);

    const history = await staff.request({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/report-history?year=2021`,
    });
    expect(history.statusCode, history.body).toBe(200);
    const april = history.json<ReportHistoryOutput>().reports.find((report) => report.month === 4);
    expect(april?.corrections).toEqual([correction]);
  });
});
