/**
 * The query snapshots' registry for the review desk beyond its list: batch targets, filing progress, unfiled owners
 * and reminders (see registry.ts).
 */
import * as desk from '../../src/modules/report/report-desk.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, IDS, MONTH, YEAR } from './examples.ts';
import { perScope } from './registry.shared.ts';

const PERIOD = { year: YEAR, month: MONTH };
const DATES = { deadline: '2021-05-05', today: '2021-05-20' };

/** The registry entries of the review desk's repository. */
export const REVIEW_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/report/report-desk.repository.ts',
    module: desk,
    examples: {
      batchTargets: [
        ...perScope(desk.batchTargets, PERIOD, 'approved', 501),
        labelled(
          'district actor, region and text',
          desk.batchTargets,
          ACTORS.district,
          {
            ...PERIOD,
            regionCode: DISTRICT,
            q: '示例',
          },
          'submitted',
          501,
        ),
      ],
      visibleProjectNames: perScope(desk.visibleProjectNames, [IDS.project, 2]),
      filingRows: perScope(desk.filingRows, PERIOD),
      filingCounts: [
        ...perScope(desk.filingCounts, PERIOD, DATES),
        labelled(
          'district actor, one region',
          desk.filingCounts,
          ACTORS.district,
          { ...PERIOD, regionCode: DISTRICT },
          DATES,
        ),
      ],
      unfiledOwners: perScope(desk.unfiledOwners, PERIOD),
      claimReminders: [
        example(desk.claimReminders, [{ ownerOrgId: IDS.owner, projects: 1 }], {
          ...PERIOD,
          sentOn: AS_OF,
          sentBy: IDS.districtStaff,
          regionCode: DISTRICT,
        }),
      ],
    },
  },
];
