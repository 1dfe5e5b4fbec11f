/**
 * The import jobs' rows (migration 2026121031_import_jobs): written by the instance that runs a job, read by any.
 */
import { sql, type Kysely } from 'kysely';
import type { LedgerImportJob } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';

/** How long a running job may go without a heartbeat before it is reported interrupted. */
export const HEARTBEAT_TIMEOUT_SECONDS = 120;

/** A job's state as the runner last wrote it. */
export type JobState = Pick<LedgerImportJob, 'status' | 'phase' | 'processed' | 'total' | 'result' | 'error'>;

export async function insertJob(
  db: Kysely<DB>,
  job: { id: string; ownerId: number; instance: string } & JobState,
): Promise<void> {
  await db
    .insertInto('import_jobs')
    .values({
      id: job.id,
      owner_id: job.ownerId,
      instance: job.instance,
      status: job.status,
      phase: job.phase,
      processed: job.processed,
      total: job.total,
    })
    .execute();
}

/** Writes a job's progress or outcome; a finished job gets its finishing time. */
export async function updateJob(db: Kysely<DB>, id: string, state: JobState): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({
      status: state.status,
      phase: state.phase,
      processed: state.processed,
      total: state.total,
      result: state.result === undefined ? null : JSON.stringify(state.result),
      error: state.error === undefined ? null : JSON.stringify(state.error),
      heartbeat_at: sql<Date>`now()`,
      finished_at: state.status === 'running' ? null : sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** The user's job by id, with whether a running one has lost its heartbeat. */
export async function findJob(db: Kysely<DB>, ownerId: number, id: string) {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'status', 'phase', 'processed', 'total', 'result', 'error'])
    .select(
      sql<boolean>`status = 'running' and heartbeat_at < now() - make_interval(secs => ${HEARTBEAT_TIMEOUT_SECONDS})`.as(
        'stale',
      ),
    )
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

/** Forgets jobs finished more than an hour ago. */
export async function pruneJobs(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom('import_jobs')
    .where('finished_at', '<', sql<Date>`now() - interval '1 hour'`)
    .execute();
}
