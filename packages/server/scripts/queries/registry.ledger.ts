/**
 * The query snapshots' registry for the ledger's import jobs (see registry.ts).
 */
import * as jobs from '../../src/modules/ledger/import/import.jobs.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { IDS } from './examples.ts';

const JOB_ID = '00000000-0000-4000-8000-000000000001';

/** The registry entries of the import jobs' repository. */
export const LEDGER_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/ledger/import/import.jobs.repository.ts',
    module: jobs,
    examples: {
      insertJob: [
        example(jobs.insertJob, {
          id: JOB_ID,
          ownerId: IDS.districtStaff,
          instance: 'host:1',
          status: 'running',
          phase: 'reading',
          processed: 0,
          total: 0,
        }),
      ],
      updateJob: [example(jobs.updateJob, JOB_ID, { status: 'running', phase: 'writing', processed: 10, total: 100 })],
      findJob: [example(jobs.findJob, IDS.districtStaff, JOB_ID)],
      pruneJobs: [example(jobs.pruneJobs)],
    },
  },
];
