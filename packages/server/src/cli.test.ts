import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './db/lock.ts';

const run = promisify(execFile);
const cliPath = path.join(import.meta.dirname, 'cli.ts');
const tsx = path.join(import.meta.dirname, '../../../node_modules/.bin/tsx');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kp-cli-'));
// The CLI is tested on its own embedded database; DATABASE_URL would point it elsewhere.
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL;

async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(tsx, [cliPath, ...args, '--json', '--data-dir', dataDir], { env });
    return { code: 0, json: JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown> };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return {
      code: failed.code,
      json: JSON.parse(failed.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>,
    };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the command line', () => {
  it('migrates, creates an administrator and reports health as JSON', async () => {
    const migrated = await cli('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.json.applied).toEqual(expect.arrayContaining(['2026112701_foundation', '2026112702_reporting']));
    const created = await cli(
      'create-admin',
      '--username',
      'root.admin',
      '--password',
      'Strong-Passw0rd!',
      '--role',
      'city_admin',
      '--region',
      '230600',
    );
    expect(created).toMatchObject({ code: 0, json: { username: 'root.admin', role: 'city_admin' } });
    const weak = await cli('create-admin', '--username', 'weak.admin', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.json.status).toBe('error');
    expect(await cli('health')).toMatchObject({
      code: 0,
      json: { status: 'ok', database: 'pglite', projects: 0, users: 1 },
    });
  }, 120_000);

  it('refuses a data directory another process holds, with a clear error', async () => {
    const release = lockDataDir(dataDir);
    try {
      const result = await cli('health');
      expect(result.code).toBe(1);
      expect(String(result.json.error)).toMatch(/in use by another KeyProjects process/);
    } finally {
      release();
    }
  }, 60_000);
});
