/**
 * The query snapshots' registry for a project's report history and photo deletion (report-history.repository.ts;
 * see registry.ts).
 */
import * as history from '../../src/modules/report/report-history.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { IDS, YEAR } from './examples.ts';

/** The registry entry of the report history repository. */
export const REPORT_HISTORY_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/report/report-history.repository.ts',
    module: history,
    examples: {
      reportsOfYear: [example(history.reportsOfYear, IDS.project, YEAR)],
      photosOfReports: [example(history.photosOfReports, [IDS.report])],
      correctionsOfReports: [example(history.correctionsOfReports, [IDS.report])],
      findPhotoOfReport: [example(history.findPhotoOfReport, IDS.report, 1)],
      removePhoto: [example(history.removePhoto, 1)],
    },
  },
];
