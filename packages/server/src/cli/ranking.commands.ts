/**
 * `ranking --scheme yanan|henan|departments --period 2021-05 [--region CODE] [--as USER] [--as-of DATE] [--json]`: the
 * period's ranking computed from live data in the acting user's city — every ranked unit with its rank, score and
 * terms (indicator, value, points), the terms summing to the score. The data's date is the period's last day, or
 * the application's date (--as-of, else TODAY, else today in China) while the period runs.
 */
import { rankingQuery } from '@keyprojects/core';
import { fixedClock, systemClock } from '../clock.ts';
import { AppError, fieldMessageText } from '../errors.ts';
import { getRanking } from '../modules/ranking/ranking.service.ts';
import { cliActor, option } from './cli-actor.ts';
import type { CliCommand } from './command.ts';

/** The ranking command, for the CLI's command table. */
export const rankingCommands: Record<string, CliCommand> = {
  async ranking({ database, config, values, print }) {
    const parsed = rankingQuery.safeParse({
      scheme: option(values, 'scheme'),
      period: option(values, 'period'),
      regionCode: option(values, 'region'),
    });
    if (!parsed.success)
      throw new Error(
        `--scheme yanan|henan|departments --period (2021-05, 2021-Q1 …) [--region CODE]: ${parsed.error.message}`,
      );
    const today = option(values, 'as-of') ?? (config.today ? fixedClock(config.today) : systemClock).today();
    const actor = await cliActor(database.db, values);
    const result = await getRanking(database.db, actor, parsed.data, today).catch((error: unknown) => {
      if (error instanceof AppError && error.fields)
        throw new Error(
          Object.entries(error.fields)
            .map(([field, text]) => `${field}: ${fieldMessageText(text, actor.locale)}`)
            .join('; '),
          { cause: error },
        );
      throw error;
    });
    const units = result.units.map((unit) => ({
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      rank: unit.rank,
      score: unit.points,
      movement: unit.movement,
      terms: unit.terms.map((term) => ({ indicator: term.indicator, value: term.valueText, points: term.points })),
    }));
    const lines = [
      `${result.schemeName}（第 ${String(result.schemeVersion)} 版）${result.period} ${result.regionName}，数据截至 ${result.asOf}：`,
      ...units.map(
        (u) =>
          `  ${String(u.rank)}. ${u.unitName} ${u.score} 分` +
          (u.movement === null
            ? ''
            : u.movement > 0
              ? ` ↑${String(u.movement)}`
              : u.movement < 0
                ? ` ↓${String(-u.movement)}`
                : ' –'),
      ),
    ];
    print(
      { scheme: result.schemeId, schemeVersion: result.schemeVersion, period: result.period, asOf: result.asOf, units },
      lines.join('\n'),
    );
  },
};
