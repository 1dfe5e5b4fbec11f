/**
 * The pickers list only what the actor may name: a district sees the organisations and service officers based in
 * its county or above it (the city), never a sibling district's; an owner sees its own organisation only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
const orgs: Record<'own' | 'city' | 'sibling', number> = { own: 0, city: 0, sibling: 0 };
const officers: Record<'own' | 'sibling', number> = { own: 0, sibling: 0 };
let staff: Client;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  orgs.own = await createOrganization(ctx.db, { regionCode: '230602', name: '萨尔图区测试建设单位' });
  orgs.city = await createOrganization(ctx.db, { regionCode: '230600', name: '大庆市测试建设单位' });
  orgs.sibling = await createOrganization(ctx.db, { regionCode: '230603', name: '龙凤区测试建设单位' });
  officers.own = (await createTestUser(ctx.db, 'service_officer', { regionCode: '230602' })).id;
  officers.sibling = (await createTestUser(ctx.db, 'service_officer', { regionCode: '230603' })).id;
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: orgs.sibling }));
}, 60_000);

afterAll(() => ctx.close());

const idsOf = async (client: Client, url: string) => {
  const response = await client.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { id: number }[] }>().items.map((item) => item.id);
};

describe('the organisation and officer pickers', () => {
  it('show a district its own and the city’s organisations, not a sibling district’s', async () => {
    const ids = await idsOf(staff, '/api/v1/organizations?limit=100');
    expect(ids).toEqual(expect.arrayContaining([orgs.own, orgs.city]));
    expect(ids).not.toContain(orgs.sibling);
    expect(await idsOf(staff, `/api/v1/organizations?q=${encodeURIComponent('龙凤区')}`)).toEqual([]);
  });

  it('show an owner its own organisation only', async () => {
    expect(await idsOf(owner, '/api/v1/organizations?limit=100')).toEqual([orgs.sibling]);
  });

  it('show a district the service officers based in its county, not a sibling district’s', async () => {
    const ids = await idsOf(staff, '/api/v1/users/officers');
    expect(ids).toContain(officers.own);
    expect(ids).not.toContain(officers.sibling);
  });
});
