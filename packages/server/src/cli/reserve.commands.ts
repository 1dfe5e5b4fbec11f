/**
 * `reserve --as-of DATE [--region CODE] [--as USER] [--json]`: the reserve library (储备库) as of the date in the
 * acting user's scope — the projects not yet started counted by preparation step, with the total.
 */
import { REGION_CODE_PATTERN } from '@keyprojects/core';
import { fixedClock } from '../clock.ts';
import { reserveSummary } from '../modules/reserve/reserve.service.ts';
import { cliActor, option } from './cli-actor.ts';
import type { CliCommand } from './command.ts';

/** The reserve command, for the CLI's command table. */
export const reserveCommands: Record<string, CliCommand> = {
  async reserve({ database, values, print }) {
    const asOf = option(values, 'as-of');
    if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of YYYY-MM-DD is required');
    const region = option(values, 'region');
    if (region !== undefined && !REGION_CODE_PATTERN.test(region))
      throw new Error('--region must be a six-digit GB/T 2260 code');
    const actor = await cliActor(database.db, values);
    const summary = await reserveSummary({ db: database.db, clock: fixedClock(asOf) }, actor, {
      asOf,
      regionCode: region,
    });
    const lines = [
      `截至 ${asOf}（${summary.regionCode ?? actor.username}）储备项目 ${summary.total} 个：`,
      ...summary.steps.map((s) => `  ${s.label}: ${s.count}`),
    ];
    print(summary, lines.join('\n'));
  },
};
