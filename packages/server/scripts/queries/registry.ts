/**
 * The query snapshots' registry: for every `*.repository.ts`, a call of each exported function with example
 * arguments (once per kind of actor where scope decides the SQL), or the reason it runs no query. The snapshot
 * test fails when a repository or one of its exported functions is missing here.
 */
import type { Transaction } from 'kysely';
import { projectListQuery, userListQuery } from '@keyprojects/core';
import type { DB } from '../../src/db/schema.ts';
import * as audit from '../../src/modules/audit/audit.repository.ts';
import * as session from '../../src/modules/auth/session.repository.ts';
import * as bulletin from '../../src/modules/bulletin/bulletin.repository.ts';
import * as oc4ids from '../../src/modules/oc4ids/oc4ids.repository.ts';
import * as project from '../../src/modules/project/project.repository.ts';
import * as period from '../../src/modules/report/period.repository.ts';
import * as report from '../../src/modules/report/report.repository.ts';
import * as statsSeries from '../../src/modules/stats/stats-series.repository.ts';
import * as stats from '../../src/modules/stats/stats.repository.ts';
import * as user from '../../src/modules/user/user.repository.ts';
import { example, labelled, onDatabase, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, CITY, DISTRICT, EXAMPLE_PROJECT, IDS, MONTH, SCOPES, YEAR } from './examples.ts';

type Trx = Transaction<DB>;
const options = { year: YEAR, asOf: AS_OF };
const limits = { sessionMaxHours: 12, passwordMaxAgeDays: 90 };
const oc4idsLink = { projectId: IDS.project, oc4idsId: 'oc4ids-example-1', source: 'example', details: null };
const presenter = { noQuery: 'turns rows into the API shape' };
const pure = { noQuery: 'pure helper' };
const whereClause = { noQuery: 'a WHERE condition that the list queries compose' };

const perScope = <A extends unknown[]>(
  fn: (trx: Trx, actor: (typeof ACTORS)[keyof typeof ACTORS], ...args: A) => unknown,
  ...args: A
) => SCOPES.map(({ label, actor }) => labelled(label, fn, actor, ...args));

const statScopes = SCOPES.map(({ label, actor }) => ({ label, scope: { actor } }));

export const REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/audit/audit.repository.ts',
    module: audit,
    examples: {
      recordAudit: [
        example(audit.recordAudit, ACTORS.city, {
          entityType: 'project',
          entityId: IDS.project,
          action: 'update',
          regionCode: DISTRICT,
          before: { name: '示例项目' },
          after: { name: '示例项目（二期）' },
        }),
      ],
      diffSnapshots: pure,
    },
  },
  {
    file: 'modules/auth/session.repository.ts',
    module: session,
    examples: {
      hashToken: pure,
      createSession: [
        {
          ...example(session.createSession, {
            userId: IDS.cityAdmin,
            ttlMinutes: 30,
            ip: '127.0.0.1',
            userAgent: null,
          }),
          hideParams: true, // a random token
        },
      ],
      findSession: [example(session.findSession, 'example-token', limits)],
      touchSession: [example(session.touchSession, 'example-session', 30)],
      evictOldestSessions: [example(session.evictOldestSessions, IDS.cityAdmin, 3, limits)],
      deleteOtherSessions: [example(session.deleteOtherSessions, IDS.cityAdmin, 'example-session')],
      deleteSession: [example(session.deleteSession, 'example-session')],
      purgeExpiredSessions: [example(session.purgeExpiredSessions)],
    },
  },
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
      projectDetails: perScope((trx: Trx, actor: (typeof ACTORS)['city']) =>
        project.projectDetails(trx, actor).execute(),
      ),
      toProjectOutput: presenter,
      findProject: perScope(project.findProject, IDS.project),
      findProjects: [
        example(project.findProjects, ACTORS.district, { ids: [IDS.project] }),
        labelled('by codes', project.findProjects, ACTORS.district, { codes: ['2021-230602-48-01-000001'] }),
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
      scopedProjectIds: statScopes.map(({ label, scope }) =>
        labelled(label, (trx: Trx) => stats.scopedProjectIds(trx, scope, YEAR).execute()),
      ),
      statistics: [
        ...statScopes.map(({ label, scope }) => labelled(label, stats.statistics, scope, options)),
        labelled(
          'city actor narrowed to a district, with breakdowns and map points',
          stats.statistics,
          {
            actor: ACTORS.city,
            regionCode: DISTRICT,
          },
          options,
          { dimensions: ['region', 'category'], points: true },
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
      ],
    },
  },
  {
    file: 'modules/user/user.repository.ts',
    module: user,
    examples: {
      declareActorRole: [example(user.declareActorRole, 'security_admin')],
      userSnapshot: presenter,
      listAccounts: [
        labelled('whole city', user.listAccounts, null, userListQuery.parse({})),
        labelled('one district, every filter', user.listAccounts, DISTRICT, {
          ...userListQuery.parse({ q: 'example', role: 'owner', regionCode: DISTRICT, state: 'active' }),
        }),
      ],
      lockAccount: [example(user.lockAccount, CITY, IDS.ownerUser)],
      organizationsInside: [example(user.organizationsInside, DISTRICT, '示例')],
    },
  },
];
