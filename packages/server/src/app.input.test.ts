/**
 * Bad bytes at the edge: NUL and lone surrogates in any part of a request (JSON body, query, params, headers,
 * multipart file names, uploaded cells) answer 400 naming the field and change nothing — never a 500.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../test/factories.ts';
import { createTestContext, type TestContext } from '../test/helper.ts';
import { ledgerFile, ledgerRow, resultOf, upload } from './modules/ledger/ledger.fixtures.ts';
import { multipart, projectCount as countProjects } from '../test/upload.ts';
import { officialExample } from './modules/oc4ids/oc4ids.fixtures.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

let ctx: TestContext;
let admin: Client;
let ownerId: number;
const OWNER = '大庆坏字节测试有限公司';

beforeAll(async () => {
  ctx = await createTestContext();
  ownerId = await createOrganization(ctx.db, { name: OWNER });
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const projectCount = () => countProjects(ctx.db);

/** A 400 whose fields name `field` with the forbidden-character message. */
function expectRefused(response: LightMyRequestResponse, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json<ErrorBody>();
  expect(body.error.code).toBe('validation');
  expect(body.error.fields?.[field]).toBe('含有不允许的字符（空字符或不成对的代理字符）');
}

// A JSON text with escapes, so the parsed body holds the raw character (as a hostile client would send it).
const NUL = '\\u0000';
const LONE = '\\ud800';

describe('bad bytes in a request', () => {
  it('refuses a NUL or a lone surrogate in a JSON body field, naming it, and writes nothing', async () => {
    const before = await projectCount();
    for (const bad of [NUL, LONE]) {
      const body = JSON.stringify(buildProject(ownerId)).replace('"name":"', `"name":"大庆${bad}`);
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: body,
        headers: { 'content-type': 'application/json' },
      });
      expectRefused(response, 'name');
      expect(response.json<ErrorBody>().error.message).toContain('项目名称');
    }
    expect(await projectCount()).toBe(before);
  });

  it('refuses them in a nested body field and in the sign-in form, before any session exists', async () => {
    const nested = JSON.stringify(buildProject(ownerId)).replace('"nature":"new"', `"nature":"n${NUL}ew"`);
    expectRefused(
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: nested,
        headers: { 'content-type': 'application/json' },
      }),
      'nature',
    );
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: `{"username":"admin${NUL}","password":"x${LONE}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expectRefused(login, 'username');
  });

  it('refuses them in a query string and in a path parameter', async () => {
    expectRefused(await admin.request({ method: 'GET', url: '/api/v1/projects?q=%00' }), 'q');
    expectRefused(await admin.request({ method: 'GET', url: '/api/v1/projects?q=a%00b&page=1' }), 'q');
    expectRefused(await admin.request({ method: 'GET', url: '/api/v1/projects/1%00' }), 'id');
    expectRefused(await admin.request({ method: 'GET', url: '/api/v1/ledger/jobs/%00' }), 'id');
    expectRefused(await admin.request({ method: 'GET', url: '/api/v1/stats/figures?asOf=2021-05-20%00' }), 'asOf');
  });

  it('refuses a NUL in a header the app reads (the user agent it records)', async () => {
    const response = await admin.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'user-agent': 'Mozilla\u0000/5.0' },
    });
    expectRefused(response, 'user-agent');
  });

  it('refuses a multipart file name with a NUL (a photo upload) with a 400 naming it', async () => {
    const project = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerId) });
    expect(project.statusCode, project.body).toBe(201);
    const { id } = project.json<{ id: number }>();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const body = multipart(png, 'site\u0000.png', { field: 'photo', contentType: 'image/png' });
    const response = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${id}/reports/2021/5/photos`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().error.fields).toHaveProperty('photo');
  });

  it('answers ledger cells that decode to a NUL or a lone surrogate with a row error, importing nothing', async () => {
    const before = await projectCount();
    // OOXML escapes a character as _xHHHH_ in cell text; exceljs decodes it, so a file can carry any code unit.
    const file = await ledgerFile([
      ledgerRow(OWNER, { 项目名称: '坏_x0000_字节' }),
      ledgerRow(OWNER, { 建设内容: '孤_xD800_代理' }),
    ]);
    const response = await upload(admin, file, { dryRun: false });
    expect(response.statusCode, response.body).toBe(400);
    const result = resultOf(response);
    expect(result.summary.errors).toBe(2);
    expect(JSON.stringify(result.errors)).toContain('不允许的字符');
    expect(await projectCount()).toBe(before);
  });

  it('refuses an OC4IDS package whose text holds a NUL, naming the path, importing nothing', async () => {
    const before = await projectCount();
    const example = officialExample();
    const text = JSON.stringify(example).replace('"title":"', `"title":"${NUL}`);
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/oc4ids/import',
      payload: text,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.values(response.json<ErrorBody>().error.fields ?? {})).toContain(
      '含有不允许的字符（空字符或不成对的代理字符）',
    );
    expect(await projectCount()).toBe(before);
  });
});
