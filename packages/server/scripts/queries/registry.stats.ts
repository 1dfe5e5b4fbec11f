/**
 * The query snapshots' registry for statistics and reference data: bulletins, lifecycle stages and plan years,
 * regions, the statistics and their monthly series (see registry.ts).
 */
import * as bulletin from '../../src/modules/bulletin/bulletin.repository.ts';
import * as meta from '../../src/modules/meta/meta.repository.ts';
import * as region from '../../src/modules/region/region.repository.ts';
import * as statsMap from '../../src/modules/stats/stats-map.repository.ts';
import * as statsRollup from '../../src/modules/stats/stats-rollup.repository.ts';
import * as statsSeries from '../../src/modules/stats/stats-series.repository.ts';
import * as stats from '../../src/modules/stats/stats.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, CITY, DISTRICT, IDS, SCOPES, YEAR } from './examples.ts';
import { perScope, type Trx } from './registry.shared.ts';

const options = { year: YEAR, asOf: AS_OF };
const MONTH_END = { year: YEAR, asOf: `${YEAR}-05-31` };
const PREVIOUS_MONTH_END = { year: YEAR - 1, asOf: `${YEAR - 1}-05-31` };
const statScopes = SCOPES.map(({ label, actor }) => ({ label, scope: { actor } }));

/** The registry entries of the bulletin, meta, region and stats modules. */
export const STATS_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/bulletin/bulletin.repository.ts',
    module: bulletin,
    examples: {
      listTemplates: [example(bulletin.listTemplates)],
      findTemplate: [example(bulletin.findTemplate, 1), labelled('for update', bulletin.findTemplate, 1, true)],
      findDefaultTemplate: [example(bulletin.findDefaultTemplate)],
      updateTemplate: [
        example(bulletin.updateTemplate, 1, 1, { name: '示例模板', body: '{{year}}', updatedBy: IDS.cityAdmin }),
      ],
    },
  },
  {
    file: 'modules/meta/meta.repository.ts',
    module: meta,
    examples: {
      activeStages: [example(meta.activeStages)],
      planYears: [example(meta.planYears)],
      databaseNow: [example(meta.databaseNow)],
    },
  },
  {
    file: 'modules/region/region.repository.ts',
    module: region,
    examples: {
      regionsInScope: perScope(region.regionsInScope),
      findRegion: [example(region.findRegion, DISTRICT)],
      findRegionNames: [example(region.findRegionNames, DISTRICT)],
      regionExists: [example(region.regionExists, DISTRICT)],
      countiesOf: [example(region.countiesOf, CITY)],
      regionOfOrganization: [example(region.regionOfOrganization, IDS.owner)],
    },
  },
  {
    file: 'modules/stats/stats-rollup.repository.ts',
    module: statsRollup,
    examples: {
      rollupAnswers: { noQuery: 'a decision on the scope and date (rollup or projects path)' },
      dashboardStatistics: [
        labelled(
          'city actor as of a month end: the rollup, both years in one statement',
          statsRollup.dashboardStatistics,
          { actor: ACTORS.city },
          MONTH_END,
          PREVIOUS_MONTH_END,
          ['region', 'level'],
        ),
        labelled(
          'owner actor: the projects path',
          statsRollup.dashboardStatistics,
          { actor: ACTORS.owner },
          MONTH_END,
          PREVIOUS_MONTH_END,
          ['category'],
        ),
      ],
      totalsAsOf: [example(statsRollup.totalsAsOf, { actor: ACTORS.district }, MONTH_END)],
      statisticsOf: [
        example(statsRollup.statisticsOf, { actor: ACTORS.city, regionCode: DISTRICT }, MONTH_END, ['nature']),
      ],
    },
  },
  {
    file: 'modules/stats/stats-map.repository.ts',
    module: statsMap,
    examples: {
      mapRegionsQuery: perScope((trx: Trx, actor) => statsMap.mapRegionsQuery(trx, { actor }, YEAR).execute()),
      mapPointsQuery: { noQuery: 'the points builder mapPoints runs (one row past the limit)' },
      mapPoints: [
        labelled('the whole scope', statsMap.mapPoints, { actor: ACTORS.city }, MONTH_END, { limit: 1000 }),
        labelled('a district inside a box', statsMap.mapPoints, { actor: ACTORS.district }, options, {
          box: { minLongitude: 124.5, minLatitude: 46.2, maxLongitude: 125.5, maxLatitude: 46.9 },
          limit: 50,
        }),
      ],
    },
  },
  {
    file: 'modules/stats/stats-series.repository.ts',
    module: statsSeries,
    examples: {
      monthlySeries: [example(statsSeries.monthlySeries, options, [0n, 0n, 0n, 1_000_000n], 50_000_000n)],
    },
  },
  {
    file: 'modules/stats/stats.repository.ts',
    module: stats,
    examples: {
      fen: { noQuery: 'a NUMERIC sum turned into exact fen' },
      toTotals: { noQuery: 'an aggregate row turned into FigureTotals' },
      byKey: { noQuery: 'the order of breakdown keys (code unit, as core)' },
      scopedYearProjects: { noQuery: 'a query builder scopedProjectIds and the map compose' },
      scopedProjectIds: statScopes.map(({ label, scope }) =>
        labelled(label, (trx: Trx) => stats.scopedProjectIds(trx, scope, YEAR).execute()),
      ),
      statistics: [
        ...statScopes.map(({ label, scope }) => labelled(label, stats.statistics, scope, options)),
        labelled(
          'city actor narrowed to a district, with breakdowns and the unlocated count',
          stats.statistics,
          {
            actor: ACTORS.city,
            regionCode: DISTRICT,
          },
          options,
          { dimensions: ['region', 'category'], unlocated: true },
        ),
      ],
      totalsOf: [example(stats.totalsOf, { actor: ACTORS.city }, options)],
      totalsBy: [example(stats.totalsBy, { actor: ACTORS.city }, options, 'region')],
      projectsBehind: [
        example(stats.projectsBehind, { actor: ACTORS.city }, options, { metric: 'all', limit: 50 }),
        labelled('one group of a breakdown', stats.projectsBehind, { actor: ACTORS.district }, options, {
          metric: 'new',
          dimension: 'level',
          key: 'municipal',
          limit: 50,
        }),
        labelled('ordered by a column, a later page', stats.projectsBehind, { actor: ACTORS.city }, options, {
          metric: 'started',
          order: { sort: 'startedOn', order: 'asc' },
          limit: 20,
          offset: 40,
        }),
      ],
      regionNamesOf: [example(stats.regionNamesOf, [CITY, DISTRICT])],
      projectNamesInScope: perScope(stats.projectNamesInScope, [IDS.project]),
    },
  },
];
