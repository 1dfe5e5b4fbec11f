/**
 * The facts loader: core's RankingUnitFacts for every district of a city in a period, from the data the product
 * already keeps — the year's list with its plans and progress (the statistics' rows and rates, so a ranking and the
 * dashboard never disagree), lifecycle transitions (into production, reserve entries), 集中开工 events, warnings,
 * problems, monthly reports (reports on time and the data-quality score of data-quality.ts), attraction leads signed
 * and the criticism entered. The facts are read as of the period's last day, or the application's date while the
 * period is running; a period that has not begun, or without projects on the year's list, is refused with the reason.
 */
import type { Kysely } from 'kysely';
import {
  districtDataQuality,
  projectDataQuality,
  withRates,
  type DataQualityFacts,
  type DataQualityScore,
  type Fen,
  type RankingIndicator,
  type RankingPeriodRange,
  type RankingUnitFacts,
  type IndicatorValue,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { statistics } from '../stats/stats.repository.ts';
import { regionReader } from '../warning/warning.repository.ts';
import * as repo from './ranking.repository.ts';

/** One project's data-quality score with the facts behind it. */
export interface ProjectQuality {
  projectId: number;
  code: string;
  name: string;
  regionCode: string;
  facts: DataQualityFacts;
  score: DataQualityScore;
}

export interface RankingFacts {
  window: repo.RankingWindow;
  districts: { code: string; name: string }[];
  units: RankingUnitFacts[];
  quality: { districts: Map<string, DataQualityScore | null>; projects: ProjectQuality[] };
}

/** The window of a period as of the application's date; refused when the period has not begun. */
export function rankingWindow(period: RankingPeriodRange, today: string): repo.RankingWindow {
  if (period.from > today) throw errors.invalidField('period', 'ranking.noData', { period: period.code });
  return {
    year: period.year,
    from: period.from,
    asOf: period.to < today ? period.to : today,
    lastMonth: period.lastMonth,
  };
}

/** A rate in percent ("77.30") as a ratio 0–1, exact enough for comparing units; null stays null. */
const ratioOfPercent = (percent: string | null): number | null => (percent === null ? null : Number(percent) / 100);
/** Fen as 亿元 with four decimals (whole 万元), a number to compare units by. */
const yiNumber = (fen: Fen): number => Number(fen / 1_000_000n) / 10_000;

/** Data-quality facts and scores of the city's projects on the year's list, in the window. */
export async function loadQuality(db: Kysely<DB>, cityCode: string, window: repo.RankingWindow) {
  const rows = await repo.reportFactRows(db, cityCode, window);
  return rows.map((row): ProjectQuality => {
    const facts: DataQualityFacts = {
      due: row.due,
      onTime: row.on_time,
      late: row.late,
      withPhotos: row.with_photos,
      monthsBehind: row.last_month === null ? null : Math.max(0, row.last_due_month - row.last_month),
      correctionsAfterLock: row.corrections,
      warningsIgnored: row.warnings_ignored,
    };
    return {
      projectId: row.id,
      code: row.code,
      name: row.name,
      regionCode: row.region_code,
      facts,
      score: projectDataQuality(facts),
    };
  });
}

/** Every district of the city with its facts for the period (see the module comment). */
export async function loadRankingFacts(
  db: Kysely<DB>,
  cityCode: string,
  period: RankingPeriodRange,
  today: string,
): Promise<RankingFacts> {
  const window = rankingWindow(period, today);
  const districts = await repo.districtsOfCity(db, cityCode);
  if (districts.length === 0) throw errors.invalidField('regionCode', 'ranking.noUnits');
  const scope = { actor: regionReader(cityCode), regionCode: cityCode };
  const [stats, projects, counts, quality, adjustments] = await Promise.all([
    statistics(db, scope, { year: window.year, asOf: window.asOf }, { dimensions: ['region'] }),
    repo.rankingProjectRows(db, cityCode, window),
    repo.rankingUnitCounts(db, cityCode, window),
    loadQuality(db, cityCode, window),
    repo.rankingAdjustments(db, cityCode, period.code),
  ]);
  if (stats.totals.projects === 0) throw errors.invalidField('period', 'ranking.noData', { period: period.code });
  const rates = new Map((stats.groups.region ?? []).map((group) => [group.key, withRates(group.totals)]));
  const qualityByDistrict = new Map(
    districts.map((d) => [
      d.code,
      districtDataQuality(quality.filter((q) => q.regionCode === d.code).map((q) => q.score)),
    ]),
  );
  const units = districts.map((district): RankingUnitFacts => {
    const mine = projects.filter((p) => p.region_code === district.code);
    const count = counts.get(district.code);
    const figures = rates.get(district.code);
    const reports = quality.filter((q) => q.regionCode === district.code);
    const due = reports.reduce((sum, q) => sum + q.facts.due, 0);
    const onTime = reports.reduce((sum, q) => sum + q.facts.onTime, 0);
    const dq = qualityByDistrict.get(district.code) ?? null;
    const values: Partial<Record<RankingIndicator, IndicatorValue>> = {
      events_organised: count?.events ?? 0,
      criticism: adjustments
        .filter((a) => a.region_code === district.code && a.indicator === 'criticism')
        .map((a) => ({ points: Number(a.points), reason: a.reason })),
      completion_rate: ratioOfPercent(figures?.completionRate ?? null),
      new_start_rate: ratioOfPercent(figures?.newStartRate ?? null),
      start_resume_rate: ratioOfPercent(figures?.startRate ?? null),
      reports_on_time: due === 0 ? null : onTime / due,
      problems_closed_on_time: count && count.problemsDue > 0 ? count.problemsClosedOnTime / count.problemsDue : null,
      warnings_outstanding: count?.warningsOutstanding ?? 0,
      projects_in_production: mine.filter((p) => p.into_production).length,
      reserve_growth: count?.reserveEntered ?? 0,
      attraction_signed: yiNumber(count?.attractionSignedFen ?? 0n),
      data_quality: dq === null ? null : dq.hundredths / 100,
    };
    return {
      unitCode: district.code,
      unitName: district.name,
      values,
      projects: mine.map((p) => {
        const plan = p.plan;
        return {
          projectId: p.id,
          name: p.name,
          values: {
            project_start: p.nature === 'new' ? 'new_started' : 'continuing',
            plan_scale: plan,
            project_category: p.category,
            plan_progress: { numerator: BigInt(p.completed), denominator: plan },
            provincial_project: p.levels.includes('provincial'),
            into_production: p.into_production,
          },
        };
      }),
    };
  });
  return { window, districts, units, quality: { districts: qualityByDistrict, projects: quality } };
}
