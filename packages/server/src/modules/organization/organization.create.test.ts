/**
 * Registering an organisation: inside the actor's region only, with a known region and a credit code no one holds,
 * audited in the same transaction; readers may search but not register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, creditCodeFor, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let staff: Client; // 萨尔图区 staff
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: ownerOrg }));
}, 60_000);

afterAll(() => ctx.close());

const register = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/organizations', payload });

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe('registering an organisation', () => {
  it('creates it in the actor’s district, answers the organisation and audits it', async () => {
    const creditCode = creditCodeFor(900_001);
    const response = await register(staff, {
      kind: 'owner',
      name: '  萨尔图区新建设单位  ',
      creditCode: creditCode.toLowerCase(),
      regionCode: '230602',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ id: number }>();
    expect(created).toEqual({
      id: expect.any(Number),
      kind: 'owner',
      name: '萨尔图区新建设单位',
      creditCode,
      regionCode: '230602',
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'region_code', 'after'])
      .where('entity_type', '=', 'organization')
      .where('entity_id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', region_code: '230602', after: created });
    const search = await staff.request({ method: 'GET', url: `/api/v1/organizations?q=${creditCode}` });
    expect(search.json<{ items: unknown[] }>().items).toEqual([created]);
  });

  it('refuses a credit code another organisation holds, naming the field', async () => {
    const creditCode = creditCodeFor(900_002);
    expect((await register(staff, { kind: 'bank', name: '甲银行', creditCode, regionCode: '230602' })).statusCode).toBe(
      201,
    );
    const again = await register(staff, { kind: 'bank', name: '乙银行', creditCode, regionCode: '230602' });
    expect(again.statusCode).toBe(400);
    expect(Object.keys(again.json<ErrorBody>().error.fields ?? {})).toEqual(['creditCode']);
  });

  it('refuses an unknown region and another district’s region, naming the field', async () => {
    for (const regionCode of ['999999', '230603']) {
      const response = await register(staff, { kind: 'other', name: '外区单位', regionCode });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json<ErrorBody>().error.fields ?? {})).toEqual(['regionCode']);
    }
  });

  it('does not let an owner register one', async () => {
    const response = await register(owner, { kind: 'owner', name: '业主自建单位', regionCode: '230602' });
    expect(response.statusCode).toBe(403);
  });
});
