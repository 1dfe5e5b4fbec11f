/**
 * `plan --project CODE [--as-of DATE] [--as USER] [--json]`: the project's current milestone plan, node by node, with
 * the baseline's, the latest plan's and the actual dates and the delay in days against the baseline and the latest
 * plan (as of --as-of, else the server's TODAY, else today in China).
 */
import { fixedClock, systemClock } from '../clock.ts';
import { getProjectPlanByCode } from '../modules/plan/plan.service.ts';
import { cliActor, option } from './cli-actor.ts';
import type { CliCommand } from './command.ts';

/** The plan commands by name, for the CLI's command table. */
export const planCommands: Record<string, CliCommand> = {
  async plan({ database, config, values, print }) {
    const code = option(values, 'project');
    if (!code) throw new Error('--project CODE is required');
    const asOf = option(values, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be YYYY-MM-DD');
    const clock = asOf ? fixedClock(asOf) : config.today ? fixedClock(config.today) : systemClock;
    const actor = await cliActor(database.db, values);
    const view = await getProjectPlanByCode({ db: database.db, clock }, actor, code);
    const plan = view.current;
    const nodes = (plan?.nodes ?? []).map((n) => ({
      key: n.key,
      name: n.name,
      status: n.status,
      baselineStart: n.baselineStart,
      baselineEnd: n.baselineEnd,
      plannedStart: n.plannedStart,
      plannedEnd: n.plannedEnd,
      actualStart: n.actualStart,
      actualEnd: n.actualEnd,
      delayVsBaselineDays: n.delayVsBaselineDays,
      delayVsPlanDays: n.delayVsPlanDays,
      overdue: n.overdue,
    }));
    const output = {
      projectCode: code,
      asOf: view.asOf,
      version: plan?.version ?? null,
      targetDate: plan?.targetDate ?? null,
      baselineVersion: view.baseline?.version ?? null,
      baselineTarget: view.baseline?.targetDate ?? null,
      reason: plan?.reason ?? null,
      draftVersion: view.draft?.version ?? null,
      nodes,
    };
    const lines = plan
      ? [
          `${code} 截至 ${view.asOf}：第 ${plan.version} 版计划，目标 ${plan.targetDate}（基线第 ${output.baselineVersion ?? '-'} 版，目标 ${output.baselineTarget ?? '-'}）`,
          ...nodes.map(
            (n) =>
              `${n.name}  基线 ${n.baselineEnd ?? '-'}  计划 ${n.plannedEnd}  实际 ${n.actualEnd ?? '-'}  ` +
              `较基线 ${n.delayVsBaselineDays ?? '-'} 天  较计划 ${n.delayVsPlanDays} 天${n.overdue ? '  逾期' : ''}`,
          ),
        ]
      : [`${code}：尚无批准的计划${view.draft ? `（草稿第 ${view.draft.version} 版待批准）` : ''}`];
    print(output, lines.join('\n'));
  },
};
