/** The dashboard's series: completed investment month by month against the plan line, and the map's points. */
import { sql, type Kysely } from 'kysely';
import { COUNTED_REPORT_STATES, formatWan, type StatOptions } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { visibleProjects } from '../../db/scope.ts';
import { scopedProjectIds, type StatScope } from './stats.repository.ts';

/**
 * Cumulative counted completions at each month's cut-off up to the as-of date, beside the plan line
 * (序时进度: the annual plan × months elapsed / 12).
 */
export async function monthlyCompletion(db: Kysely<DB>, scope: StatScope, options: StatOptions, annualPlan: bigint) {
  const result = await sql<{ month: number; cutoff: string; completed: bigint }>`
    select rp.month, rp.cutoff_date::text as cutoff, coalesce(sum(r.completed_this_month), 0)::bigint as completed
    from reporting_periods rp
    left join monthly_reports r on r.year = rp.year and r.month = rp.month
      and r.state in (${sql.join([...COUNTED_REPORT_STATES])})
      and r.project_id in (${scopedProjectIds(db, scope, options.year)})
    where rp.year = ${options.year} and rp.cutoff_date <= ${options.asOf}
    group by rp.month, rp.cutoff_date order by rp.month`.execute(db);
  let running = 0n;
  return result.rows.map((row) => {
    running += row.completed;
    return {
      month: row.month,
      cutoff: row.cutoff,
      completedCumulative: formatWan(running),
      planLine: formatWan((annualPlan * BigInt(row.month)) / 12n),
    };
  });
}

/** Every project of the list with coordinates, coloured by where it stands as of the date. */
export async function mapPoints(db: Kysely<DB>, scope: StatScope, options: StatOptions) {
  const rows = await db
    .selectFrom('projects')
    .where(visibleProjects(scope.actor))
    .where('projects.id', 'in', scopedProjectIds(db, scope, options.year))
    .where('projects.longitude', 'is not', null)
    .leftJoin('project_year_progress as g', (j) => j.onRef('g.project_id', '=', 'projects.id').on('g.year', '=', options.year))
    .select([
      'projects.id',
      'projects.name',
      'projects.longitude',
      'projects.latitude',
      'projects.total_investment as total',
      sql<string>`case when projects.actual_completion_date <= ${options.asOf} then 'completed'
        when g.started_on <= ${options.asOf} then 'started' else 'notStarted' end`.as('state'),
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    longitude: Number(r.longitude),
    latitude: Number(r.latitude),
    totalInvestment: formatWan(r.total),
    state: r.state as 'completed' | 'started' | 'notStarted',
  }));
}
