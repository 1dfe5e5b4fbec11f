import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Oc4idsImportResult, Oc4idsPackage } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { officialExample, sharedValidator } from './oc4ids.fixtures.ts';
import { findPlanNodes } from './oc4ids.lifecycle.repository.ts';

let ctx: TestContext;
let city: Client;
let importer: Client; // 大庆's city admin imports into the sandbox
let roadId: number;
let parkId: number;

type NodeRow = {
  key: string;
  name: string;
  stage?: string | null;
  step?: string | null;
  start: string;
  end: string;
  actualEnd?: string | null;
  order: number;
};

async function insertPlan(projectId: number, version: number, status: 'approved' | 'draft', nodes: NodeRow[]) {
  const plan = await ctx.db
    .insertInto('milestone_plans')
    .values({ project_id: projectId, version, status, target_date: '2022-09-30' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('milestone_nodes')
    .values(
      nodes.map((n) => ({
        plan_id: plan.id,
        node_key: n.key,
        name: n.name,
        stage_code: n.stage ?? null,
        step_code: n.step ?? null,
        planned_start: n.start,
        planned_end: n.end,
        actual_end: n.actualEnd ?? null,
        status: n.actualEnd ? ('done' as const) : ('pending' as const),
        sort_order: n.order,
      })),
    )
    .execute();
}

async function templateId(code: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('lifecycle_templates')
    .where('code', '=', code)
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertTransition(projectId: number, template: string, stage: string, step: string | null, on: string) {
  const phase = stage === 'approvals' ? 'preparation' : stage === 'reserve' ? 'reserve' : 'preparation';
  await ctx.db
    .insertInto('lifecycle_transitions')
    .values({
      project_id: projectId,
      template_id: await templateId(template),
      stage_code: stage,
      step_code: step,
      phase,
      occurred_on: on,
      source: 'manual',
    })
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  const owner = await createOrganization(ctx.db, { regionCode: '230602', name: '大庆城投' });
  city = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u));
  importer = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u));
  const create = async (body: Record<string, unknown>) => {
    const response = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  // Started on 2021-04-18: the trigger seeds 'started' and 'construction' transitions on that day.
  roadId = await create(
    buildProject(owner, {
      name: '东干线快速路',
      category: 'infrastructure',
      industry: 'G',
      stage: 'construction',
      actualStartDate: '2021-04-18',
    }),
  );
  parkId = await create(buildProject(owner, { name: '产业园标准厂房', stage: 'preparation' }));
  await insertTransition(roadId, 'default', 'reserve', 'investment_agreement', '2020-10-09');
  await insertPlan(roadId, 1, 'approved', [
    {
      key: 'site_preparation',
      name: '施工准备',
      stage: 'preparation',
      step: 'site_preparation',
      start: '2021-03-11',
      end: '2021-04-10',
      actualEnd: '2021-04-15',
      order: 0,
    },
    {
      key: 'started',
      name: '开工',
      stage: 'started',
      start: '2021-04-11',
      end: '2021-04-11',
      actualEnd: '2021-04-18',
      order: 1,
    },
    { key: 'equipment', name: '设备招标', start: '2021-04-12', end: '2021-05-10', order: 2 },
    { key: 'construction', name: '主体施工', stage: 'construction', start: '2021-04-12', end: '2022-09-30', order: 3 },
  ]);
  // A draft is not published: the approved plan is the current one.
  await insertPlan(roadId, 2, 'draft', [
    { key: 'draft_only', name: '草稿节点', start: '2021-06-01', end: '2021-06-01', order: 0 },
  ]);
  // The park runs on the five-stage template, in 前期审批 (phase preparation).
  await ctx.db
    .updateTable('projects')
    .set({ lifecycle_template_id: await templateId('five_stages'), lifecycle_stage: 'approvals' })
    .where('id', '=', parkId)
    .execute();
  // As the template switch does, its first transition on the default template (dated its creation day) goes.
  await ctx.db
    .deleteFrom('lifecycle_transitions')
    .where('project_id', '=', parkId)
    .where('source', '=', 'create')
    .execute();
  await insertTransition(parkId, 'five_stages', 'approvals', 'land_use', '2021-03-01');
});
afterAll(() => ctx.close());

async function exportPackage(query: string): Promise<Oc4idsPackage> {
  const response = await city.request({ method: 'GET', url: `/api/v1/oc4ids/projects.json${query}` });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json<Oc4idsPackage>();
  const validate = sharedValidator();
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  return result;
}

async function importOk(payload: unknown): Promise<Oc4idsImportResult> {
  const response = await importer.request({
    method: 'POST',
    url: '/api/v1/oc4ids/import',
    payload: payload as Record<string, unknown>,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Oc4idsImportResult>();
}

const plans = (projectId: number) =>
  ctx.db
    .selectFrom('milestone_plans')
    .where('project_id', '=', projectId)
    .select(['id', 'version', 'status', 'target_date as targetDate', 'reason'])
    .orderBy('version')
    .execute();

/** A plan's nodes as the import's own repository reads them, without the sort order (the list is in that order). */
const nodesOf = async (planId: number) =>
  (await ctx.db.transaction().execute((trx) => findPlanNodes(trx, planId))).map(({ sortOrder: _, ...node }) => node);

const detailsOf = async (projectId: number) =>
  (
    await ctx.db
      .selectFrom('project_external_ids')
      .where('project_id', '=', projectId)
      .where('scheme', '=', 'oc4ids')
      .select('details')
      .executeTakeFirstOrThrow()
  ).details as Record<string, unknown> | null;

describe('export: milestones', () => {
  it('writes the approved plan’s nodes and the uncovered transitions, valid against the schema', async () => {
    const [road] = (await exportPackage('?q=东干线')).projects;
    expect(road?.status).toBe('implementation');
    const dateTime = (d: string) => `${d}T00:00:00+08:00`;
    const modified = dateTime(TEST_TODAY);
    expect(road?.milestones).toEqual([
      {
        id: 'site_preparation',
        title: '施工准备',
        type: 'approval',
        dueDate: dateTime('2021-04-10'),
        dateMet: dateTime('2021-04-15'),
        dateModified: modified,
        status: 'met',
      },
      {
        id: 'started',
        title: '开工',
        type: 'delivery',
        code: 'commencement',
        dueDate: dateTime('2021-04-11'),
        dateMet: dateTime('2021-04-18'),
        dateModified: modified,
        status: 'met',
      },
      { id: 'equipment', title: '设备招标', dueDate: dateTime('2021-05-10'), dateModified: modified, status: 'notMet' },
      {
        id: 'construction',
        title: '主体施工',
        type: 'delivery',
        dueDate: dateTime('2022-09-30'),
        dateModified: modified,
        status: 'scheduled',
      },
      // The seeded 'started' and 'construction' transitions are the nodes above; the agreement has no node.
      expect.objectContaining({
        title: '进入：签订投资协议',
        type: 'approval',
        dateMet: dateTime('2020-10-09'),
        status: 'met',
      }),
    ]);
  });

  it('takes the status from the phase of the template stage and names a transition from its template', async () => {
    const [park] = (await exportPackage('?q=产业园')).projects;
    expect(park?.status).toBe('preparation');
    expect(park?.milestones?.map((m) => [m.title, m.type])).toEqual([['进入：用地预审与选址', 'approval']]);
  });
});

describe('import: milestones as a draft plan', () => {
  let sandboxId: number;

  beforeAll(async () => {
    const result = await importOk(await exportPackage('?q=东干线'));
    expect(result.created).toBe(1);
    sandboxId = result.projects[0]?.projectId ?? 0;
  });

  it('keeps the milestones as a draft plan, version 1, keyed by milestone id and placed on the template', async () => {
    const [draft, ...others] = await plans(sandboxId);
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ version: 1, status: 'draft', targetDate: '2022-09-30', reason: null });
    const nodes = await nodesOf(draft?.id ?? 0);
    expect(nodes.map((n) => [n.key, n.name, n.stageCode, n.stepCode, n.plannedEnd, n.actualEnd, n.status])).toEqual([
      ['site_preparation', '施工准备', 'preparation', 'site_preparation', '2021-04-10', '2021-04-15', 'done'],
      ['started', '开工', 'started', null, '2021-04-11', '2021-04-18', 'done'],
      ['equipment', '设备招标', null, null, '2021-05-10', null, 'pending'],
      ['construction', '主体施工', 'construction', null, '2022-09-30', null, 'pending'],
      [expect.stringMatching(/^lifecycle_\d+$/), '进入：签订投资协议', null, null, '2020-10-09', '2020-10-09', 'done'],
    ]);
    expect(nodes.every((n) => n.plannedStart === n.plannedEnd)).toBe(true);
  });

  it('files the project at the status’s stage with the seeded transitions as the import’s, on the application date', async () => {
    const project = await ctx.db
      .selectFrom('projects')
      .where('id', '=', sandboxId)
      .select(['stage', 'lifecycle_stage'])
      .executeTakeFirstOrThrow();
    expect(project).toEqual({ stage: 'construction', lifecycle_stage: 'construction' });
    const transitions = await ctx.db
      .selectFrom('lifecycle_transitions')
      .where('project_id', '=', sandboxId)
      .select(['stage_code', 'occurred_on', 'source'])
      .orderBy('id')
      .execute();
    expect(transitions).toEqual([
      { stage_code: 'started', occurred_on: TEST_TODAY, source: 'import' },
      { stage_code: 'construction', occurred_on: TEST_TODAY, source: 'import' },
    ]);
  });

  it('changes nothing on a second import, and adds a re-plan draft once the DRC approved the first', async () => {
    const sent = await exportPackage('?q=东干线');
    expect((await importOk(sent)).unchanged).toBe(1);
    expect(await plans(sandboxId)).toHaveLength(1);
    await ctx.db
      .updateTable('milestone_plans')
      .set({ status: 'approved' })
      .where('project_id', '=', sandboxId)
      .execute();
    const moved = structuredClone(sent);
    const equipment = moved.projects[0]?.milestones?.find((m) => m.id === 'equipment');
    if (!equipment) throw new Error('no equipment milestone');
    equipment.dueDate = '2021-06-10T00:00:00+08:00';
    expect((await importOk(moved)).updated).toBe(1);
    const [first, second] = await plans(sandboxId);
    expect([first?.status, second?.status, second?.version]).toEqual(['approved', 'draft', 2]);
    expect(second?.reason).toMatch(/^OC4IDS 导入更新/);
    expect((await importOk(moved)).unchanged).toBe(1);
  });

  it('moves the stage of a re-import by an import transition, and notes a status the lifecycle refuses', async () => {
    const sent = await exportPackage('?q=东干线');
    const project = sent.projects[0];
    if (!project) throw new Error('no project');
    // The first import made a draft v1 and the DRC approved it above; keep the milestones as they are now.
    delete project.milestones;
    project.status = 'completion';
    expect((await importOk(sent)).updated).toBe(1);
    const after = await ctx.db
      .selectFrom('projects')
      .where('id', '=', sandboxId)
      .select(['stage', 'actual_completion_date as completed'])
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ stage: 'completed', completed: TEST_TODAY });
    project.status = 'preparation';
    expect((await importOk(sent)).updated).toBe(1);
    expect(await detailsOf(sandboxId)).toMatchObject({
      stageNotChanged: { status: 'preparation', reason: expect.stringMatching(/^lifecycle\./) },
    });
    expect((await importOk(sent)).unchanged).toBe(1);
  });
});

describe('import: the official example and bad dates', () => {
  it('imports the example’s milestone and reports milestones with bad dates instead of refusing the package', async () => {
    const example = officialExample();
    const project = example.projects[0] ?? {};
    const milestones = project.milestones as Record<string, unknown>[];
    milestones.push(
      { id: 'no-such-day', title: 'Bad due date', dueDate: '2021-02-30T00:00:00Z' },
      { id: 'not-a-date', title: 'Bad date met', dueDate: '2021-02-01T00:00:00Z', dateMet: 'soon' },
      { id: 'future', title: 'Met tomorrow', dueDate: '2021-02-01T00:00:00Z', dateMet: '2021-05-21T00:00:00+08:00' },
      { id: 'undated', title: 'No due date', status: 'scheduled' },
    );
    const result = await importOk(example);
    const id = result.projects[0]?.projectId ?? 0;
    const [draft] = await plans(id);
    expect(draft).toMatchObject({ version: 1, status: 'draft', targetDate: '2016-01-01' });
    expect(await nodesOf(draft?.id ?? 0)).toEqual([
      {
        key: '1',
        name: 'Grant disbursement',
        stageCode: null,
        stepCode: null,
        plannedStart: '2016-01-01',
        plannedEnd: '2016-01-01',
        actualEnd: '2016-01-01',
        status: 'done',
      },
    ]);
    expect((await detailsOf(id))?.milestones).toEqual([
      { id: 'no-such-day', reason: 'dueDate.invalid' },
      { id: 'not-a-date', reason: 'dateMet.invalid' },
      { id: 'future', reason: 'dateMet.future' },
      { id: 'undated', reason: 'dueDate.missing' },
    ]);
    expect((await importOk(example)).unchanged).toBe(1);
  });

  it('still refuses a milestone that breaks the schema otherwise, naming the field', async () => {
    const example = officialExample();
    (example.projects[0] as { milestones: unknown[] }).milestones.push({ id: 'x', status: 'done' });
    const response = await importer.request({
      method: 'POST',
      url: '/api/v1/oc4ids/import',
      payload: example,
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([
      'projects.0.milestones.1.status',
    ]);
  });
});
