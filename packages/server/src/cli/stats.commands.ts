/**
 * `stats --as-of YYYY-MM-DD [--region CODE] [--json]`: the headline figures and their year-on-year differences,
 * money as decimal strings in 万元 and rates as percentages, computed by the same SQL path as the API.
 */
import { REGION_CODE_PATTERN } from '@keyprojects/core';
import { headline, figuresJson, diffJson } from '../modules/stats/stats.service.ts';
import type { CliCommand } from './command.ts';

const KEYS = [
  'projects',
  'newProjects',
  'continuingProjects',
  'reserveProjects',
  'totalInvestment',
  'annualPlan',
  'startedOrResumed',
  'startedNew',
  'resumedContinuing',
  'startRate',
  'completedYtd',
  'completionRate',
] as const;

function pick(source: Record<(typeof KEYS)[number], unknown>) {
  return Object.fromEntries(KEYS.map((key) => [key, source[key]]));
}

export const statsCommands: Record<string, CliCommand> = {
  async stats({ database, values, print }) {
    const asOf = values['as-of'];
    if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new Error('--as-of YYYY-MM-DD is required');
    let region = values.region;
    if (region !== undefined && (typeof region !== 'string' || !REGION_CODE_PATTERN.test(region))) {
      throw new Error('--region must be a six-digit GB/T 2260 code');
    }
    // The operator acts for the deployment's city unless a region is named.
    if (region === undefined) {
      const admin = await database.db
        .selectFrom('users')
        .select('region_code')
        .where('role', '=', 'city_admin')
        .orderBy('id')
        .executeTakeFirst();
      region = admin?.region_code ?? undefined;
      if (!region) throw new Error('no city administrator to take the region from; pass --region');
    }
    const actor = { id: 0, role: 'city_admin' as const, regionCode: region, organizationId: null };
    const result = await headline(database.db, { actor }, asOf);
    const figures = figuresJson(result.current);
    const output = { asOf, region, ...pick(figures), yearOnYear: pick(diffJson(result.diff)) };
    print(
      output,
      [
        `截至 ${asOf}（${region}）：重点项目 ${figures.projects} 个（新建 ${figures.newProjects}、续建 ${figures.continuingProjects}、储备 ${figures.reserveProjects}）`,
        `总投资 ${figures.totalInvestment} 万元，年度计划 ${figures.annualPlan} 万元`,
        `开复工 ${figures.startedOrResumed} 个（新建 ${figures.startedNew}、续建 ${figures.resumedContinuing}），开复工率 ${figures.startRate ?? '—'}%`,
        `完成投资 ${figures.completedYtd} 万元，投资完成率 ${figures.completionRate ?? '—'}%`,
      ].join('\n'),
    );
  },
};
