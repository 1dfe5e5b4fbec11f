/**
 * A project's lifecycle through the API: transitions recorded by hand update the project's stage and actual dates
 * with an audit row; out of order, in the future, beyond the back-dating window or from another template they are
 * refused with a field-level 400 and nothing is written; another district's project is not found; evidence is an
 * image or a PDF served within scope; the window is a versioned setting; a project switches template only before
 * it has recorded anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleSettings, LifecycleTemplateList, ProjectLifecycle } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { multipart } from '../../../test/upload.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;
let otherStaff: Client;
let ownerOrg: number;
let projectId: number;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ctx = await createTestContext();
  ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  [admin, staff, otherStaff] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }).then((u) => signIn(ctx.app, u)),
  ]);
  projectId = await newProject();
}, 60_000);
afterAll(() => ctx.close());

async function newProject(): Promise<number> {
  const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerOrg) });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: number }>().id;
}

const transition = (client: Client, payload: Record<string, unknown>, id = projectId) =>
  client.request({ method: 'POST', url: `/api/v1/projects/${id}/lifecycle/transitions`, payload });

const rows = async () => ({
  transitions: Number(
    (
      await ctx.db
        .selectFrom('lifecycle_transitions')
        .where('project_id', '=', projectId)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .where('entity_type', '=', 'project')
        .where('entity_id', '=', String(projectId))
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

const projectRow = () =>
  ctx.db
    .selectFrom('projects')
    .where('id', '=', projectId)
    .select(['stage', 'lifecycle_stage', 'lifecycle_step', 'actual_start_date', 'version'])
    .executeTakeFirstOrThrow();

describe('recording transitions', () => {
  it('records steps and a start, updating the stage and the actual start date, audited', async () => {
    const before = await rows();
    const step = await transition(staff, {
      stageCode: 'preparation',
      stepCode: 'proposal_feasibility',
      occurredOn: '2021-04-01',
      note: '可研批复',
    });
    expect(step.statusCode, step.body).toBe(201);
    const started = await transition(staff, { stageCode: 'started', occurredOn: '2021-05-15' });
    expect(started.statusCode, started.body).toBe(201);
    const lifecycle = started.json<ProjectLifecycle>();
    expect(lifecycle).toMatchObject({ currentStage: 'started', phase: 'started', actualStartDate: '2021-05-15' });
    expect(lifecycle.transitions.at(-1)).toMatchObject({
      stageCode: 'started',
      source: 'manual',
      recordedByName: '测试district_staff',
      stageLabel: { zh: '开工' },
    });
    // The project's first transition (to 前期 on its creation day, 2021-05-20: "known since") moved back to the step.
    expect(lifecycle.transitions.map((t) => t.occurredOn)).toEqual(['2021-04-01', '2021-04-01', '2021-05-15']);
    // Only stages after the current one are offered, not before the last entry.
    expect(lifecycle.next.map((n) => n.stageCode)).not.toContain('preparation');
    expect(lifecycle.next[0]).toMatchObject({ stageCode: 'construction', earliest: '2021-05-15' });
    expect(await projectRow()).toMatchObject({
      stage: 'started',
      lifecycle_stage: 'started',
      actual_start_date: '2021-05-15',
    });
    expect(await rows()).toEqual({ transitions: before.transitions + 2, audit: before.audit + 2 });
  });

  it('refuses out of order, future, beyond the window and a step of another template, writing nothing', async () => {
    const before = await rows();
    const project = await projectRow();
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ stageCode: 'reserve', stepCode: 'investment_agreement', occurredOn: '2021-05-16' }, 'occurredOn', '顺序不对'],
      [{ stageCode: 'construction', occurredOn: '2021-05-21' }, 'occurredOn', '不能晚于系统日期 2021-05-20'],
      [{ stageCode: 'construction', occurredOn: '2021-01-01' }, 'occurredOn', '补录日期最早为 2021-02-19'],
      [{ stageCode: 'preparation', stepCode: 'land_use', occurredOn: '2021-05-01' }, 'stepCode', '不属于该阶段'],
      [{ stageCode: 'approvals', occurredOn: '2021-05-01' }, 'stageCode', '不属于本项目的生命周期模板'],
      [{ stageCode: 'started', occurredOn: '2021-05-18' }, 'stageCode', '已于 2021-05-15 记录'],
    ];
    for (const [payload, field, text] of refusals) {
      const response = await transition(staff, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const fields = response.json<{ error: { fields: Record<string, string> } }>().error.fields;
      expect(Object.keys(fields)).toEqual([field]);
      expect(fields[field]).toContain(text);
    }
    expect(await rows()).toEqual(before);
    expect(await projectRow()).toEqual(project);
  });

  it('refuses completion before a start on a project not started, and offers the whole window to a new one', async () => {
    const other = await newProject();
    const view = (
      await staff.request({ method: 'GET', url: `/api/v1/projects/${other}/lifecycle` })
    ).json<ProjectLifecycle>();
    expect(view.next[0]).toMatchObject({
      stageCode: 'preparation',
      stepCode: 'proposal_feasibility',
      earliest: '2021-02-19',
    });
    const response = await transition(staff, { stageCode: 'completed', occurredOn: '2021-05-10' }, other);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain('尚未开工');
  });

  it('hides another district’s project (404) and refuses roles without the permission', async () => {
    expect((await transition(otherStaff, { stageCode: 'construction', occurredOn: '2021-05-18' })).statusCode).toBe(
      404,
    );
    const view = await otherStaff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/lifecycle` });
    expect(view.statusCode).toBe(404);
    const leader = await createTestUser(ctx.db, 'leader', { regionCode: '230600' }).then((u) => signIn(ctx.app, u));
    expect((await transition(leader, { stageCode: 'construction', occurredOn: '2021-05-18' })).statusCode).toBe(403);
  });
});

describe('evidence of a transition', () => {
  it('takes an image or a PDF, refuses other files, and serves them within scope', async () => {
    const view = (
      await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/lifecycle` })
    ).json<ProjectLifecycle>();
    const started = view.transitions.find((t) => t.stageCode === 'started');
    if (!started) throw new Error('no start recorded');
    const upload = (bytes: Buffer, name: string, contentType: string) =>
      staff.request({
        method: 'POST',
        url: `/api/v1/projects/${projectId}/lifecycle/transitions/${started.id}/attachments`,
        ...multipart(bytes, name, { field: 'photo', contentType }),
      });
    const photo = await upload(PNG, '开工.png', 'image/png');
    expect(photo.statusCode, photo.body).toBe(201);
    const pdf = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), '开工报告.pdf', 'application/pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json<{ mimeType: string }>().mimeType).toBe('application/pdf');
    const text = await upload(Buffer.from('not evidence'), 'a.txt', 'text/plain');
    expect(text.statusCode).toBe(400);

    const after = (
      await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/lifecycle` })
    ).json<ProjectLifecycle>();
    const evidence = after.transitions.find((t) => t.id === started.id)?.evidence ?? [];
    expect(evidence.map((e) => e.fileName)).toEqual(['开工.png', '开工报告.pdf']);
    const download = await staff.request({ method: 'GET', url: `/api/v1/attachments/${evidence[1]?.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(
      (await otherStaff.request({ method: 'GET', url: `/api/v1/attachments/${evidence[1]?.id}` })).statusCode,
    ).toBe(404);
  });
});

describe('the back-dating window setting', () => {
  const put = (client: Client, payload: Record<string, unknown>) =>
    client.request({ method: 'PUT', url: '/api/v1/lifecycle/settings', payload });

  it('is 90 days by default, saved by the city administrator at the version read, and applied', async () => {
    const initial = (
      await staff.request({ method: 'GET', url: '/api/v1/lifecycle/settings' })
    ).json<LifecycleSettings>();
    expect(initial).toMatchObject({ backdateWindowDays: 90, version: 0, isDefault: true });
    expect((await put(staff, { backdateWindowDays: 200, version: 0 })).statusCode).toBe(403);
    expect((await put(admin, { backdateWindowDays: 3651, version: 0 })).statusCode).toBe(400);
    const saved = await put(admin, { backdateWindowDays: 200, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<LifecycleSettings>()).toMatchObject({ backdateWindowDays: 200, version: 1, isDefault: false });
    expect((await put(admin, { backdateWindowDays: 30, version: 0 })).statusCode).toBe(409);

    const other = await newProject();
    const old = await transition(staff, { stageCode: 'started', occurredOn: '2021-01-01' }, other);
    expect(old.statusCode, old.body).toBe(201);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'dispatch_config')
      .where('entity_id', '=', 'lifecycle')
      .select('after')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([{ backdateWindowDays: 200 }]);
  });
});

describe('switching a project’s template', () => {
  it('moves a project that has recorded nothing, and refuses one that has (409)', async () => {
    const templates = (
      await staff.request({ method: 'GET', url: '/api/v1/lifecycle/templates' })
    ).json<LifecycleTemplateList>();
    const five = templates.items.find((t) => t.code === 'five_stages');
    if (!five) throw new Error('no five-stage template');
    const fresh = await newProject();
    const switched = await staff.request({
      method: 'PUT',
      url: `/api/v1/projects/${fresh}/lifecycle/template`,
      payload: { templateId: five.id },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json<ProjectLifecycle>()).toMatchObject({
      template: { code: 'five_stages' },
      currentStage: 'approvals',
      phase: 'preparation',
    });
    const refused = await staff.request({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/lifecycle/template`,
      payload: { templateId: five.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('不能再更换生命周期模板');
  });
});
