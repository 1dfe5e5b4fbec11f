/** The dashboard's monthly series: cumulative completions at each month's cut-off against the plan line. */
import type { Kysely } from 'kysely';
import { formatWan, type StatOptions } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

/**
 * Cumulative counted completions at each period's cut-off up to the as-of date, beside the plan line
 * (序时进度: the annual plan × months elapsed / 12). `monthly` holds the scope's completions of months 1–12.
 */
export async function monthlySeries(db: Kysely<DB>, options: StatOptions, monthly: bigint[], annualPlan: bigint) {
  const periods = await db
    .selectFrom('reporting_periods')
    .select(['month', 'cutoff_date'])
    .where('year', '=', options.year)
    .where('cutoff_date', '<=', options.asOf)
    .orderBy('month')
    .execute();
  let running = 0n;
  let previousMonth = 0;
  return periods.map((period) => {
    for (let m = previousMonth + 1; m <= period.month; m += 1) running += monthly[m - 1] ?? 0n;
    previousMonth = period.month;
    return {
      month: period.month,
      cutoff: period.cutoff_date,
      completedCumulative: formatWan(running),
      planLine: formatWan((annualPlan * BigInt(period.month)) / 12n),
    };
  });
}
