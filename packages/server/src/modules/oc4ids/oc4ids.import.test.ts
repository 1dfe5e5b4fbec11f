import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasProjectCodeShape,
  type Oc4idsImportResult,
  type Oc4idsPackage,
  type ProjectOutput,
} from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { officialExample, sharedValidator } from './oc4ids.fixtures.ts';
import { changeAuditRows, rowCount } from '../../../test/audit.ts';

const M75 = 'oc4ids-bu3kcz-m75-junctions-4-to-5-smart-motorway';

let ctx: TestContext;
let daqingAdmin: Client; // city_admin of 大庆 (230600): may import, never sees the sandbox
let sandboxAdmin: Client; // city_admin whose region is the sandbox root (990000)
let saertu: Client; // 大庆 district staff
let sysadmin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [daqingAdmin, sandboxAdmin, saertu, sysadmin] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'city_admin', { regionCode: '990000' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'system_admin').then((u) => signIn(ctx.app, u)),
  ]);
});
afterAll(() => ctx.close());

const importAs = (client: Client, payload: unknown) =>
  client.request({ method: 'POST', url: '/api/v1/oc4ids/import', payload: payload as Record<string, unknown> });

async function importOk(client: Client, payload: unknown): Promise<Oc4idsImportResult> {
  const response = await importAs(client, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Oc4idsImportResult>();
}

const getProject = (client: Client, id: number) =>
  client.request({ method: 'GET', url: `/api/v1/projects/${id.toString()}` });

/** Rows of the tables an import writes, to show that a refused import wrote nothing. */
async function counts() {
  const count = (table: 'projects' | 'organizations' | 'project_external_ids') => rowCount(ctx.db, table);
  return {
    projects: await count('projects'),
    organizations: await count('organizations'),
    externalIds: await count('project_external_ids'),
    audit: await changeAuditRows(ctx.db),
  };
}

describe('importing the official example', () => {
  let projectId: number;

  beforeAll(async () => {
    const result = await importOk(daqingAdmin, officialExample());
    expect(result).toMatchObject({ regionCode: '990100', created: 1, updated: 0, unchanged: 0 });
    const [created] = result.projects;
    if (!created) throw new Error('nothing imported');
    expect(created.oc4idsId).toBe(M75);
    expect(hasProjectCodeShape(created.code)).toBe(true);
    expect(created.code.slice(5, 11)).toBe('990100');
    projectId = created.projectId;
  });

  it('is readable by a sandbox-region admin with title, budget, location and owner mapped', async () => {
    const response = await getProject(sandboxAdmin, projectId);
    expect(response.statusCode, response.body).toBe(200);
    const project = response.json<ProjectOutput>();
    expect(project).toMatchObject({
      name: 'M75 Junctions 4 to 5 upgrade smart motorway',
      regionCode: '990100',
      regionName: 'OC4IDS 示例',
      ownerName: 'Motorways UK',
      ownerCreditCode: null,
      stage: 'production',
      category: 'infrastructure',
      industry: 'G',
      // 40,000,000 GBP kept unconverted: 4000 万 with the currency on a tag.
      totalInvestment: '4000.00',
      address: 'Patcham Interchange, New Road, Patcham, Westshire, WS20 5TV, United Kingdom',
      plannedStartDate: '2016-01-01',
      plannedCompletionDate: '2018-12-10',
    });
    expect(project.constructionContent).toMatch(/^Upgrading the 5km stretch of the M75/);
    expect(project.tags).toEqual(['OC4IDS', '原币种:GBP']);
    // The example's points are [lat, lon] and lie outside China; they are kept beside the project, not on it.
    expect(project).toMatchObject({ longitude: null, latitude: null });
    const link = await ctx.db
      .selectFrom('project_external_ids')
      .where('project_id', '=', projectId)
      .select(['scheme', 'identifier', 'source', 'details'])
      .orderBy('scheme')
      .execute();
    expect(link).toEqual([
      { scheme: 'internal', identifier: 'M75/SM/4-5', source: expect.stringMatching(/example\.json$/), details: null },
      {
        scheme: 'oc4ids',
        identifier: M75,
        source: expect.stringMatching(/example\.json$/),
        details: {
          budget: { amount: 40_000_000, currency: 'GBP' },
          geometry: { type: 'Point', coordinates: [52.2571843, -0.1163333] },
        },
      },
    ]);
  });

  it('is listed for the sandbox admin and never for 大庆 users', async () => {
    const list = await sandboxAdmin.request({ method: 'GET', url: '/api/v1/projects?tag=OC4IDS' });
    expect(list.json<{ items: { id: number }[] }>().items.map((p) => p.id)).toEqual([projectId]);
    for (const client of [daqingAdmin, saertu]) {
      expect((await getProject(client, projectId)).statusCode).toBe(404);
      const all = await client.request({ method: 'GET', url: '/api/v1/projects?pageSize=200' });
      expect(all.json<{ items: { id: number }[] }>().items.map((p) => p.id)).not.toContain(projectId);
      const exported = await client.request({ method: 'GET', url: '/api/v1/oc4ids/projects.json' });
      expect(exported.json<Oc4idsPackage>().projects.map((p) => p.id)).not.toContain(M75);
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const version = (await getProject(sandboxAdmin, projectId)).json<ProjectOutput>().version;
    const again = await importOk(daqingAdmin, officialExample());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.projects[0]?.projectId).toBe(projectId);
    expect(await counts()).toEqual(before);
    expect((await getProject(sandboxAdmin, projectId)).json<ProjectOutput>().version).toBe(version);
  });

  it('restores the mapped fields a user changed and keeps the user’s own tags', async () => {
    const current = (await getProject(sandboxAdmin, projectId)).json<ProjectOutput>();
    const patched = await sandboxAdmin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId.toString()}`,
      headers: { 'if-match': `"${current.version.toString()}"` },
      payload: { name: '改过的名称', tags: [...current.tags, '重中之重'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await importOk(daqingAdmin, officialExample())).updated).toBe(1);
    const restored = (await getProject(sandboxAdmin, projectId)).json<ProjectOutput>();
    expect(restored.name).toBe('M75 Junctions 4 to 5 upgrade smart motorway');
    expect([...restored.tags].sort()).toEqual(['OC4IDS', '原币种:GBP', '重中之重'].sort());
  });

  it('is exported for the sandbox admin under its own OC4IDS id, valid against the schema', async () => {
    const response = await sandboxAdmin.request({ method: 'GET', url: '/api/v1/oc4ids/projects.json' });
    const result = response.json<Oc4idsPackage>();
    const validate = sharedValidator();
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.projects.map((p) => p.id)).toEqual([M75]);
    expect(result.projects[0]).toMatchObject({
      identifiers: [{ scheme: 'internal', id: 'M75/SM/4-5' }],
      status: 'maintenance',
      sector: ['transport'],
      budget: { amount: { amount: 40_000_000, currency: 'GBP' } },
    });
  });
  it('makes the project anew when the imported one was deleted, and moves the OC4IDS id to it', async () => {
    const current = (await getProject(sandboxAdmin, projectId)).json<ProjectOutput>();
    const deleted = await sandboxAdmin.request({
      method: 'DELETE',
      url: `/api/v1/projects/${projectId.toString()}`,
      headers: { 'if-match': `"${current.version.toString()}"` },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const again = await importOk(daqingAdmin, officialExample());
    expect(again).toMatchObject({ created: 1, projects: [{ oc4idsId: M75, code: current.code }] });
    const newId = again.projects[0]?.projectId;
    expect(newId).not.toBe(projectId);
    const links = await ctx.db
      .selectFrom('project_external_ids')
      .where('identifier', '=', M75)
      .select('project_id')
      .execute();
    expect(links).toEqual([{ project_id: newId }]);
  });
});

describe('what the import maps and refuses', () => {
  const packageWith = (project: Record<string, unknown>) => ({ ...officialExample(), projects: [project] });

  it('takes a point in China as the project’s coordinates and CNY as exact 万元', async () => {
    const result = await importOk(
      daqingAdmin,
      packageWith({
        id: 'oc4ids-test-harbin-metro',
        title: '哈尔滨地铁示例',
        budget: { amount: { amount: 1_234_567.89, currency: 'CNY' } },
        locations: [{ id: '1', geometry: { type: 'Point', coordinates: [126.63, 45.75] } }],
      }),
    );
    const id = result.projects[0]?.projectId ?? 0;
    const project = (await getProject(sandboxAdmin, id)).json<ProjectOutput>();
    expect(project).toMatchObject({
      longitude: 126.63,
      latitude: 45.75,
      totalInvestment: '123.456789',
      tags: ['OC4IDS'],
    });
  });

  it('refuses a package that fails the schema with field messages and writes nothing', async () => {
    const before = await counts();
    const example = officialExample();
    delete example.uri;
    const [project] = example.projects;
    if (project) project.budget = { amount: { amount: 'forty million', currency: 'GBP' } };
    const response = await importAs(daqingAdmin, example);
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      uri: '必填',
      'projects.0.budget.amount.amount': expect.stringContaining('数字'),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses the whole package when one project breaks the project contract', async () => {
    const before = await counts();
    const example = officialExample();
    example.projects.push({ id: 'oc4ids-test-negative', budget: { amount: { amount: -5, currency: 'CNY' } } });
    const response = await importAs(daqingAdmin, example);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      'projects.1.budget.amount.amount': '不能为负数',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a package with the same project id twice', async () => {
    const example = officialExample();
    example.projects.push({ ...example.projects[0], title: 'again' });
    const response = await importAs(daqingAdmin, example);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([
      'projects.1.id',
    ]);
  });

  it('lets only the city administrator import', async () => {
    for (const client of [saertu, sysadmin]) expect((await importAs(client, officialExample())).statusCode).toBe(403);
  });
});
