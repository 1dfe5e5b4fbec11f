/** The review desk's list: every project on the year's list the actor may see, with its report state for a month. */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { REPORT_STATES, formatWan, regionCode, regionPrefix } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';

export const reportListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  state: z.enum([...REPORT_STATES, 'not_started']).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListOutput = z.object({
  items: z.array(
    z.object({
      projectId: z.number().int(),
      projectName: z.string(),
      projectCode: z.string(),
      ownerName: z.string(),
      regionName: z.string(),
      state: z.enum([...REPORT_STATES, 'not_started']),
      completedThisMonth: z.string().nullable(),
      annualPlan: z.string(),
      submittedAt: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  /** How many projects are in each state (for the tabs of the review desk). */
  stateCounts: z.record(z.string(), z.number().int()),
});

/** A project's report state for the month ('not_started' when none was filed). */
export const reportStateExpr = sql<string>`coalesce(mr.state, 'not_started')`;

/** The desk's order: what waits for review first (submitted, returned, not started, draft), then the rest. */
export const reportDeskRank = sql<number>`(case coalesce(mr.state, 'not_started') when 'submitted' then 0
  when 'returned' then 1 when 'not_started' then 2 when 'draft' then 3 else 4 end)`;

/**
 * The list's rows before the state filter: the year's list within the actor's scope, with owner, region and the
 * month's report (alias mr) joined, narrowed by region and text. The list and its export both start here.
 */
export function reportListBase(db: Kysely<DB>, actor: Actor, query: ReportListQuery) {
  let base = scopedProjects(db, actor)
    .innerJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', query.year))
    .innerJoin('organizations as o', 'o.id', 'projects.owner_org_id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .leftJoin('monthly_reports as mr', (j) =>
      j.onRef('mr.project_id', '=', 'projects.id').on('mr.year', '=', query.year).on('mr.month', '=', query.month),
    );
  if (query.regionCode) base = base.where('projects.region_code', 'like', `${regionPrefix(query.regionCode)}%`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('projects.name', 'ilike', pattern), eb('projects.code', 'ilike', pattern)]));
  }
  return base;
}

export async function listReports(db: Kysely<DB>, actor: Actor, query: ReportListQuery) {
  requirePermission(actor, 'report.read');
  const base = reportListBase(db, actor, query);
  const stateExpr = reportStateExpr;
  const counts = await base
    .select([stateExpr.as('state'), sql<bigint>`count(*)`.as('n')])
    .groupBy(stateExpr)
    .execute();
  const filtered = query.state ? base.where(stateExpr, '=', query.state) : base;
  const rows = await filtered
    .select([
      'projects.id as projectId',
      'projects.name as projectName',
      'projects.code as projectCode',
      'o.name as ownerName',
      'r.name as regionName',
      stateExpr.as('state'),
      'mr.completed_this_month as completed',
      'ap.planned_investment as annualPlan',
      'mr.submitted_at as submittedAt',
      sql<bigint>`count(*) over ()`.as('total'),
    ])
    .orderBy(reportDeskRank)
    .orderBy('projects.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map(({ total: _total, completed, annualPlan, submittedAt, state, ...row }) => ({
      ...row,
      state: state as (typeof REPORT_STATES)[number] | 'not_started',
      completedThisMonth: completed === null ? null : formatWan(completed),
      annualPlan: formatWan(annualPlan),
      submittedAt: submittedAt?.toISOString() ?? null,
    })),
    total: Number(rows[0]?.total ?? 0n),
    stateCounts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}
