/**
 * The audit administrator's trail: filters (time, actor, action, entity type, IP, region), keyset pages,
 * field changes per row, and the 'audit-log' Excel export — all refused to everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { readXlsx } from '../ledger/ledger.fixtures.ts';

let ctx: TestContext;
let sys: Client;
let sec: Client;
let auditor: Client;
let createdId: number;
let startedAt: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const signedIn = (role: 'system_admin' | 'security_admin' | 'audit_admin') =>
    createTestUser(ctx.db, role, { regionCode: '230600' }).then((user) => signIn(ctx.app, user));
  [sys, sec, auditor] = await Promise.all([
    signedIn('system_admin'),
    signedIn('security_admin'),
    signedIn('audit_admin'),
  ]);
  startedAt = new Date().toISOString();
  const created = await sys.request({
    method: 'POST',
    url: '/api/v1/users',
    remoteAddress: '10.1.2.3',
    payload: { username: 'trail.staff', displayName: '审计测试', role: 'district_staff', regionCode: '230603' },
  });
  expect(created.statusCode, created.body).toBe(201);
  createdId = created.json<{ id: number }>().id;
  const assigned = await sec.request({
    method: 'PATCH',
    url: `/api/v1/users/${createdId}/role`,
    payload: { role: 'leader', regionCode: '230600' },
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
});
afterAll(() => ctx.close());

const trail = async (query: string) => {
  const response = await auditor.request({ method: 'GET', url: `/api/v1/audit?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AuditPage>();
};

describe('the audit trail', () => {
  it('filters by actor, action, entity type, IP, region and time, with the field changes of each row', async () => {
    const byActor = await trail(`actor=${sec.user.username}&entityType=user`);
    expect(byActor.items).toHaveLength(1);
    expect(byActor.items[0]).toMatchObject({
      action: 'role_change',
      entityId: String(createdId),
      actorRole: 'security_admin',
      changes: expect.arrayContaining([
        { field: 'role', before: 'district_staff', after: 'leader' },
        { field: 'regionCode', before: '230603', after: '230600' },
      ]),
    });
    expect((await trail('action=create&entityType=user&ip=10.1.2')).items.map((i) => i.entityId)).toEqual([
      String(createdId),
    ]);
    expect((await trail('regionCode=230603')).items.map((i) => i.action)).toEqual(['create']);
    expect((await trail(`from=${encodeURIComponent(startedAt)}&entityType=user`)).items).toHaveLength(2);
    expect((await trail(`to=${encodeURIComponent(startedAt)}&action=role_change`)).items).toHaveLength(0);
  });

  it('pages newest first by keyset', async () => {
    const first = await trail('limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextBeforeId).toBe(first.items[1]?.id);
    const second = await trail(`limit=2&beforeId=${first.nextBeforeId}`);
    expect(second.items[0]?.id).toBeLessThan(first.items[1]?.id ?? 0);
    const all = await trail('limit=500');
    expect(all.nextBeforeId).toBeNull();
  });

  it('refuses a malformed filter with a field message', async () => {
    const response = await auditor.request({ method: 'GET', url: '/api/v1/audit?from=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: { from: expect.any(String) } } });
  });

  it('exports the filtered trail to Excel for the audit administrator only', async () => {
    const response = await auditor.request({ method: 'GET', url: '/api/v1/exports/audit-log.xlsx?entityType=user' });
    expect(response.statusCode).toBe(200);
    const sheet = await readXlsx(response.rawPayload);
    const actions: unknown[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) actions.push(row.getCell(7).value);
    });
    expect(actions).toEqual(expect.arrayContaining(['create', 'role_change']));
    for (const client of [sys, sec])
      expect((await client.request({ method: 'GET', url: '/api/v1/exports/audit-log.xlsx' })).statusCode).toBe(403);
  });
});
