/**
 * 三员分立 through the API: what the system administrator may and may not grant, what the security
 * administrator may not touch, that the audit administrator only reads, and that grants stay inside the
 * granter's region. Each refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { verifyPassword } from '../auth/password.ts';
import { changeAuditRows } from '../../../test/audit.ts';
import { createOrganization, createTestUser, signIn, type Client, type TestUser } from '../../../test/factories.ts';

let ctx: TestContext;
let sys: Client;
let sec: Client;
let auditor: Client;
let staff: TestUser;
let localOrg: number;
let foreignOrg: number;

const CITY = '230600';
const COUNTY = '230602';
const FOREIGN_COUNTY = '230102';

beforeAll(async () => {
  ctx = await createTestContext();
  localOrg = await createOrganization(ctx.db, { regionCode: COUNTY });
  foreignOrg = await createOrganization(ctx.db, { regionCode: FOREIGN_COUNTY });
  [sys, sec, auditor] = await Promise.all([
    createTestUser(ctx.db, 'system_admin', { regionCode: CITY }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'security_admin', { regionCode: CITY }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'audit_admin', { regionCode: CITY }).then((u) => signIn(ctx.app, u)),
  ]);
  staff = await createTestUser(ctx.db, 'district_staff', { regionCode: COUNTY });
});
afterAll(() => ctx.close());

const userRow = (id: number) => ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const userCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
// Refused requests write an access_denied row on purpose; "nothing changes" counts the change rows.
const auditCount = () => changeAuditRows(ctx.db);
let n = 0;
const newAccount = (body: Record<string, unknown>) =>
  sys.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: `acct${(n += 1)}`, displayName: `账号${n}`, ...body },
  });
const assign = (client: Client, id: number, body: Record<string, unknown>) =>
  client.request({ method: 'PATCH', url: `/api/v1/users/${id}/role`, payload: body });

describe('the system administrator', () => {
  it('cannot open a city administrator, leader or administrator account, and nothing is written', async () => {
    const [users, rows] = [await userCount(), await auditCount()];
    for (const role of ['city_admin', 'leader', 'system_admin', 'security_admin', 'audit_admin']) {
      const response = await newAccount({ role, regionCode: CITY });
      expect(response.statusCode, role).toBe(400);
      expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual(['role']);
    }
    const refused = await newAccount({ role: 'city_admin', regionCode: CITY });
    expect(refused.json()).toMatchObject({
      error: { fields: { role: '该角色高于县区发改局人员，须由安全管理员分配' } },
    });
    expect(await userCount()).toBe(users);
    expect(await auditCount()).toBe(rows);
  });

  it('cannot give an account the whole city or a region or organisation outside its own', async () => {
    const city = await newAccount({ role: 'district_staff', regionCode: CITY });
    expect(city.statusCode).toBe(400);
    expect(city.json()).toMatchObject({ error: { fields: { regionCode: expect.stringContaining('县区级') } } });
    const foreign = await newAccount({ role: 'district_staff', regionCode: FOREIGN_COUNTY });
    expect(foreign.json()).toMatchObject({ error: { fields: { regionCode: '超出本账号的管辖区域' } } });
    const owner = await newAccount({ role: 'owner', organizationId: foreignOrg });
    expect(owner.statusCode).toBe(400);
    expect(owner.json()).toMatchObject({ error: { fields: { organizationId: '该单位不在本账号的管辖区域内' } } });
  });

  it('opens a district account with a one-time password that must be changed, audited without the hash', async () => {
    const response = await newAccount({ role: 'district_staff', regionCode: COUNTY });
    expect(response.statusCode, response.body).toBe(201);
    const { id, password } = response.json<{ id: number; password: string }>();
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const row = await userRow(id);
    expect(row).toMatchObject({ role: 'district_staff', region_code: COUNTY, must_change_password: true });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', actor_username: sys.user.username });
    expect(JSON.stringify(audit.after)).not.toMatch(/scrypt|password_hash|passwordHash/);
    const owner = await newAccount({ role: 'owner', organizationId: localOrg });
    expect(owner.statusCode, owner.body).toBe(201);
  });

  it('cannot assign roles', async () => {
    const response = await assign(sys, staff.id, { role: 'city_admin', regionCode: CITY });
    expect(response.statusCode).toBe(403);
    expect((await userRow(staff.id)).role).toBe('district_staff');
  });

  it('disables and enables an account, ending its sessions, audited with before and after', async () => {
    const target = await createTestUser(ctx.db, 'district_staff', { regionCode: COUNTY });
    const client = await signIn(ctx.app, target);
    expect((await sys.request({ method: 'POST', url: `/api/v1/users/${target.id}/disable` })).statusCode).toBe(204);
    expect((await client.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(signIn(ctx.app, target)).rejects.toThrow(/login failed/);
    expect((await sys.request({ method: 'POST', url: `/api/v1/users/${target.id}/enable` })).statusCode).toBe(204);
    await signIn(ctx.app, target);
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', String(target.id))
      .where('entity_type', '=', 'user')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'disable', 'enable']);
    expect(rows[1]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
  });

  it('edits the display name and unlocks a locked account', async () => {
    const target = await createTestUser(ctx.db, 'district_staff', { regionCode: COUNTY });
    const patch = await sys.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      payload: { displayName: '新名字' },
    });
    expect(patch.statusCode, patch.body).toBe(204);
    expect((await userRow(target.id)).display_name).toBe('新名字');
    // Locked the way sign-in locks: five wrong passwords.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: target.username, password: 'Wrong-Passw0rd!x' },
      });
    }
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(refused.statusCode).toBe(429);
    const locked = await sys.request({ method: 'GET', url: '/api/v1/users?state=locked' });
    expect(locked.json<{ items: { id: number; locked: boolean }[] }>().items).toEqual([
      expect.objectContaining({ id: target.id, locked: true }),
    ]);
    expect((await sys.request({ method: 'POST', url: `/api/v1/users/${target.id}/unlock` })).statusCode).toBe(204);
    expect(
      await ctx.db.selectFrom('login_attempts').selectAll().where('username', '=', target.username).execute(),
    ).toEqual([]);
    await signIn(ctx.app, target);
  });

  it('resets a password to a one-time password that must be changed, ending sessions; never above district staff', async () => {
    const target = await createTestUser(ctx.db, 'district_staff', { regionCode: COUNTY });
    const old = await signIn(ctx.app, target);
    const response = await sys.request({ method: 'POST', url: `/api/v1/users/${target.id}/reset-password` });
    expect(response.statusCode, response.body).toBe(200);
    const { password } = response.json<{ password: string }>();
    expect((await old.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const row = await userRow(target.id);
    expect(row.must_change_password).toBe(true);
    // The new password is the one stored (signing in with it is the forced-change flow of the login).
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
    expect(await verifyPassword(target.password, row.password_hash)).toBe(false);

    const city = await createTestUser(ctx.db, 'city_admin', { regionCode: CITY });
    const refused = await sys.request({ method: 'POST', url: `/api/v1/users/${city.id}/reset-password` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { message: expect.stringContaining('不能重置其密码') } });
    await signIn(ctx.app, city);
  });

  it('cannot change its own account or another administrator’s, except to unlock it', async () => {
    for (const id of [sys.user.id, sec.user.id, auditor.user.id]) {
      for (const action of ['disable', 'reset-password']) {
        const response = await sys.request({ method: 'POST', url: `/api/v1/users/${id}/${action}` });
        expect(response.statusCode, `${action} ${id}`).toBe(403);
      }
    }
    expect((await userRow(sec.user.id)).disabled).toBe(false);
    expect((await sys.request({ method: 'POST', url: `/api/v1/users/${sec.user.id}/unlock` })).statusCode).toBe(204);
  });

  it('does not see or touch accounts outside its region', async () => {
    const foreign = await createTestUser(ctx.db, 'district_staff', { regionCode: FOREIGN_COUNTY });
    const list = await sys.request({ method: 'GET', url: '/api/v1/users' });
    const ids = list.json<{ items: { id: number }[] }>().items.map((u) => u.id);
    expect(ids).toContain(staff.id);
    expect(ids).not.toContain(foreign.id);
    expect((await sys.request({ method: 'POST', url: `/api/v1/users/${foreign.id}/disable` })).statusCode).toBe(404);
    expect((await assign(sec, foreign.id, { role: 'owner', organizationId: localOrg })).statusCode).toBe(404);
    const orgs = await sys.request({ method: 'GET', url: '/api/v1/users/organizations' });
    expect(orgs.statusCode, orgs.body).toBe(200);
    const orgIds = orgs.json<{ items: { id: number }[] }>().items.map((o) => o.id);
    expect(orgIds).toContain(localOrg);
    expect(orgIds).not.toContain(foreignOrg);
  });

  it('filters the list by role, region, state and text', async () => {
    const get = async (query: string) =>
      (await sys.request({ method: 'GET', url: `/api/v1/users?${query}` })).json<{
        items: { id: number; role: string; regionCode: string | null; disabled: boolean }[];
      }>().items;
    expect((await get('role=district_staff')).every((u) => u.role === 'district_staff')).toBe(true);
    expect((await get(`regionCode=${COUNTY}`)).map((u) => u.id)).toContain(staff.id);
    expect((await get('regionCode=230603')).map((u) => u.id)).not.toContain(staff.id);
    expect((await get('state=disabled')).every((u) => u.disabled)).toBe(true);
    expect((await get(`q=${staff.username}`)).map((u) => u.id)).toEqual([staff.id]);
    const bad = await sys.request({ method: 'GET', url: '/api/v1/users?state=gone' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the security administrator', () => {
  it('cannot change its own role or the system administrator’s, and nothing changes', async () => {
    const rows = await auditCount();
    const self = await assign(sec, sec.user.id, { role: 'city_admin', regionCode: CITY });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: { message: '不能修改自己的账号' } });
    for (const id of [sys.user.id, auditor.user.id]) {
      const response = await assign(sec, id, { role: 'city_admin', regionCode: CITY });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { message: expect.stringContaining('管理员账号') } });
    }
    expect((await userRow(sec.user.id)).role).toBe('security_admin');
    expect((await userRow(sys.user.id)).role).toBe('system_admin');
    expect(await auditCount()).toBe(rows);
  });

  it('cannot grant an administrator role', async () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const response = await assign(sec, staff.id, { role, regionCode: COUNTY });
      expect(response.statusCode, role).toBe(400);
      expect(response.json()).toMatchObject({ error: { fields: { role: expect.stringContaining('命令行') } } });
    }
    expect((await userRow(staff.id)).role).toBe('district_staff');
  });

  it('refuses a region or organisation outside its own region', async () => {
    const region = await assign(sec, staff.id, { role: 'district_staff', regionCode: FOREIGN_COUNTY });
    expect(region.statusCode).toBe(400);
    expect(region.json()).toMatchObject({ error: { fields: { regionCode: '超出本账号的管辖区域' } } });
    const org = await assign(sec, staff.id, { role: 'owner', regionCode: null, organizationId: foreignOrg });
    expect(org.json()).toMatchObject({ error: { fields: { organizationId: '该单位不在本账号的管辖区域内' } } });
    expect(await userRow(staff.id)).toMatchObject({ role: 'district_staff', region_code: COUNTY });
  });

  it('grants a city-wide role inside its region and requires the scope a role needs', async () => {
    const target = await createTestUser(ctx.db, 'district_staff', { regionCode: COUNTY });
    const response = await assign(sec, target.id, { role: 'city_admin', regionCode: CITY });
    expect(response.statusCode, response.body).toBe(200);
    expect(await userRow(target.id)).toMatchObject({ role: 'city_admin', region_code: CITY });
    const missing = await assign(sec, target.id, { role: 'owner', organizationId: null });
    expect(missing.json()).toMatchObject({ error: { fields: { organizationId: '必填' } } });
  });

  it('cannot create, disable or reset accounts', async () => {
    expect(
      (
        await sec.request({
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'secmade', displayName: '安', role: 'owner', organizationId: localOrg },
        })
      ).statusCode,
    ).toBe(403);
    for (const action of ['disable', 'enable', 'unlock', 'reset-password'])
      expect((await sec.request({ method: 'POST', url: `/api/v1/users/${staff.id}/${action}` })).statusCode).toBe(403);
  });
});

describe('the audit administrator', () => {
  it('reads the audit log and nothing else; every account write is refused', async () => {
    expect((await auditor.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(200);
    for (const client of [sys, sec])
      expect((await client.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    const writes = [
      { method: 'POST', url: '/api/v1/users', payload: { username: 'audmade', displayName: 'x', role: 'owner' } },
      { method: 'PATCH', url: `/api/v1/users/${staff.id}`, payload: { displayName: 'x' } },
      { method: 'PATCH', url: `/api/v1/users/${staff.id}/role`, payload: { role: 'city_admin', regionCode: CITY } },
      { method: 'POST', url: `/api/v1/users/${staff.id}/disable` },
      { method: 'POST', url: `/api/v1/users/${staff.id}/reset-password` },
      { method: 'GET', url: '/api/v1/users' },
    ] as const;
    for (const write of writes) expect((await auditor.request(write)).statusCode, write.url).toBe(403);
  });
});
