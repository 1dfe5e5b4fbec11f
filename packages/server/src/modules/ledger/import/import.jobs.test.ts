/**
 * Import jobs live in the database (issue #14 item 6): two job stores on one database stand for two app instances
 * behind a load balancer; a poll that reaches the instance not running the job still finds it, its progress and
 * its outcome, and a job whose instance died is reported interrupted instead of running forever.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerImportJob, LedgerImportResult } from '@keyprojects/core';
import { createTestUser } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import type { ImportProgress } from './import.pipeline.ts';
import { ImportJobs } from './import.jobs.ts';

let ctx: TestContext;
let owner: number;
let other: number;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = (await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' })).id;
  other = (await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' })).id;
});
afterAll(() => ctx.close());

const RESULT = {
  kind: 'projects',
  dryRun: false,
  committed: true,
  rows: [],
  errors: [],
} as unknown as LedgerImportResult;

/** A job body the test finishes by hand, reporting progress first. */
function controlledRun() {
  let finish!: (result: LedgerImportResult) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<LedgerImportResult>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const run = (progress: (p: ImportProgress) => void) => {
    progress({ phase: 'writing', processed: 40, total: 100 });
    return done;
  };
  return { run, finish, fail };
}

/** Polls the store until the job satisfies `ready` (the runner writes at most once a second). */
async function pollUntil(
  jobs: ImportJobs,
  userId: number,
  id: string,
  ready: (job: LedgerImportJob | undefined) => boolean,
): Promise<LedgerImportJob | undefined> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const job = await jobs.get(userId, id, 'zh');
    if (ready(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} never became ready`);
}

describe('import jobs shared by instances', () => {
  it('answers a poll on another instance with the progress and then the outcome', async () => {
    const running = new ImportJobs(ctx.db);
    const polled = new ImportJobs(ctx.db);
    const body = controlledRun();
    const started = await running.start(owner, 'zh', body.run);
    expect(started.status).toBe('running');

    const progressed = await pollUntil(polled, owner, started.id, (job) => job?.processed === 40);
    expect(progressed).toMatchObject({ status: 'running', phase: 'writing', processed: 40, total: 100 });
    expect(await polled.get(other, started.id, 'zh')).toBeUndefined();

    body.finish(RESULT);
    const finished = await pollUntil(polled, owner, started.id, (job) => job?.status !== 'running');
    expect(finished).toMatchObject({ status: 'succeeded', phase: 'done', result: RESULT });
    expect(await running.get(owner, started.id, 'zh')).toEqual(finished);
  });

  it('reports a failure with its message on every instance', async () => {
    const running = new ImportJobs(ctx.db);
    const polled = new ImportJobs(ctx.db);
    const body = controlledRun();
    const started = await running.start(owner, 'en', body.run);
    body.fail(new Error('disk on fire'));
    const failed = await pollUntil(polled, owner, started.id, (job) => job?.status === 'failed');
    // Internals stay out of the answer.
    expect(failed?.error?.code).toBe('internal');
    expect(JSON.stringify(failed)).not.toContain('disk on fire');
  });

  it('reports a job whose instance stopped beating as interrupted', async () => {
    const dying = new ImportJobs(ctx.db);
    const started = await dying.start(owner, 'zh', controlledRun().run);
    await sql`update import_jobs set heartbeat_at = now() - interval '10 minutes' where id = ${started.id}`.execute(
      ctx.db,
    );
    const polled = await new ImportJobs(ctx.db).get(owner, started.id, 'zh');
    expect(polled).toMatchObject({ status: 'failed', error: { code: 'ledger.interrupted' } });
    expect(polled?.error?.message).toContain('重新导入');
  });

  it('lets closing wait for a running job, which records its outcome first', async () => {
    const running = new ImportJobs(ctx.db);
    const body = controlledRun();
    const started = await running.start(owner, 'zh', body.run);
    let drained = false;
    const draining = running.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    body.finish(RESULT);
    await draining;
    const row = await sql<{ status: string }>`select status from import_jobs where id = ${started.id}`.execute(ctx.db);
    expect(row.rows).toEqual([{ status: 'succeeded' }]);
  });

  it('settles a job whose outcome cannot be written, without an unhandled rejection', async () => {
    const unreachable = new ImportJobs(ctx.db);
    const body = controlledRun();
    await unreachable.start(owner, 'zh', body.run);
    await sql`alter table import_jobs rename to import_jobs_away`.execute(ctx.db);
    try {
      body.finish(RESULT);
      await unreachable.drain();
    } finally {
      await sql`alter table import_jobs_away rename to import_jobs`.execute(ctx.db);
    }
  });
});
