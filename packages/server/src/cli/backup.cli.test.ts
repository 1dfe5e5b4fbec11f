/**
 * The backup, restore and verify-audit commands end to end on embedded PGlite directories: a backup of a
 * stopped directory and of one a running server holds (through its control token), a restore into an empty
 * directory that verifies, a refused restore into a non-empty one, and verify-audit exiting 1 on a changed row.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';

const run = promisify(execFile);
const srcDir = path.join(import.meta.dirname, '..');
const tsx = path.join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const work = mkdtempSync(path.join(tmpdir(), 'kp-backup-cli-'));
const [source, target] = [path.join(work, 'source'), path.join(work, 'target')];
const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DEMO: 'false' };
delete env.DATABASE_URL;
let server: ChildProcess | undefined;

async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const argv = [path.join(srcDir, 'cli.ts'), ...args, '--json', '--data-dir', dataDir];
  try {
    const { stdout } = await run(tsx, argv, { env });
    return { code: 0, json: JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown> };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return {
      code: failed.code,
      json: JSON.parse(failed.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>,
    };
  }
}

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('backup, restore and verify-audit on the command line', () => {
  it('backs up a stopped directory and verifies its audit chain', async () => {
    expect((await cli(source, 'create-admin', '--username', 'root.admin', '--password', 'Strong-Passw0rd!')).code).toBe(
      0,
    );
    expect(await cli(source, 'verify-audit')).toMatchObject({ code: 0, json: { status: 'intact' } });
    const file = path.join(work, 'stopped.ndjson.gz');
    const backup = await cli(source, 'backup', file);
    expect(backup).toMatchObject({ code: 0, json: { status: 'ok', via: 'database' } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 600_000);

  it('backs up through the running server that holds the directory, and restores into an empty one', async () => {
    server = spawn(tsx, [path.join(srcDir, 'server.ts')], {
      env: { ...env, DATA_DIR: source, PORT: '0' },
      stdio: 'ignore',
    });
    const control = path.join(source, 'keyprojects.control');
    for (let i = 0; i < 240 && !existsSync(control); i += 1) await sleep(250);
    expect(existsSync(control)).toBe(true);
    expect(statSync(control).mode & 0o777).toBe(0o600);

    const file = path.join(work, 'running.ndjson.gz');
    const backup = await cli(source, 'backup', file);
    expect(backup).toMatchObject({ code: 0, json: { status: 'ok', via: expect.stringContaining('running server') } });

    const restored = await cli(target, 'restore', file);
    expect(restored).toMatchObject({ code: 0, json: { status: 'ok', audit: { status: 'intact' } } });
    expect(await cli(target, 'health')).toMatchObject({ code: 0, json: { users: 1 } });
    const again = await cli(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(String(again.json.error)).toMatch(/not empty/);
  }, 600_000);

  it('exits 1 from verify-audit naming the first changed row', async () => {
    const database = await openDatabase({ dataDir: target });
    try {
      await database.db.transaction().execute(async (trx) => {
        await sql`alter table audit_log disable trigger user`.execute(trx);
        await sql`update audit_log set actor_username = 'someone.else' where id = (select min(id) from audit_log)`.execute(
          trx,
        );
        await sql`alter table audit_log enable trigger user`.execute(trx);
      });
      const first = await database.db.selectFrom('audit_log').select('id').orderBy('id').executeTakeFirstOrThrow();
      await database.close();
      expect(await cli(target, 'verify-audit')).toMatchObject({
        code: 1,
        json: { status: 'broken', rowId: String(first.id), reason: 'changed' },
      });
    } finally {
      await database.close().catch(() => undefined);
    }
  }, 300_000);
});
