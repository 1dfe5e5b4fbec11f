/**
 * Warnings about a district as a whole: Sanya's "a district that misses its monthly target → yellow, two months
 * running → red". Evaluated per district on district figures (the city's monthly targets and the district's
 * completed investment per month), not per project.
 */
import { isMonthEnd, monthIndex, periodOfMonthIndex } from './iso-date.ts';
import type { Fen } from './money.ts';
import type { DistrictTargetConfig, DistrictWarning } from './warning.contract.ts';
import { chinesePeriod, warningLevelOf, wanText, wholeMeasure } from './warning.measure.ts';

/** A district's monthly investment targets and what it completed, by month (`YYYY-MM`). */
export interface DistrictTargetSnapshot {
  regionCode: string;
  months: readonly { period: string; target: Fen; completed: Fen }[];
}

/**
 * 县区月度目标未完成 (Sanya): consecutive ended months, back from the latest, in which the district completed less
 * than its target; a month without a target ends the run. Needs district figures (sums of its projects' monthly
 * amounts and the targets the city set), so it is evaluated per district, not per project.
 */
export function evaluateDistrictTarget(
  district: DistrictTargetSnapshot,
  config: DistrictTargetConfig,
  presetId: string,
  asOf: string,
): DistrictWarning | null {
  const byPeriod = new Map(district.months.map((month) => [month.period, month]));
  const lastEnded = monthIndex(asOf) - (isMonthEnd(asOf) ? 0 : 1);
  let run = 0;
  for (let index = lastEnded; ; index -= 1) {
    const month = byPeriod.get(periodOfMonthIndex(index));
    if (!month || month.completed >= month.target) break;
    run += 1;
  }
  const latest = byPeriod.get(periodOfMonthIndex(lastEnded));
  const level = warningLevelOf(config, wholeMeasure(run));
  if (!level || !latest) return null;
  return {
    regionCode: district.regionCode,
    rule: 'district_target_missed',
    presetId,
    version: config.version,
    level,
    figures: {
      monthsMissed: run,
      period: latest.period,
      target: wanText(latest.target),
      completed: wanText(latest.completed),
    },
    text: `连续${run}个月未完成月度投资目标（${chinesePeriod(latest.period)}完成 ${wanText(latest.completed)}万元，目标 ${wanText(latest.target)}万元）`,
  };
}
