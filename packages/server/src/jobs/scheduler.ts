/**
 * Runs the jobs on their schedules inside the server process, each tick exactly once across every instance that
 * shares the database; returns a function that stops them.
 *
 * Every job has ticks: a daily job's tick is the application's date (`clock.today()`, so a demo fixed on
 * 2021-05-20 runs its daily jobs for that date once, and a replay of a past year runs them as of that year); an
 * interval job's tick is the start of the current interval (`everyMs`) on the computer's clock. Each instance
 * checks its jobs on their interval; before running a tick it inserts `(job, tick, instance)` into `job_runs`
 * with `on conflict do nothing`. The primary key `(job, tick)` lets exactly one insert succeed, whichever instance
 * and however many try at the same moment, so only that instance runs the tick and then records `finished_at` and
 * `result` (or `error`). No lock is held while the job runs, so a slow job never blocks another instance.
 *
 * Several instances: point them all at one PostgreSQL (`DATABASE_URL`) and start them as usual; nothing else is
 * needed. Their clocks should agree (NTP) so that interval buckets coincide; a skew only makes a tick run a little
 * earlier or later, never twice. A tick whose instance died mid-run stays claimed (run at most once, with
 * `finished_at` null in `job_runs` for an operator to see); the next tick runs normally. Embedded PGlite allows one
 * process per data directory, so there the ledger simply records what ran.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import * as analyze from './analyze.job.ts';
import * as authCleanup from './auth-cleanup.job.ts';
import * as lockPeriods from './lock-periods.job.ts';
import * as problemEscalation from './problem-escalation.job.ts';
import * as warnings from './warnings.job.ts';

export interface JobDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/**
 * When a job runs: every `everyMs` (its tick is that interval's start), or — with `daily: true` — once per
 * application date, checked every `everyMs`. `runAtStart` checks it once as the instance starts.
 */
export interface JobSchedule {
  everyMs: number;
  runAtStart: boolean;
  daily?: boolean;
}

export interface Job {
  schedule: JobSchedule;
  run(deps: JobDeps): Promise<unknown>;
}

/** Every scheduled job by name (the name is the `job` column of job_runs). */
export const JOBS: Record<string, Job> = {
  'lock-periods': lockPeriods,
  analyze,
  'auth-cleanup': authCleanup,
  // Escalation first, so that the day's warnings see the problems' clocks as of the day.
  'problem-escalation': problemEscalation,
  warnings,
};

/** The tick a job is due for now: the application's date for a daily job, else the interval's start (ISO). */
export function currentTick(schedule: JobSchedule, clock: Clock, nowMs: number = Date.now()): string {
  if (schedule.daily) return clock.today();
  return new Date(Math.floor(nowMs / schedule.everyMs) * schedule.everyMs).toISOString();
}

/** A name for this process in job_runs: host, pid and a random suffix (two instances on one host differ). */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export type TickOutcome = { ran: true; result: unknown } | { ran: true; error: string } | { ran: false };

/**
 * Claims the job's tick for this instance and runs it when the claim succeeds; another instance's claim (or an
 * earlier one of this instance) means the tick already ran or is running, and nothing happens.
 */
export async function runTick(
  deps: JobDeps,
  instance: string,
  name: string,
  job: Job,
  tick: string,
): Promise<TickOutcome> {
  const claimed = await deps.db
    .insertInto('job_runs')
    .values({ job: name, tick, instance })
    .onConflict((oc) => oc.columns(['job', 'tick']).doNothing())
    .returning('job')
    .executeTakeFirst();
  if (!claimed) return { ran: false };
  const finish = (values: { result: string | null; error: string | null }) =>
    deps.db
      .updateTable('job_runs')
      .set({ ...values, finished_at: new Date() })
      .where('job', '=', name)
      .where('tick', '=', tick)
      .execute();
  try {
    const result = await job.run(deps);
    await finish({ result: JSON.stringify(result ?? null, jsonSafe), error: null });
    return { ran: true, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish({ result: null, error: message.slice(0, 2000) });
    return { ran: true, error: message };
  }
}

/** bigint is not JSON: results that count rows as bigint are stored as decimal strings. */
const jsonSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** Starts every job's timer (and its start-up check); the returned function stops them. */
export async function startJobs(
  deps: JobDeps & { log: FastifyBaseLogger },
  options: { jobs?: Record<string, Job>; instance?: string } = {},
): Promise<() => void> {
  const instance = options.instance ?? instanceName();
  const timers: NodeJS.Timeout[] = [];
  for (const [name, job] of Object.entries(options.jobs ?? JOBS)) {
    const check = async () => {
      const tick = currentTick(job.schedule, deps.clock);
      try {
        const outcome = await runTick(deps, instance, name, job, tick);
        if (!outcome.ran) deps.log.debug({ job: name, tick }, 'job tick already claimed');
        else if ('error' in outcome) deps.log.error({ job: name, tick, err: outcome.error }, 'job failed');
        else deps.log.info({ job: name, tick, result: outcome.result }, 'job ran');
      } catch (error) {
        // The claim itself failed (database away): the next check tries again.
        deps.log.error({ job: name, tick, err: error }, 'job check failed');
      }
    };
    if (job.schedule.runAtStart) await check();
    timers.push(setInterval(() => void check(), job.schedule.everyMs));
  }
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
