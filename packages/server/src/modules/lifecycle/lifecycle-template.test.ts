/**
 * Lifecycle templates through the API: a template breaking a rule across its steps is refused whole with the
 * offending step named at its field and nothing written; only the city administrator saves; an edit of a version
 * no project runs on is in place, an edit of a version in use makes the next version while the projects on the old
 * one keep it and new projects get the default's latest; If-Match guards every edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFECYCLE_TEMPLATE,
  type LifecycleDefinitionInput,
  type LifecycleTemplateList,
  type LifecycleTemplateSaved,
} from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;
let ownerOrg: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  [admin, staff] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
  ]);
}, 60_000);
afterAll(() => ctx.close());

const label = (zh: string) => ({ zh, en: zh });
const definition = (after: Record<string, string[]> = {}): LifecycleDefinitionInput => ({
  stages: [
    {
      code: 'prep',
      label: label('前期'),
      phase: 'preparation',
      steps: ['land', 'permit', 'design'].map((code) => ({
        code,
        label: label(`环节${code}`),
        durationDays: 20,
        ...(after[code] ? { after: after[code] } : {}),
      })),
    },
    { code: 'go', label: label('开工'), phase: 'started', steps: [] },
  ],
});

const templateCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('lifecycle_templates')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const create = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/lifecycle/templates', payload });

describe('creating a lifecycle template', () => {
  it('refuses a cycle whole, naming the steps at the field, and writes nothing', async () => {
    const before = await templateCount();
    const response = await create(admin, {
      code: 'looping',
      name: label('循环模板'),
      definition: definition({ land: ['design'] }),
    });
    expect(response.statusCode, response.body).toBe(400);
    const fields = response.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields['definition.stages.0.steps.0.after']).toContain('环节land → 环节design → 环节permit → 环节land');
    expect(await templateCount()).toBe(before);
  });

  it('refuses an unknown step and a zero duration with their fields', async () => {
    const unknown = await create(admin, {
      code: 'x1',
      name: label('甲'),
      definition: definition({ permit: ['nope'] }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      'definition.stages.0.steps.1.after': '环节“环节permit”的前置环节“nope”不存在',
    });
    const zero = definition();
    const firstStep = zero.stages[0]?.steps?.[0];
    if (firstStep) firstStep.durationDays = 0;
    const response = await create(admin, { code: 'x2', name: label('乙'), definition: zero });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'definition.stages.0.steps.0.durationDays',
    ]);
  });

  it('lets only the city administrator create one, audited', async () => {
    const refused = await create(staff, { code: 'staff_made', name: label('丙'), definition: definition() });
    expect(refused.statusCode).toBe(403);
    const response = await create(admin, { code: 'three_steps', name: label('三环节'), definition: definition() });
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json<LifecycleTemplateSaved>();
    expect(saved).toMatchObject({ code: 'three_steps', version: 1, inUse: 0, isDefault: false, stepCount: 3 });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'lifecycle_template')
      .where('entity_id', '=', String(saved.id))
      .select('action')
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
    expect(
      (await create(admin, { code: 'three_steps', name: label('重名'), definition: definition() })).statusCode,
    ).toBe(400);
  });
});

describe('editing a lifecycle template', () => {
  const put = (id: number, version: number | null, payload: Record<string, unknown>) =>
    admin.request({
      method: 'PUT',
      url: `/api/v1/lifecycle/templates/${id}`,
      payload,
      headers: version === null ? {} : { 'if-match': `"${version}"` },
    });

  it('changes a version no project uses in place, guarded by If-Match', async () => {
    const created = (
      await create(admin, { code: 'unused', name: label('未用'), definition: definition() })
    ).json<LifecycleTemplateSaved>();
    const body = { name: label('未用（改）'), definition: definition({ design: ['land'] }) };
    expect((await put(created.id, null, body)).statusCode).toBe(428);
    const response = await put(created.id, created.rowVersion, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<LifecycleTemplateSaved>()).toMatchObject({
      id: created.id,
      version: 1,
      newVersion: false,
      rowVersion: created.rowVersion + 1,
      name: label('未用（改）'),
    });
    // The same If-Match again: another save came first.
    expect((await put(created.id, created.rowVersion, body)).statusCode).toBe(412);
  });

  it('makes the next version of a template in use; its projects keep theirs and new projects get the new one', async () => {
    const list = (
      await admin.request({ method: 'GET', url: '/api/v1/lifecycle/templates' })
    ).json<LifecycleTemplateList>();
    const current = list.items.find((t) => t.code === 'default' && t.isDefault);
    if (!current) throw new Error('no default template');
    const early = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerOrg) });
    expect(early.statusCode, early.body).toBe(201);
    const earlyId = early.json<{ id: number }>().id;

    const edited = structuredClone(DEFAULT_LIFECYCLE_TEMPLATE.definition);
    const reserve = edited.stages[0];
    if (reserve?.steps[0]) reserve.steps[0].durationDays = 45;
    const response = await put(current.id, current.rowVersion, {
      name: DEFAULT_LIFECYCLE_TEMPLATE.name,
      definition: edited,
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json<LifecycleTemplateSaved>();
    expect(saved).toMatchObject({ code: 'default', version: current.version + 1, newVersion: true, isDefault: true });
    expect(saved.id).not.toBe(current.id);

    const templateOf = async (projectId: number) =>
      (
        await ctx.db
          .selectFrom('lifecycle_transitions')
          .where('project_id', '=', projectId)
          .select('template_id')
          .executeTakeFirstOrThrow()
      ).template_id;
    expect(await templateOf(earlyId)).toBe(current.id);
    const late = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerOrg) });
    expect(await templateOf(late.json<{ id: number }>().id)).toBe(saved.id);

    const after = (
      await admin.request({ method: 'GET', url: '/api/v1/lifecycle/templates' })
    ).json<LifecycleTemplateList>();
    const defaults = after.items.filter((t) => t.code === 'default');
    expect(defaults.map((t) => [t.version, t.superseded, t.isDefault])).toEqual([
      [current.version, true, false],
      [current.version + 1, false, true],
    ]);
    // The old version is no longer edited: its projects run on it as it is.
    expect((await put(current.id, current.rowVersion + 1, { name: label('旧'), definition: edited })).statusCode).toBe(
      412,
    );
  });
});
