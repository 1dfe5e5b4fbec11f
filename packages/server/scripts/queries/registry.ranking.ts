/** The query snapshots' registry for the rankings (issue #13; see registry.ts). */
import * as departments from '../../src/modules/ranking/ranking-department.repository.ts';
import * as editions from '../../src/modules/ranking/ranking-edition.repository.ts';
import * as ranking from '../../src/modules/ranking/ranking.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { AS_OF, CITY, DISTRICT, IDS, YEAR } from './examples.ts';

const WINDOW = { year: YEAR, from: '2021-04-01', asOf: AS_OF, lastMonth: 4 };
const KEY = { regionCode: CITY, schemeId: 'yanan', schemeVersion: 1, period: '2021-04' };

/** The registry entries of the ranking module. */
export const RANKING_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/ranking/ranking.repository.ts',
    module: ranking,
    examples: {
      districtsOfCity: [example(ranking.districtsOfCity, CITY)],
      regionName: [example(ranking.regionName, CITY)],
      cityListProjects: { noQuery: 'a query builder the district and the department project rows compose' },
      rankingProjectRows: [example(ranking.rankingProjectRows, CITY, WINDOW)],
      rankingUnitCounts: [example(ranking.rankingUnitCounts, CITY, WINDOW)],
      reportFactRows: [example(ranking.reportFactRows, CITY, WINDOW)],
      rankingAdjustments: [example(ranking.rankingAdjustments, CITY, '2021-04')],
      adjustmentsOf: [example(ranking.adjustmentsOf, CITY, '2021-04')],
      insertAdjustment: [
        example(ranking.insertAdjustment, {
          regionCode: DISTRICT,
          period: '2021-04',
          indicator: 'criticism',
          points: '-5.00',
          reason: '上级通报批评',
          enteredBy: IDS.cityAdmin,
        }),
      ],
    },
  },
  {
    file: 'modules/ranking/ranking-department.repository.ts',
    module: departments,
    examples: {
      departmentsOfCity: [example(departments.departmentsOfCity, CITY)],
      departmentProjectRows: [example(departments.departmentProjectRows, CITY, WINDOW)],
      departmentProblemCounts: [example(departments.departmentProblemCounts, CITY, WINDOW)],
    },
  },
  {
    file: 'modules/ranking/ranking-edition.repository.ts',
    module: editions,
    examples: {
      insertEdition: [
        example(editions.insertEdition, {
          ...KEY,
          edition: 1,
          scheme: '{}',
          units: '[]',
          asOf: AS_OF,
          publishedBy: IDS.cityAdmin,
        }),
      ],
      findEdition: [example(editions.findEdition, 1)],
      latestEdition: [example(editions.latestEdition, KEY)],
      listEditions: [example(editions.listEditions, { regionCode: CITY, schemeId: 'yanan', period: '2021-04' })],
    },
  },
];
