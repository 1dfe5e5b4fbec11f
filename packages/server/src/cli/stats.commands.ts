/**
 * `stats --as-of YYYY-MM-DD [--region CODE] [--as USER] [--json]`: the headline figures and their year-on-year
 * differences, money as decimal strings in 万元 and rates as percentages, computed by the same service as the API.
 * Acts as a real user (--as, else the first active city administrator): that user's permission and scope apply,
 * and --region narrows inside the scope (a region outside it is refused).
 */
import { REGION_CODE_PATTERN, isWithinRegion } from '@keyprojects/core';
import { headlineFigures } from '../modules/stats/stats.service.ts';
import { cliActor } from './cli-actor.ts';
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

/** The stats command by name, for the CLI's command table. */
export const statsCommands: Record<string, CliCommand> = {
  async stats({ database, values, print }) {
    const asOf = values['as-of'];
    if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new Error('--as-of YYYY-MM-DD is required');
    const requested = values.region;
    if (requested !== undefined && (typeof requested !== 'string' || !REGION_CODE_PATTERN.test(requested))) {
      throw new Error('--region must be a six-digit GB/T 2260 code');
    }
    const actor = await cliActor(database.db, values);
    // Narrowing, never widening: the region must lie inside the acting user's own.
    if (requested !== undefined && actor.regionCode !== null && !isWithinRegion(requested, actor.regionCode)) {
      throw new Error(`--region ${requested} is outside the region of ${actor.username} (${actor.regionCode})`);
    }
    const region = requested ?? actor.regionCode;
    const result = await headlineFigures(database.db, actor, { asOf, regionCode: requested });
    const figures = result.figures;
    const output = { asOf, region, user: actor.username, ...pick(figures), yearOnYear: pick(result.yearOnYear) };
    print(
      output,
      [
        `截至 ${asOf}（${region ?? actor.username}）：重点项目 ${figures.projects} 个（新建 ${figures.newProjects}、续建 ${figures.continuingProjects}、储备 ${figures.reserveProjects}）`,
        `总投资 ${figures.totalInvestment} 万元，年度计划 ${figures.annualPlan} 万元`,
        `开复工 ${figures.startedOrResumed} 个（新建 ${figures.startedNew}、续建 ${figures.resumedContinuing}），开复工率 ${figures.startRate ?? '—'}%`,
        `完成投资 ${figures.completedYtd} 万元，投资完成率 ${figures.completionRate ?? '—'}%`,
      ].join('\n'),
    );
  },
};
