import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { TEST_TODAY, createTestContext, type TestContext } from '../../../test/helper.ts';

interface ProjectBody {
  id: number;
  version: number;
  regionCode: string;
  name: string;
  totalInvestment: string;
}
interface ListBody {
  items: ProjectBody[];
  total: number;
}

let ctx: TestContext;
let city: Client;
let saertu: Client; // 萨尔图区 staff
let longfeng: Client; // 龙凤区 staff
let owner: Client;
let otherOwner: Client;
let leader: Client;
let officer: Client;
let sysadmin: Client;
let saertuProject: ProjectBody;
let longfengProject: ProjectBody;

beforeAll(async () => {
  ctx = await createTestContext();
  const ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  const otherOrg = await createOrganization(ctx.db, { regionCode: '230603' });
  const officerUser = await createTestUser(ctx.db, 'service_officer', { regionCode: '230600' });
  [city, saertu, longfeng, owner, otherOwner, leader, officer, sysadmin] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: ownerOrg }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: otherOrg }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'leader', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    signIn(ctx.app, officerUser),
    createTestUser(ctx.db, 'system_admin').then((u) => signIn(ctx.app, u)),
  ]);
  const create = async (client: Client, body: Record<string, unknown>) => {
    const response = await client.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ProjectBody>();
  };
  saertuProject = await create(
    saertu,
    buildProject(ownerOrg, { regionCode: '230602', serviceOfficerId: officerUser.id }),
  );
  longfengProject = await create(
    longfeng,
    buildProject(otherOrg, { regionCode: '230603', code: '2103-230603-04-01-654321' }),
  );
  await create(city, buildProject(otherOrg, { regionCode: '230604', code: '2103-230604-04-01-111111' }));
});
afterAll(() => ctx.close());

const list = async (client: Client, query = '') => {
  const response = await client.request({ method: 'GET', url: `/api/v1/projects?pageSize=200${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ListBody>();
};

describe('region scope', () => {
  it('shows district staff only their own district in the list, whatever the filter', async () => {
    const own = await list(saertu);
    expect(own.total).toBe(1);
    expect(own.items.map((p) => p.regionCode)).toEqual(['230602']);
    expect((await list(saertu, '&regionCode=230603')).items).toEqual([]);
    expect((await list(saertu, '&regionCode=230600')).items.map((p) => p.id)).toEqual([saertuProject.id]);
  });

  it('shows the city everything under it', async () => {
    expect((await list(city)).total).toBe(3);
    expect((await list(city, '&regionCode=230603')).items.map((p) => p.id)).toEqual([longfengProject.id]);
  });

  it('reports the filtered total on a page past the end of a filtered list', async () => {
    const url = '/api/v1/projects?pageSize=1&page=5&regionCode=230603';
    const beyond = (await city.request({ method: 'GET', url })).json<ListBody>();
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(1);
    const none = await city.request({ method: 'GET', url: '/api/v1/projects?pageSize=1&page=2&q=没有这个项目' });
    expect(none.json<ListBody>().total).toBe(0);
  });

  it('answers 404 for another district’s project on read, update, delete and audit', async () => {
    const url = `/api/v1/projects/${longfengProject.id}`;
    expect((await saertu.request({ method: 'GET', url })).statusCode).toBe(404);
    const update = await saertu.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { name: '篡改' },
    });
    expect(update.statusCode).toBe(404);
    expect((await saertu.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    expect((await saertu.request({ method: 'GET', url: `${url}/audit` })).statusCode).toBe(404);
    const unchanged = await longfeng.request({ method: 'GET', url });
    expect(unchanged.json<ProjectBody>()).toMatchObject({ name: longfengProject.name, version: 1 });
  });

  it('does not let district staff create or move a project into another district', async () => {
    const outside = await saertu.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(1, { regionCode: '230603' }),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ error: { fields: Record<string, string> } }>().error.fields.regionCode).toMatch(/管辖/);
    const move = await saertu.request({
      method: 'PATCH',
      url: `/api/v1/projects/${saertuProject.id}`,
      headers: { 'if-match': '"1"' },
      payload: { regionCode: '230603' },
    });
    expect(move.statusCode).toBe(400);
  });
});

describe('owners, officers, leaders and administrators', () => {
  it('lets an owner see its own projects only', async () => {
    expect((await list(owner)).items.map((p) => p.id)).toEqual([saertuProject.id]);
    expect((await list(otherOwner)).items.map((p) => p.id).sort()).not.toContain(saertuProject.id);
    expect((await otherOwner.request({ method: 'GET', url: `/api/v1/projects/${saertuProject.id}` })).statusCode).toBe(
      404,
    );
  });

  it('lets a service officer see the projects paired with it', async () => {
    expect((await list(officer)).items.map((p) => p.id)).toEqual([saertuProject.id]);
  });

  it('lets a leader read everything in the city but change nothing', async () => {
    expect((await list(leader)).total).toBe(3);
    const url = `/api/v1/projects/${saertuProject.id}`;
    const patch = await leader.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { name: '领导改名' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await leader.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(403);
    expect(
      (await leader.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(1) })).statusCode,
    ).toBe(403);
    expect(
      (await owner.request({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect((await saertu.request({ method: 'GET', url })).json<ProjectBody>().name).toBe(saertuProject.name);
  });

  it('gives the system administrator no project data', async () => {
    expect((await sysadmin.request({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(403);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const response = await saertu.request({
      method: 'PATCH',
      url: `/api/v1/projects/${saertuProject.id}`,
      headers: { 'if-match': '"1"', 'x-csrf-token': 'forged' },
      payload: { name: '伪造请求' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('csrf');
  });

  it('refuses anonymous requests and ends the session on logout', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    const user = await createTestUser(ctx.db, 'leader', { regionCode: '230600' });
    const client = await signIn(ctx.app, user);
    const me = await client.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json<{ today: string; user: { username: string } }>()).toMatchObject({
      today: TEST_TODAY,
      user: { username: user.username },
    });
    expect((await client.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await client.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('rejects a wrong password, stores no plaintext, and locks after repeated failures', async () => {
    const user = await createTestUser(ctx.db, 'leader', { regionCode: '230600' });
    const stored = await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(user.password);
    const attempt = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong-password')).statusCode).toBe(401);
    expect((await attempt(user.password)).statusCode).toBe(429);
  });

  it('sets an HTTP-only SameSite session cookie', async () => {
    const user = await createTestUser(ctx.db, 'leader', { regionCode: '230600' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const cookie = response.cookies.find((c) => c.name === 'kp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(session.id).not.toBe(cookie?.value);
  });
});
