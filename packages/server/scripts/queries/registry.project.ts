/**
 * The query snapshots' registry for projects and their reports: projects, organisations, OC4IDS, reporting
 * periods, monthly reports and the review desk's list (see registry.ts).
 */
import { organizationListQuery, projectListQuery, reportListQuery } from '@keyprojects/core';
import * as oc4ids from '../../src/modules/oc4ids/oc4ids.repository.ts';
import * as organization from '../../src/modules/organization/organization.repository.ts';
import * as project from '../../src/modules/project/project.repository.ts';
import * as period from '../../src/modules/report/period.repository.ts';
import * as reportList from '../../src/modules/report/report-list.repository.ts';
import * as report from '../../src/modules/report/report.repository.ts';
import { example, labelled, onDatabase, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, EXAMPLE_PROJECT, IDS, MONTH, YEAR } from './examples.ts';
import { perScope, pure, whereClause, type ExampleActor, type Trx } from './registry.shared.ts';

const oc4idsLink = { projectId: IDS.project, oc4idsId: 'oc4ids-example-1', source: 'example', details: null };

/** The registry entries of the oc4ids, organization, project and report modules. */
export const PROJECT_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/oc4ids/oc4ids.repository.ts',
    module: oc4ids,
    examples: {
      lockImports: [example(oc4ids.lockImports)],
      findExportProjects: perScope(oc4ids.findExportProjects, [IDS.project]),
      findDrcOffices: [example(oc4ids.findDrcOffices)],
      findExternalIds: [example(oc4ids.findExternalIds, [IDS.project])],
      findProjectIdByOc4idsId: [example(oc4ids.findProjectIdByOc4idsId, 'oc4ids-example-1')],
      insertOc4idsLink: [example(oc4ids.insertOc4idsLink, oc4idsLink)],
      updateOc4idsLink: [example(oc4ids.updateOc4idsLink, oc4idsLink)],
      replaceOtherIdentifiers: [
        example(oc4ids.replaceOtherIdentifiers, IDS.project, [{ scheme: 'CN-NDRC', id: 'example' }], 'example'),
      ],
      findOwnerByName: [example(oc4ids.findOwnerByName, '示例项目单位', DISTRICT)],
    },
  },
  {
    file: 'modules/organization/organization.repository.ts',
    module: organization,
    examples: {
      searchOrganizations: [
        ...perScope(organization.searchOrganizations, organizationListQuery.parse({})),
        labelled(
          'district actor, every filter',
          organization.searchOrganizations,
          ACTORS.district,
          organizationListQuery.parse({ kind: 'owner', q: '示例' }),
        ),
      ],
      creditCodeTaken: [example(organization.creditCodeTaken, '91230600MA1234567X')],
      insertOrganization: [
        example(organization.insertOrganization, {
          kind: 'owner',
          name: '示例建设单位',
          creditCode: '91230600MA1234567X',
          regionCode: DISTRICT,
        }),
      ],
    },
  },
  {
    file: 'modules/project/project.repository.ts',
    module: project,
    examples: {
      latestPlanYear: [example(project.latestPlanYear)],
      projectListFilters: whereClause,
      listProjects: [
        ...perScope(project.listProjects, projectListQuery.parse({})),
        labelled(
          'district actor, every filter',
          project.listProjects,
          ACTORS.district,
          projectListQuery.parse({
            q: '示例',
            regionCode: DISTRICT,
            level: 'municipal',
            category: 'industry',
            nature: 'new',
            industry: 'C',
            stage: 'construction',
            tag: '示例',
            minInvestment: '1',
            maxInvestment: '100000',
            planYear: String(YEAR),
            sort: 'totalInvestment',
            order: 'asc',
          }),
        ),
      ],
      projectDetails: perScope((trx: Trx, actor: ExampleActor) => project.projectDetails(trx, actor).execute()),
      findProject: perScope(project.findProject, IDS.project),
      findProjects: [
        example(project.findProjects, ACTORS.district, { ids: [IDS.project] }),
        labelled('by codes', project.findProjects, ACTORS.district, { codes: ['2021-230602-48-01-000001'] }),
        labelled('by names', project.findProjects, ACTORS.district, { names: ['示例项目'] }),
      ],
      lockProject: perScope(project.lockProject, IDS.project),
      insertProject: [
        example(project.insertProject, { ...EXAMPLE_PROJECT, code: '2021-230602-48-01-000002', stage: 'construction' }),
      ],
      updateProject: [example(project.updateProject, ACTORS.district, IDS.project, 1, { name: '示例项目（二期）' })],
      replaceFundingSources: [
        example(project.replaceFundingSources, IDS.project, [
          { kind: 'government', applied: 1n, approved: 1n, issued: 0n },
        ]),
      ],
      replaceAnnualPlans: [
        example(project.replaceAnnualPlans, IDS.project, [
          { year: YEAR, plannedInvestment: 50_000_000n, nature: 'new', plannedNewStart: true },
        ]),
      ],
      stageExists: [example(project.stageExists, 'construction')],
    },
  },
  {
    file: 'modules/report/period.repository.ts',
    module: period,
    examples: {
      monthEnd: pure,
      monthStart: pure,
      defaultDeadline: pure,
      findPeriod: [example(period.findPeriod, YEAR, MONTH)],
      sharePeriod: [example(period.sharePeriod, YEAR, MONTH)],
      ensurePeriod: [example(period.ensurePeriod, YEAR, MONTH + 1, 5)],
      upsertPeriod: [example(period.upsertPeriod, YEAR, MONTH, AS_OF, '2021-05-05')],
      listPeriods: [example(period.listPeriods, YEAR)],
      lockDuePeriods: [onDatabase(period.lockDuePeriods, '2021-05-20')],
    },
  },
  {
    file: 'modules/report/report-list.repository.ts',
    module: reportList,
    examples: {
      reportListBase: {
        noQuery: 'the base query that reportStateCounts, reportListPage and the ledger export complete',
      },
      reportStateCounts: perScope(reportList.reportStateCounts, reportListQuery.parse({ year: YEAR, month: MONTH })),
      reportListPage: [
        ...perScope(reportList.reportListPage, reportListQuery.parse({ year: YEAR, month: MONTH })),
        labelled(
          'district actor, every filter',
          reportList.reportListPage,
          ACTORS.district,
          reportListQuery.parse({
            year: YEAR,
            month: MONTH,
            state: 'submitted',
            regionCode: DISTRICT,
            q: '示例',
            page: 2,
            pageSize: 50,
          }),
        ),
      ],
    },
  },
  {
    file: 'modules/report/report.repository.ts',
    module: report,
    examples: {
      findReport: [example(report.findReport, IDS.project, YEAR, MONTH)],
      updateReportIf: [
        example(report.updateReportIf, { id: IDS.report, state: 'approved', version: 1 }, { state: 'confirmed' }),
      ],
      insertReportIfAbsent: [
        example(report.insertReportIfAbsent, {
          project_id: IDS.project,
          year: YEAR,
          month: MONTH,
          state: 'draft',
          completed_this_month: 0n,
        }),
      ],
      monthlyAmounts: [example(report.monthlyAmounts, IDS.project, YEAR)],
      completedTotals: [example(report.completedTotals, IDS.project, YEAR, MONTH)],
      refreshYearProgress: [example(report.refreshYearProgress, IDS.project, YEAR)],
      photosOf: [example(report.photosOf, IDS.report)],
      correctionsOf: [example(report.correctionsOf, IDS.report)],
      rebuildYearProgress: [example(report.rebuildYearProgress, YEAR)],
      annualPlanOf: [example(report.annualPlanOf, IDS.project, YEAR)],
      insertCorrection: [
        example(report.insertCorrection, {
          reportId: IDS.report,
          userId: IDS.cityAdmin,
          reason: '更正示例',
          before: { completedThisMonth: '100.0000' },
          after: { completedThisMonth: '120.0000' },
        }),
      ],
      insertPhoto: [
        example(report.insertPhoto, {
          reportId: IDS.report,
          fileName: 'site.jpg',
          mimeType: 'image/jpeg',
          data: Buffer.from('jpeg'),
          createdBy: IDS.ownerUser,
        }),
      ],
      findVisiblePhoto: perScope(report.findVisiblePhoto, 1),
    },
  },
];
