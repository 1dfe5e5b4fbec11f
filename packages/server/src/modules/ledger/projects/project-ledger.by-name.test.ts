import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { rowCount } from '../../../../test/audit.ts';
import { resultOf } from '../ledger.fixtures.ts';
import { OFFICE_FIRST_ROW, officeLedgerFile, officeProject, uploadWith } from '../ledger.office-fixtures.ts';

let ctx: TestContext;
let district: Client;
let city: Client;
let ownerId: number;
const OWNER = '大庆按名称匹配测试实业有限公司';
/** Existing projects by name: one of a kind, two of a name in the district, one name in two districts. */
const ONE = '萨尔图区污水处理厂提标改造工程';
const TWO = '萨尔图区城市道路提升工程';
const SPLIT = '中心城区供热管网改造工程';
const NEW = '萨尔图区智慧停车场建设项目';
const projects = new Map<string, { id: number; code: string }[]>();
/** The office layout without its code column. */
const NO_CODE = { omit: ['项目代码'] };

async function existing(name: string, regionCode = '230602') {
  const response = await city.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: buildProject(ownerId, { name, regionCode }),
  });
  expect(response.statusCode, response.body).toBe(201);
  const project = response.json<{ id: number; code: string }>();
  projects.set(name, [...(projects.get(name) ?? []), { id: project.id, code: project.code }]);
}
const only = (name: string) => projects.get(name)?.[0] ?? { id: 0, code: '' };
const codesOf = (name: string) => (projects.get(name) ?? []).map((project) => project.code).sort();

beforeAll(async () => {
  // The ledger reports January to September 2021: the application's date is after that.
  ctx = await createTestContext({ today: '2021-10-20' });
  ownerId = await createOrganization(ctx.db, { name: OWNER, regionCode: '230602' });
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  await existing(ONE);
  await existing(TWO);
  await existing(TWO);
  await existing(SPLIT, '230602');
  await existing(SPLIT, '230603');
});
afterAll(() => ctx.close());

describe('a ledger without project codes', () => {
  it('matches rows by name: one project updates, none creates under an issued code, several is a row error', async () => {
    const before = await rowCount(ctx.db, 'projects');
    const rows = [
      officeProject(OWNER, { code: null, name: ` ${ONE} `, total: 20_000 }),
      officeProject(OWNER, { code: null, name: NEW }),
      officeProject(OWNER, { code: null, name: TWO }),
    ];
    const result = resultOf(await uploadWith(district, await officeLedgerFile(rows, NO_CODE)));
    expect(result.columns.some((column) => column.field === 'code')).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: OFFICE_FIRST_ROW + 2, header: '项目名称', field: 'name' }),
    ]);
    for (const code of codesOf(TWO)) expect(result.errors[0]?.message).toContain(code);
    const [one, created, ambiguous] = result.rows.filter((row) => row.action !== 'skipped');
    expect(one).toMatchObject({ row: OFFICE_FIRST_ROW, action: 'update', match: 'name', key: only(ONE).code });
    expect(one?.id).toBe(only(ONE).id);
    // Issued on the application's date (2021-10 → 2110), in the row's region.
    expect(created).toMatchObject({ action: 'create', match: 'issued', key: expect.stringMatching(/^2110-230602-/) });
    expect(ambiguous).toMatchObject({ action: 'invalid', key: null });
    expect(await rowCount(ctx.db, 'projects')).toBe(before);
  });

  it('commits the matched update and the new project, and a re-import of the same file changes nothing', async () => {
    const before = await rowCount(ctx.db, 'projects');
    const file = await officeLedgerFile(
      [officeProject(OWNER, { code: null, name: ONE, total: 20_000 }), officeProject(OWNER, { code: null, name: NEW })],
      NO_CODE,
    );
    const first = resultOf(await uploadWith(district, file, { dryRun: false }));
    expect(first).toMatchObject({ committed: true, summary: { create: 1, update: 1, errors: 0 } });
    const issued = first.rows.find((row) => row.match === 'issued')?.key ?? '';
    const rows = await ctx.db
      .selectFrom('projects')
      .select(['code', 'name', 'region_code', 'total_investment'])
      .where('name', 'in', [ONE, NEW])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: only(ONE).code, name: ONE, region_code: '230602', total_investment: 20_000n * 10_000n * 100n },
        expect.objectContaining({ code: issued, name: NEW, region_code: '230602' }),
      ]),
    );
    expect(rows).toHaveLength(2);

    const again = resultOf(await uploadWith(district, file, { dryRun: false }));
    expect(again).toMatchObject({ committed: true, summary: { create: 0, update: 0, unchanged: 2, errors: 0 } });
    expect(again.rows.filter((row) => row.match === 'name').map((row) => row.key)).toEqual([only(ONE).code, issued]);
    expect(await rowCount(ctx.db, 'projects')).toBe(before + 1);
  });

  it('matches a row whose code cell is empty by its name, beside rows keyed by their code', async () => {
    // The year-to-date cell is left empty: ONE's September figure is already recorded by the import above.
    const rows = [officeProject(OWNER, { code: null, name: ONE, total: 20_000, ytd: null }), officeProject(OWNER)];
    const result = resultOf(await uploadWith(district, await officeLedgerFile(rows)));
    expect(result.errors).toEqual([]);
    const [byName, byCode] = result.rows.filter((row) => row.action !== 'skipped');
    expect(byName).toMatchObject({ match: 'name', key: only(ONE).code, id: only(ONE).id });
    expect(byCode).toMatchObject({ action: 'create', key: rows[1]?.code });
    expect(byCode?.match).toBeUndefined();
  });

  it('looks for the name in the region the file names: ambiguous across the city, unique in one district', async () => {
    const file = await officeLedgerFile([officeProject(OWNER, { code: null, name: SPLIT })], NO_CODE);
    const cityWide = resultOf(await uploadWith(city, file));
    const ambiguous = cityWide.errors.find((error) => error.field === 'name');
    for (const code of codesOf(SPLIT)) expect(ambiguous?.message).toContain(code);

    const inDistrict = resultOf(await uploadWith(city, file, { region: '230602' }));
    expect(inDistrict.errors).toEqual([]);
    const [codeIn230602] = codesOf(SPLIT).filter((code) => code.slice(5, 11) === '230602');
    expect(inDistrict.rows.find((row) => row.action !== 'skipped')).toMatchObject({ match: 'name', key: codeIn230602 });
  });

  it('refuses a sheet with neither a code nor a name column, naming both', async () => {
    const response = await uploadWith(
      district,
      await officeLedgerFile([officeProject(OWNER)], {
        omit: ['项目代码', '项目名称'],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      '缺少必需的列“投资项目统一代码”或“项目名称”',
    );
  });
});
