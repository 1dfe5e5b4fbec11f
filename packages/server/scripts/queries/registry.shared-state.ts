/**
 * The query snapshots' registry for the state app instances share: the ledger's import jobs and the data version
 * (see registry.ts).
 */
import * as dataVersion from '../../src/modules/cache/data-version.repository.ts';
import * as jobs from '../../src/modules/ledger/import/import.jobs.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { IDS } from './examples.ts';

const JOB_ID = '00000000-0000-4000-8000-000000000001';

/** The registry entries of the data version's and the import jobs' repositories. */
export const SHARED_STATE_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/cache/data-version.repository.ts',
    module: dataVersion,
    examples: {
      readDataVersion: [example(dataVersion.readDataVersion)],
      readVersions: [example(dataVersion.readVersions)],
    },
  },
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
