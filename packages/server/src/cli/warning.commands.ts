/**
 * `warnings --as-of DATE [--region CODE] [--as USER] [--json]`: every warning active on the date in the acting
 * user's scope (projectCode, rule, ruleVersion, level, figures, raisedOn) with counts by rule and level; and
 * `evaluate-warnings --as-of DATE [--region CODE]`: the daily job once, as of that date, printing what it changed.
 */
import { REGION_CODE_PATTERN } from '@keyprojects/core';
import { evaluateWarningsAsOf } from '../modules/warning/warning-evaluation.service.ts';
import { warningsOn } from '../modules/warning/warning.service.ts';
import { cliActor, option } from './cli-actor.ts';
import type { CliCommand, CliValues } from './command.ts';

function asOfOption(values: CliValues): string {
  const asOf = values['as-of'];
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of YYYY-MM-DD is required');
  return asOf;
}

function regionOption(values: CliValues): string | undefined {
  const region = option(values, 'region');
  if (region !== undefined && !REGION_CODE_PATTERN.test(region))
    throw new Error('--region must be a six-digit GB/T 2260 code');
  return region;
}

/** The warning commands by name, for the CLI's command table. */
export const warningCommands: Record<string, CliCommand> = {
  async warnings({ database, values, print }) {
    const asOf = asOfOption(values);
    const region = regionOption(values);
    const actor = await cliActor(database.db, values);
    const { items, byRule, byLevel } = await warningsOn(database.db, actor, asOf, region);
    const warnings = items.map((w) => ({
      projectCode: w.projectCode,
      projectName: w.projectName,
      regionCode: w.regionCode,
      rule: w.rule,
      ruleVersion: w.ruleVersion,
      level: w.level,
      figures: w.figures,
      text: w.text,
      raisedOn: w.firstRaisedOn,
    }));
    const lines = [
      `截至 ${asOf}（${region ?? actor.regionCode ?? actor.username}）：预警 ${byLevel.total} 条（红色 ${byLevel.red}、黄色 ${byLevel.yellow}）`,
      ...Object.entries(byRule).map(([rule, c]) => `  ${rule}: ${c.total}（红 ${c.red}、黄 ${c.yellow}）`),
      ...warnings.map(
        (w) =>
          `${w.level === 'red' ? '红' : '黄'} ${w.projectCode ?? w.regionCode} ${w.rule}@${w.ruleVersion} ${w.raisedOn} ${w.text}`,
      ),
    ];
    print({ asOf, region: region ?? actor.regionCode, warnings, byRule, byLevel }, lines.join('\n'));
  },

  async 'evaluate-warnings'({ database, values, print }) {
    const asOf = asOfOption(values);
    const result = await evaluateWarningsAsOf(database.db, asOf, { regionCode: regionOption(values) });
    print(
      result,
      `${asOf} 预警评估：项目 ${result.projects} 个，新增 ${result.raised}、持续 ${result.confirmed}、解除 ${result.cleared}，当前 ${result.active} 条`,
    );
  },
};
