/**
 * Stage changes from elsewhere go through the lifecycle: an approved report that says started records a 'report'
 * transition on the start day (even before the back-dating window) and one into the reported phase on the period's
 * cut-off; one the rules refuse (out of order) leaves
 * the stage as it was with a note in the audit and the approval stands; the project form's stage becomes a
 * 'manual' transition dated today (moving back is refused on the `stage` field) and its actual dates are ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let owner: Client;
let staff: Client;
let org: number;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  org = await createOrganization(ctx.db, { regionCode: '230602' });
  [owner, staff] = await Promise.all([
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
  ]);
}, 60_000);
afterAll(() => ctx.close());

async function newProject(): Promise<number> {
  const response = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

async function fileAndApprove(projectId: number, progress: Record<string, unknown>) {
  const url = `/api/v1/projects/${projectId}/reports/2021/4`;
  const filed = await owner.request({
    method: 'PUT',
    url,
    payload: { completedThisMonth: '100', submit: true, ...progress },
  });
  expect(filed.statusCode, filed.body).toBe(200);
  const approved = await staff.request({ method: 'POST', url: `${url}/review`, payload: { decision: 'approve' } });
  expect(approved.statusCode, approved.body).toBe(200);
}

const transitionsOf = async (projectId: number) =>
  (
    await ctx.db
      .selectFrom('lifecycle_transitions')
      .where('project_id', '=', projectId)
      .orderBy('occurred_on')
      .orderBy('id')
      .select(['stage_code', 'occurred_on', 'source'])
      .execute()
  ).map((t) => `${t.stage_code}@${t.occurred_on}:${t.source}`);

const projectOf = (projectId: number) =>
  ctx.db
    .selectFrom('projects')
    .where('id', '=', projectId)
    .select(['stage', 'actual_start_date', 'version'])
    .executeTakeFirstOrThrow();

describe('an approved report', () => {
  it('records the start and the reported phase as report transitions', async () => {
    const projectId = await newProject();
    await fileAndApprove(projectId, { started: true, startedOn: '2021-04-12', stage: 'construction' });
    expect(await transitionsOf(projectId)).toEqual([
      'preparation@2021-04-12:create',
      'started@2021-04-12:report',
      'construction@2021-04-30:report',
    ]);
    expect(await projectOf(projectId)).toMatchObject({ stage: 'construction', actual_start_date: '2021-04-12' });
  });

  it('takes a reported start from before the back-dating window (the approval reviewed it)', async () => {
    const projectId = await newProject();
    await fileAndApprove(projectId, { started: true, startedOn: '2021-01-05' });
    expect(await projectOf(projectId)).toMatchObject({ stage: 'started', actual_start_date: '2021-01-05' });
  });

  it('leaves the stage when the rules refuse the start, notes it in the audit, and still approves', async () => {
    const projectId = await newProject();
    const recorded = await staff.request({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/lifecycle/transitions`,
      payload: { stageCode: 'preparation', stepCode: 'site_preparation', occurredOn: '2021-05-10' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    // Started on 04-20, before the site preparation recorded on 05-10: out of order.
    await fileAndApprove(projectId, { started: true, startedOn: '2021-04-20' });
    expect(await transitionsOf(projectId)).toHaveLength(2);
    expect(await projectOf(projectId)).toMatchObject({ stage: 'preparation', actual_start_date: null });
    const notes = await ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(projectId))
      .where('action', '=', 'update')
      .select('after')
      .execute();
    expect(notes.map((n) => n.after)).toContainEqual(
      expect.objectContaining({
        reportedTransitionRefused: expect.objectContaining({
          stageCode: 'started',
          reason: 'lifecycle.beforeEarlier',
        }),
      }),
    );
    const report = await ctx.db
      .selectFrom('monthly_reports')
      .where('project_id', '=', projectId)
      .select('state')
      .executeTakeFirstOrThrow();
    expect(report.state).toBe('approved');
  });
});

describe('the project form', () => {
  const put = async (projectId: number, payload: Record<string, unknown>) => {
    const { version } = await projectOf(projectId);
    return staff.request({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}`,
      payload,
      headers: { 'if-match': `"${version}"` },
    });
  };

  it('records a changed stage as a transition dated today and ignores the actual dates', async () => {
    const projectId = await newProject();
    const response = await put(projectId, { stage: 'started', actualStartDate: '2021-03-01' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ stage: 'started', actualStartDate: '2021-05-20' });
    expect((await transitionsOf(projectId)).at(-1)).toBe('started@2021-05-20:manual');

    const back = await put(projectId, { stage: 'preparation' });
    expect(back.statusCode).toBe(400);
    expect(Object.keys(back.json<{ error: { fields: object } }>().error.fields)).toEqual(['stage']);
    expect(await projectOf(projectId)).toMatchObject({ stage: 'started' });
  });
});
