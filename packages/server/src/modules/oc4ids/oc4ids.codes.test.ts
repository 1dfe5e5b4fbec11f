/**
 * The codes imported projects get: their national code (项目代码) where it is valid and free, otherwise a sandbox
 * code dated on the import's (the application's) date — never a code with an impossible date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_CODE_SCHEME, type Oc4idsImportResult } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { officialExample } from './oc4ids.fixtures.ts';

let ctx: TestContext;
let daqingAdmin: Client;
let heldCode: string;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  daqingAdmin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  const created = await daqingAdmin.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  heldCode = created.json<{ code: string }>().code;
}, 180_000);
afterAll(() => ctx.close());

/** The official example's project under another id, with the identifiers given. */
function packageOf(projects: { id: string; identifiers: { id: string; scheme: string }[] }[]) {
  const example = officialExample();
  const base = example.projects[0] ?? {};
  return { ...example, projects: projects.map((p) => ({ ...base, ...p })) };
}

async function importCodes(pkg: unknown): Promise<Record<string, string>> {
  const response = await daqingAdmin.request({
    method: 'POST',
    url: '/api/v1/oc4ids/import',
    payload: pkg as Record<string, unknown>,
  });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json<Oc4idsImportResult>();
  return Object.fromEntries(result.projects.map((p) => [p.oc4idsId, p.code]));
}

describe('codes of imported projects', () => {
  let codes: Record<string, string>;
  const pkg = packageOf([
    { id: 'p-valid', identifiers: [{ id: '2011-230605-04-01-880033', scheme: PROJECT_CODE_SCHEME }] },
    { id: 'p-future', identifiers: [{ id: '2113-230605-04-01-880034', scheme: PROJECT_CODE_SCHEME }] },
    { id: 'p-unknown-area', identifiers: [{ id: '2011-999999-04-01-880035', scheme: PROJECT_CODE_SCHEME }] },
    { id: 'p-held', identifiers: [{ id: '', scheme: PROJECT_CODE_SCHEME }] },
    { id: 'p-none', identifiers: [{ id: 'P-2019-0042', scheme: 'internal' }] },
  ]);

  beforeAll(async () => {
    const held = pkg.projects[3];
    if (held) held.identifiers = [{ id: heldCode, scheme: PROJECT_CODE_SCHEME }];
    codes = await importCodes(pkg);
  });

  it('keeps a valid national code', () => {
    expect(codes['p-valid']).toBe('2011-230605-04-01-880033');
  });

  it("gives a sandbox code dated on the import's date to a code with an impossible date or an unknown area", () => {
    for (const id of ['p-future', 'p-unknown-area', 'p-none']) {
      expect(codes[id], id).toMatch(/^2105-990100-\d{2}-\d{2}-\d{6}$/);
    }
  });

  it('gives a sandbox code when another project already holds the national code', () => {
    expect(codes['p-held']).toMatch(/^2105-990100-/);
    expect(codes['p-held']).not.toBe(heldCode);
  });

  it('keeps the same codes when the package is imported again', async () => {
    expect(await importCodes(pkg)).toEqual(codes);
  });
});
