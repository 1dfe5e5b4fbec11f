/**
 * The scheduler runs each job's tick exactly once however many instances share the database: two instances (on
 * PostgreSQL two connection pools, as two processes would have; on PGlite two schedulers in one process) tick the
 * same job at the same moment many times, and the job's side effect happens once per tick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { fixedClock } from '../clock.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { createTestDatabase } from '../../test/database.ts';
import { currentTick, runTick, startJobs, type Job } from './scheduler.ts';

let first: Database;
let second: Kysely<DB>;
let closeSecond: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  first = await createTestDatabase();
  const url = process.env.DATABASE_URL;
  if (url) {
    // A second pool on the same database: what another app instance would hold.
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(first.db);
    const target = new URL(url);
    target.pathname = `/${rows[0]?.name ?? ''}`;
    const other = await openDatabase({ databaseUrl: target.toString() });
    second = other.db;
    closeSecond = () => other.close();
  } else {
    second = first.db;
  }
  await sql`create table scheduler_effects (job text not null, tick text not null)`.execute(first.db);
}, 60_000);

afterAll(async () => {
  await closeSecond();
  await first.close();
});

/** A job whose side effect is one row per run, slow enough that both instances are inside it together. */
function countingJob(name: string, schedule: Job['schedule']): Job {
  return {
    schedule,
    async run(deps) {
      const tick = currentTick(schedule, deps.clock);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await deps.db
        .insertInto('scheduler_effects' as never)
        .values({ job: name, tick })
        .execute();
      return { tick };
    },
  };
}

async function effects(name: string): Promise<{ tick: string; n: number }[]> {
  const { rows } = await sql<{ tick: string; n: string }>`
    select tick, count(*) as n from scheduler_effects where job = ${name} group by tick order by tick`.execute(
    first.db,
  );
  return rows.map((row) => ({ tick: row.tick, n: Number(row.n) }));
}

describe('the scheduler', () => {
  it('runs a daily job once per application date when two instances tick it at the same moment', async () => {
    const job = countingJob('daily-count', { everyMs: 60_000, runAtStart: true, daily: true });
    const dates = Array.from({ length: 25 }, (_, i) => `2021-05-${String(i + 1).padStart(2, '0')}`);
    for (const date of dates) {
      const clock = fixedClock(date);
      // Each instance fires twice (a timer and a start-up check overlapping): four attempts per tick.
      const outcomes = await Promise.all([
        runTick({ db: first.db, clock }, 'instance-a', 'daily-count', job, currentTick(job.schedule, clock)),
        runTick({ db: second, clock }, 'instance-b', 'daily-count', job, currentTick(job.schedule, clock)),
        runTick({ db: second, clock }, 'instance-b', 'daily-count', job, currentTick(job.schedule, clock)),
        runTick({ db: first.db, clock }, 'instance-a', 'daily-count', job, currentTick(job.schedule, clock)),
      ]);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    }
    expect(await effects('daily-count')).toEqual(dates.map((tick) => ({ tick, n: 1 })));
    const runs = await first.db
      .selectFrom('job_runs')
      .select(['tick', 'instance', 'finished_at', 'error', 'result'])
      .where('job', '=', 'daily-count')
      .orderBy('tick')
      .execute();
    expect(runs.map((r) => r.tick)).toEqual(dates);
    for (const run of runs) {
      expect(run.finished_at).not.toBeNull();
      expect(run.error).toBeNull();
      expect(run.result).toEqual({ tick: run.tick });
      expect(['instance-a', 'instance-b']).toContain(run.instance);
    }
  });

  it('gives an interval job one tick per interval, the same on every instance', () => {
    const schedule = { everyMs: 60 * 60 * 1000, runAtStart: false };
    const clock = fixedClock('2021-05-20');
    const at = Date.parse('2026-12-05T10:17:00Z');
    expect(currentTick(schedule, clock, at)).toBe('2026-12-05T10:00:00.000Z');
    expect(currentTick(schedule, clock, at + 42 * 60 * 1000)).toBe('2026-12-05T10:00:00.000Z');
    expect(currentTick(schedule, clock, at + 43 * 60 * 1000)).toBe('2026-12-05T11:00:00.000Z');
  });

  it('records a failed run with its error, and does not run that tick again', async () => {
    let calls = 0;
    const failing: Job = {
      schedule: { everyMs: 60_000, runAtStart: true, daily: true },
      run() {
        calls += 1;
        return Promise.reject(new Error('gateway away'));
      },
    };
    const clock = fixedClock('2021-05-20');
    const outcome = await runTick({ db: first.db, clock }, 'a', 'failing', failing, '2021-05-20');
    expect(outcome).toEqual({ ran: true, error: 'gateway away' });
    expect(await runTick({ db: second, clock }, 'b', 'failing', failing, '2021-05-20')).toEqual({ ran: false });
    expect(calls).toBe(1);
    const run = await first.db
      .selectFrom('job_runs')
      .selectAll()
      .where('job', '=', 'failing')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ instance: 'a', error: 'gateway away', result: null });
    expect(run.finished_at).not.toBeNull();
  });

  it('starts two schedulers on one database and runs the start-up tick once', async () => {
    const log = pino({ level: 'silent' });
    const clock = fixedClock('2021-05-20');
    const jobs = { 'start-count': countingJob('start-count', { everyMs: 3_600_000, runAtStart: true, daily: true }) };
    const stops = await Promise.all([
      startJobs({ db: first.db, clock, log }, { jobs, instance: 'one' }),
      startJobs({ db: second, clock, log }, { jobs, instance: 'two' }),
    ]);
    for (const stop of stops) stop();
    expect(await effects('start-count')).toEqual([{ tick: '2021-05-20', n: 1 }]);
  });
});
