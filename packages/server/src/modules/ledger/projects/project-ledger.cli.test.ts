import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser } from '../../../../test/factories.ts';
import { openDatabase } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { ledgerFile, ledgerRow, readXlsx } from '../ledger.fixtures.ts';
import { changeAuditRows, rowCount } from '../../../../test/audit.ts';

const src = path.join(import.meta.dirname, '../../..');
const repoRoot = path.join(src, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'kp-ledger-cli-'));
const dataDir = path.join(work, 'data');
const OWNER = '大庆台账命令行测试有限公司';
const ROWS = 4_000;

const cliPath = path.join(src, 'cli.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on the test's data directory; `killWhen` sees each stderr line and may ask for a SIGKILL. */
function cli(args: string[], killWhen?: (line: string) => boolean): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  // node with tsx's loader, not the tsx launcher: the launcher runs the script in a child process that a
  // SIGKILL of the launcher would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args, '--json', '--data-dir', dataDir], {
    env,
    cwd: repoRoot,
  });
  const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
    if (killWhen && run.stderr.split('\n').some(killWhen)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ ...run, code, signal })));
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;

async function counts() {
  const database = await openDatabase({ dataDir });
  try {
    return { projects: await rowCount(database.db, 'projects'), audit: await changeAuditRows(database.db) };
  } finally {
    await database.close();
  }
}

const ledgerPath = path.join(work, 'ledger.xlsx');

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    await createOrganization(database.db, { name: OWNER });
    await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
  } finally {
    await database.close();
  }
  writeFileSync(ledgerPath, await ledgerFile(Array.from({ length: ROWS }, () => ledgerRow(OWNER))));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the io commands', () => {
  it('previews a ledger as the city administrator, writing nothing', async () => {
    const run = await cli(['import', ledgerPath, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(lastJson(run.stdout)).toMatchObject({ status: 'ok', dryRun: true, summary: { create: ROWS, errors: 0 } });
    expect(run.stderr).toMatch(/progress validating/);
    expect((await counts()).projects).toBe(0);
  }, 120_000);

  it('leaves no partial data when killed in the middle of a commit', async () => {
    const before = await counts();
    const progress = /^progress writing (\d+)\/(\d+)$/;
    const run = await cli(['import', ledgerPath], (line) => {
      const match = progress.exec(line);
      return match !== null && Number(match[1]) > 0 && Number(match[1]) < Number(match[2]);
    });
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.stdout.length, 'the killed import printed a result').toBe(0);
    expect(await counts()).toEqual(before);

    // The reopened data directory is whole: the same import now commits every row.
    const again = await cli(['import', ledgerPath]);
    expect(again.code, again.stderr).toBe(0);
    expect(lastJson(again.stdout)).toMatchObject({ committed: true, summary: { create: ROWS } });
    expect(await counts()).toEqual({ projects: ROWS, audit: before.audit + ROWS });
  }, 180_000);

  it('exports the projects and writes the template', async () => {
    const out = path.join(work, 'projects.xlsx');
    const run = await cli(['export', 'projects', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastJson(run.stdout)).toMatchObject({ status: 'ok', rows: ROWS });
    const sheet = await readXlsx(readFileSync(out));
    expect(sheet.rowCount).toBe(ROWS + 1);
    const template = path.join(work, 'template.xlsx');
    expect((await cli(['template', '--out', template])).code).toBe(0);
    expect(existsSync(template)).toBe(true);
    expect((await readXlsx(readFileSync(template), '说明')).getCell('A1').value).toBe('项目台账导入说明');
  }, 120_000);

  it('refuses an unknown user and a non-xlsx file with a clear error', async () => {
    const fake = path.join(work, 'setup.xlsx');
    writeFileSync(fake, Buffer.from('MZ this is an exe'));
    const run = await cli(['import', fake]);
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/不是可读取的 Excel 工作簿/);
    const nobody = await cli(['import', ledgerPath, '--dry-run', '--as', 'nobody']);
    expect(nobody.code).not.toBe(0);
    expect(`${nobody.stdout}${nobody.stderr}`).toMatch(/no active user nobody/);
  }, 60_000);
});
