/**
 * Imports run as jobs: the commit of a long ledger continues after the request returns 202 with the job's
 * id, and the web polls its progress (rows processed / total). Jobs live in this process's memory, are
 * visible only to whoever started them, and are forgotten an hour after they finish. The import itself is
 * one transaction, so a job cut short by a restart leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { message, type Locale, type LedgerImportJob, type LedgerImportResult } from '@keyprojects/core';
import { AppError } from '../../../errors.ts';
import type { ImportProgress } from './import.pipeline.ts';

const KEEP_FINISHED_MS = 60 * 60 * 1000;
const MAX_JOBS = 200;

interface Entry {
  ownerId: number;
  job: LedgerImportJob;
  finishedAt: number | null;
}

/** The job store of one app instance. */
export class ImportJobs {
  private readonly jobs = new Map<string, Entry>();

  /** Starts `run` in the background and returns the job as it stands. */
  start(
    ownerId: number,
    locale: Locale,
    run: (progress: (progress: ImportProgress) => void) => Promise<LedgerImportResult>,
  ): LedgerImportJob {
    this.prune();
    const entry: Entry = {
      ownerId,
      job: { id: randomUUID(), status: 'running', phase: 'reading', processed: 0, total: 0 },
      finishedAt: null,
    };
    this.jobs.set(entry.job.id, entry);
    const onProgress = ({ phase, processed, total }: ImportProgress) => {
      entry.job = { ...entry.job, phase, processed, total };
    };
    void run(onProgress).then(
      (result) => {
        entry.job = { ...entry.job, status: 'succeeded', phase: 'done', result };
        entry.finishedAt = Date.now();
      },
      (error: unknown) => {
        entry.job = { ...entry.job, status: 'failed', error: describe(error, locale) };
        entry.finishedAt = Date.now();
      },
    );
    return entry.job;
  }

  /** The job if it exists and belongs to the user. */
  get(ownerId: number, id: string): LedgerImportJob | undefined {
    const entry = this.jobs.get(id);
    return entry && entry.ownerId === ownerId ? entry.job : undefined;
  }

  private prune() {
    const now = Date.now();
    for (const [id, entry] of this.jobs) {
      if (entry.finishedAt !== null && now - entry.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
    // Past the cap, the oldest finished jobs go first; running ones are never dropped.
    for (const [id, entry] of this.jobs) {
      if (this.jobs.size < MAX_JOBS) break;
      if (entry.finishedAt !== null) this.jobs.delete(id);
    }
  }
}

/** A failure as the API reports it, without internals. */
function describe(error: unknown, locale: Locale): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: message(error.messageKey, locale, error.params) };
  return { code: 'internal', message: message('error.internal', locale) };
}
