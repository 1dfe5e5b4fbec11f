/**
 * Imports run as jobs: the commit of a long ledger continues after the request returns 202 with the job's id, and
 * the web polls its progress (rows processed / total). A job is a row of `import_jobs` (issue #14 item 6), so that
 * behind a load balancer any instance answers the poll: the instance running the job writes its progress at most
 * once a second (with a heartbeat) and its outcome at the end, and answers its own jobs from memory, fresher than
 * the row. A job whose instance died is reported interrupted once its heartbeat is two minutes old; the import
 * itself is one transaction, so it left nothing behind. Jobs are visible only to whoever started them and are
 * forgotten an hour after they finish.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { message, type Locale, type LedgerImportJob, type LedgerImportResult } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import type { ImportProgress } from './import.pipeline.ts';
import { findJob, insertJob, pruneJobs, updateJob, type JobState } from './import.jobs.repository.ts';

const WRITE_EVERY_MS = 1000;

interface Entry {
  ownerId: number;
  job: LedgerImportJob;
  /** Settles once the job's outcome is written (or could not be): what `drain` waits for. */
  settled?: Promise<void>;
}

/** The jobs of one app instance, kept in the shared database. */
export class ImportJobs {
  private readonly running = new Map<string, Entry>();
  private readonly instance = `${hostname()}:${String(process.pid)}`;

  constructor(private readonly db: Kysely<DB>) {}

  /** Records the job, starts `run` in the background and returns the job as it stands. */
  async start(
    ownerId: number,
    locale: Locale,
    run: (progress: (progress: ImportProgress) => void) => Promise<LedgerImportResult>,
  ): Promise<LedgerImportJob> {
    await pruneJobs(this.db);
    const entry: Entry = {
      ownerId,
      job: { id: randomUUID(), status: 'running', phase: 'reading', processed: 0, total: 0 },
    };
    await insertJob(this.db, { ...entry.job, ownerId, instance: this.instance });
    this.running.set(entry.job.id, entry);
    const writer = progressWriter((state) => updateJob(this.db, entry.job.id, state));
    const onProgress = ({ phase, processed, total }: ImportProgress) => {
      entry.job = { ...entry.job, phase, processed, total };
      writer.soon(entry.job);
    };
    const finish = async (job: LedgerImportJob) => {
      entry.job = job;
      // The outcome must reach the row before this instance stops answering from memory. If the database is away
      // even for the retry, the row's heartbeat ages and the job reads as interrupted on every instance.
      await writer.now(job).catch(() => undefined);
      this.running.delete(job.id);
    };
    entry.settled = run(onProgress).then(
      (result) => finish({ ...entry.job, status: 'succeeded', phase: 'done', result }),
      (error: unknown) => finish({ ...entry.job, status: 'failed', error: describe(error, locale) }),
    );
    return entry.job;
  }

  /** Waits for the jobs running here to finish and record their outcome (before the database closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running.values()].flatMap((entry) => (entry.settled ? [entry.settled] : [])));
  }

  /** The job if it exists and belongs to the user: from memory on the instance running it, else from its row. */
  async get(ownerId: number, id: string, locale: Locale): Promise<LedgerImportJob | undefined> {
    const entry = this.running.get(id);
    if (entry) return entry.ownerId === ownerId ? entry.job : undefined;
    const row = await findJob(this.db, ownerId, id);
    if (!row) return undefined;
    const job: LedgerImportJob = {
      id: row.id,
      status: row.status as LedgerImportJob['status'],
      phase: row.phase as LedgerImportJob['phase'],
      processed: row.processed,
      total: row.total,
      ...(row.result ? { result: row.result as LedgerImportResult } : {}),
      ...(row.error ? { error: row.error as NonNullable<LedgerImportJob['error']> } : {}),
    };
    if (!row.stale) return job;
    return {
      ...job,
      status: 'failed',
      error: { code: 'ledger.interrupted', message: message('import.interrupted', locale) },
    };
  }
}

/**
 * Writes a job's state at most once per `WRITE_EVERY_MS`, one write at a time, the latest state winning; `now`
 * writes at once (after any write in flight) and resolves when the row holds it. A failed progress write is
 * dropped (the next one, or the outcome, carries the state); the outcome's write is retried once.
 */
function progressWriter(write: (state: JobState) => Promise<void>) {
  let pending: JobState | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = null;
    const state = pending;
    pending = null;
    if (state) inFlight = inFlight.then(() => write(state)).catch(() => undefined);
    return inFlight;
  };
  return {
    soon(state: JobState) {
      pending = state;
      timer ??= setTimeout(() => void flush(), WRITE_EVERY_MS);
    },
    async now(state: JobState) {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      await inFlight;
      await write(state).catch(() => write(state));
    },
  };
}

/** A failure as the API reports it, without internals. */
function describe(error: unknown, locale: Locale): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: message(error.messageKey, locale, error.params) };
  return { code: 'internal', message: message('error.internal', locale) };
}
