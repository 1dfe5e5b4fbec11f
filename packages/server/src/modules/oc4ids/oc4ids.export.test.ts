import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wan, type Oc4idsPackage } from '@keyprojects/core';
import {
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
  actorOf,
} from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { sharedValidator } from './oc4ids.fixtures.ts';
import { exportPackage } from './oc4ids.service.ts';

let ctx: TestContext;
let city: Client;
let saertu: Client; // 萨尔图区 district staff
let sysadmin: Client;
let cityUserId: number;
const ids: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  await createOrganization(ctx.db, { kind: 'drc', name: '大庆市发展和改革委员会', regionCode: '230600' });
  const owner = await createOrganization(ctx.db, { regionCode: '230602', name: '大庆油田建设有限公司' });
  const cityUser = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  cityUserId = cityUser.id;
  [city, saertu, sysadmin] = await Promise.all([
    signIn(ctx.app, cityUser),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'system_admin').then((u) => signIn(ctx.app, u)),
  ]);
  const bodies = [
    buildProject(owner, {
      code: '2103-230602-04-01-000001',
      category: 'infrastructure',
      industry: 'G',
      constructionContent: '新建城市快速路 12 公里',
      address: '萨尔图区东干线',
      stage: 'construction',
      actualStartDate: '2021-04-18',
    }),
    buildProject(owner, { code: '2103-230603-04-01-000002', regionCode: '230603', longitude: null, latitude: null }),
    buildProject(owner, { code: '2103-230604-04-01-000003', regionCode: '230604', industry: null, category: 'other' }),
  ];
  for (const body of bodies) {
    const response = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    ids.push(response.json<{ id: number }>().id);
  }
});
afterAll(() => ctx.close());

const exportAs = async (client: Client, query = '') => {
  const response = await client.request({ method: 'GET', url: `/api/v1/oc4ids/projects.json${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Oc4idsPackage>();
};

describe('GET /oc4ids/projects.json', () => {
  it('exports the visible projects as a package that validates against the official schema', async () => {
    const result = await exportAs(city);
    const validate = sharedValidator();
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.version).toBe('0.9');
    expect(result.publisher).toMatchObject({ name: '大庆市发展和改革委员会', scheme: 'CN-USCC' });
    expect(result.uri).toMatch(/^http:\/\/.+\/api\/v1\/oc4ids\/projects\.json$/);
    expect(result.projects.map((p) => p.id)).toEqual([
      'oc4ids-kpcn-2103-230602-04-01-000001',
      'oc4ids-kpcn-2103-230603-04-01-000002',
      'oc4ids-kpcn-2103-230604-04-01-000003',
    ]);
  });

  it('maps budget, status, sector, location and parties of a project', async () => {
    const [road] = (await exportAs(city)).projects;
    expect(road).toMatchObject({
      identifiers: [{ id: '2103-230602-04-01-000001', scheme: 'GB/T 40058-2021' }],
      description: '新建城市快速路 12 公里',
      status: 'implementation',
      sector: ['transport'],
      budget: { amount: { amount: 125_005_000, currency: 'CNY' } },
      period: { startDate: '2021-04-01T00:00:00+08:00', endDate: '2022-10-31T00:00:00+08:00' },
      implementationPeriod: { startDate: '2021-04-18T00:00:00+08:00' },
      locations: [
        {
          id: '1',
          geometry: { type: 'Point', coordinates: [125.1, 46.6] },
          address: { streetAddress: '萨尔图区东干线', region: '萨尔图区', countryName: '中国' },
        },
      ],
    });
    expect(road?.parties?.map((p) => [p.name, p.roles])).toEqual([
      ['大庆油田建设有限公司', ['publicAuthority', 'buyer']],
      ['大庆市发展和改革委员会', ['administrativeEntity']],
    ]);
    expect(road?.parties?.[0]?.identifier?.scheme).toBe('CN-USCC');
    // No plan yet: the transitions seeded from the actual start are the milestones (oc4ids.milestones.test.ts has plans).
    expect(road?.milestones?.map((m) => [m.title, m.type, m.code, m.dateMet, m.status])).toEqual([
      ['进入：开工', 'delivery', 'commencement', '2021-04-18T00:00:00+08:00', 'met'],
      ['进入：在建', 'delivery', undefined, '2021-04-18T00:00:00+08:00', 'met'],
    ]);
  });

  it('applies the project list filters and the caller’s scope', async () => {
    expect((await exportAs(city, '?regionCode=230603')).projects.map((p) => p.id)).toEqual([
      'oc4ids-kpcn-2103-230603-04-01-000002',
    ]);
    expect((await exportAs(city, '?category=other')).projects).toHaveLength(1);
    expect((await exportAs(saertu)).projects.map((p) => p.id)).toEqual(['oc4ids-kpcn-2103-230602-04-01-000001']);
    expect((await exportAs(saertu, '?regionCode=230603')).projects).toEqual([]);
  });

  it('refuses roles that may not read projects, and bad filters with a field message', async () => {
    expect((await sysadmin.request({ method: 'GET', url: '/api/v1/oc4ids/projects.json' })).statusCode).toBe(403);
    const bad = await city.request({ method: 'GET', url: '/api/v1/oc4ids/projects.json?category=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('category');
  });
});

describe('progress metrics hook', () => {
  it('writes the financial and physical progress a caller supplies, still valid against the schema', async () => {
    const [first] = ids;
    if (first === undefined) throw new Error('no project');
    const actor = actorOf({ id: cityUserId, username: city.user.username, password: '' }, 'city_admin', {
      regionCode: '230600',
    });
    const progress = new Map([
      [
        first,
        {
          asOf: '2021-05-20',
          financial: { year: 2021, completed: wan('1250.5'), planned: wan('5000') },
          physicalPercent: '18.5',
        },
      ],
    ]);
    const result = await exportPackage(ctx.db, actor, {}, { uri: 'https://example.org/oc4ids.json', progress });
    const validate = sharedValidator();
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    const metrics = result.projects[0]?.metrics ?? [];
    expect(metrics.map((m) => m.id)).toEqual(['financialProgress', 'physicalProgress']);
    expect(metrics[0]?.observations.find((o) => o.id === '2021-rate')?.measure).toBe('25.01');
    expect(result.projects[1]?.metrics).toBeUndefined();
  });
});
