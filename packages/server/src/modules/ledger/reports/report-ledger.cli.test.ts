/**
 * The monthly-report ledger outside the preview page: the CLI writes a period's template and previews a filled
 * copy, and the API commits it as a background job whose progress is polled.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { ioCommands } from '../../../cli/io.commands.ts';
import type { CliValues } from '../../../cli/command.ts';
import { rowCount } from '../../../../test/audit.ts';
import { contextDatabase, runCommand } from '../../../../test/cli.ts';
import { multipart } from '../../../../test/upload.ts';
import { readXlsx } from '../ledger.fixtures.ts';
import type { LedgerImportJob, LedgerImportResult } from '@keyprojects/core';

let ctx: TestContext;
let city: Client;
let dir: string;
const codes: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  dir = await mkdtemp(path.join(tmpdir(), 'kp-report-ledger-'));
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  for (let i = 0; i < 2; i += 1) {
    const response = await city.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
    expect(response.statusCode, response.body).toBe(201);
    codes.push(response.json<{ code: string }>().code);
  }
});
afterAll(async () => {
  await ctx.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs an io command in this process against the test database; returns what it printed as JSON. */
async function cli(name: string, values: CliValues, args: string[] = []) {
  return (await runCommand(ioCommands, name, contextDatabase(ctx.db), values, args)).output;
}

const reportCount = () => rowCount(ctx.db, 'monthly_reports');

describe('the monthly-report ledger from the command line and as a job', () => {
  it('writes the period template, previews a filled copy, then commits it as a polled job', async () => {
    const template = path.join(dir, 'template.xlsx');
    await cli('template', { kind: 'monthly-reports', period: '2021-04', out: template });
    const sheet = await readXlsx(await readFile(template), '月报台账');
    // Required columns are starred in the template.
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const codeColumn = header.indexOf('*投资项目统一代码');
    const amountColumn = header.indexOf('*本月完成投资（万元）');
    expect([codeColumn, amountColumn].every((column) => column > 0)).toBe(true);
    const rows = [2, 3].map((n) => sheet.getRow(n));
    expect(rows.map((row) => row.getCell(codeColumn).text).sort()).toEqual([...codes].sort());
    sheet.getRow(2).getCell(amountColumn).value = 120.5;
    const filled = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    const file = path.join(dir, 'filled.xlsx');
    await writeFile(file, filled);

    const preview = await cli('import', { kind: 'monthly-reports', period: '2021-04', 'dry-run': true }, [file]);
    expect(preview).toMatchObject({ status: 'ok', dryRun: true, summary: { create: 1, errors: 0 } });
    expect(await reportCount()).toBe(0);
    await expect(cli('import', { kind: 'monthly-reports' }, [file])).rejects.toThrow('--period');

    const body = multipart(filled);
    const started = await city.request({
      method: 'POST',
      url: '/api/v1/ledger/import?kind=monthly-reports&year=2021&month=4&dryRun=false&async=true',
      payload: body.payload,
      headers: body.headers,
    });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<LedgerImportJob>();
    for (let i = 0; i < 200 && job.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await city.request({ method: 'GET', url: `/api/v1/ledger/jobs/${job.id}` })).json<LedgerImportJob>();
    }
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done' });
    expect(job.result).toMatchObject<Partial<LedgerImportResult>>({ committed: true, kind: 'monthly-reports' });
    expect(await reportCount()).toBe(1);
  });
});
