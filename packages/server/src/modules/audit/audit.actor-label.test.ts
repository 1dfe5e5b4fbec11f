/**
 * A change log names people, not technical ids: the demo seed's rows read 系统（演示数据）, a user's rows their
 * display name, in the reader's language, in a project's history and in the audit administrator's trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditHistory, AuditPage } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let staff: Client;
let auditor: Client;
let projectId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  [staff, auditor] = await Promise.all([
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'audit_admin').then((u) => signIn(ctx.app, u)),
  ]);
  const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
  // The demo loader writes its rows as the technical actor 'system:demo' (seed-demo.ts).
  await ctx.db
    .insertInto('audit_log')
    .values({
      actor_username: 'system:demo',
      entity_type: 'project',
      entity_id: String(projectId),
      action: 'update',
      region_code: '230602',
      before: null,
      after: JSON.stringify({ source: '演示数据' }),
    })
    .execute();
}, 180_000);
afterAll(() => ctx.close());

async function history(language?: string): Promise<AuditHistory['items']> {
  const headers = language ? { 'accept-language': language } : {};
  const response = await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/audit`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AuditHistory>().items;
}

describe("the actor's label", () => {
  it('reads 系统（演示数据） for the demo seed and the display name for a user, in Chinese', async () => {
    const items = await history();
    const seeded = items.find((item) => item.actorUsername === 'system:demo');
    const created = items.find((item) => item.action === 'create');
    expect(seeded?.actorLabel).toBe('系统（演示数据）');
    expect(created?.actorLabel).toBe('测试district_staff');
    expect(created?.actorLabel).not.toBe(staff.user.username);
  });

  it('reads System (demo data) in English', async () => {
    const items = await history('en-US,en;q=0.9');
    expect(items.find((item) => item.actorUsername === 'system:demo')?.actorLabel).toBe('System (demo data)');
  });

  it("labels the audit administrator's trail the same way", async () => {
    const response = await auditor.request({ method: 'GET', url: '/api/v1/audit?entityType=project' });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<AuditPage>().items;
    expect(items.find((item) => item.actorUsername === 'system:demo')?.actorLabel).toBe('系统（演示数据）');
  });
});
