/**
 * Control characters cannot forge or colour log lines or the audit viewer: pino writes JSON, so CR, LF and ESC
 * in a URL, a username or a message stay escaped inside one line; the audit API returns them JSON-escaped (the
 * raw bytes never contain them) and intact once parsed.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

const run = promisify(execFile);
/** A username that would forge a second log line and colour a terminal if written raw. */
const EVIL = 'evil\r\n{"level":60,"msg":"forged"}\u001b[31m';
const tsx = path.join(import.meta.dirname, '../../../../../node_modules/.bin/tsx');
// eslint-disable-next-line no-control-regex -- the point of the test
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f]/;

describe('log lines', () => {
  it('keeps CR, LF and ESC of a URL, a username and a message escaped inside one JSON line', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { stdout } = await run(tsx, [path.join(import.meta.dirname, 'log-escape.fixture.ts'), EVIL], { env });
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).not.toMatch(RAW_CONTROL);
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((e) => e.msg === 'forged')).toBe(false);
    expect(entries.find((e) => e.username === EVIL)).toMatchObject({ msg: `login failed for ${EVIL}` });
  }, 180_000);
});

describe('the audit viewer', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  }, 180_000);
  afterAll(() => ctx.close());

  it('returns a username with control characters escaped in the bytes and intact when parsed', async () => {
    const failed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: EVIL.slice(0, 40), password: 'x' },
    });
    expect(failed.statusCode).toBe(401);
    const auditor = await signIn(ctx.app, await createTestUser(ctx.db, 'audit_admin'));
    const response = await auditor.request({ method: 'GET', url: '/api/v1/audit?entityType=session' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(RAW_CONTROL);
    const { items } = response.json<{ items: { action: string; entityId: string }[] }>();
    expect(items.find((item) => item.action === 'login_failed')?.entityId).toBe(EVIL.slice(0, 40));
  });
});
