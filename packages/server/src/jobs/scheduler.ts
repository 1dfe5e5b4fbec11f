/** Runs the jobs on their schedules inside the server process; returns a function that stops them. */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import * as analyze from './analyze.job.ts';
import * as authCleanup from './auth-cleanup.job.ts';
import * as lockPeriods from './lock-periods.job.ts';

interface Job {
  schedule: { everyMs: number; runAtStart: boolean };
  run(deps: { db: Kysely<DB>; clock: Clock }): Promise<unknown>;
}

const JOBS: Record<string, Job> = { 'lock-periods': lockPeriods, analyze, 'auth-cleanup': authCleanup };

export async function startJobs(deps: { db: Kysely<DB>; clock: Clock; log: FastifyBaseLogger }): Promise<() => void> {
  const timers: NodeJS.Timeout[] = [];
  for (const [name, job] of Object.entries(JOBS)) {
    const tick = async () => {
      try {
        const result = await job.run(deps);
        deps.log.info({ job: name, result }, 'job ran');
      } catch (error) {
        deps.log.error({ job: name, err: error }, 'job failed');
      }
    };
    if (job.schedule.runAtStart) await tick();
    timers.push(setInterval(() => void tick(), job.schedule.everyMs));
  }
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
