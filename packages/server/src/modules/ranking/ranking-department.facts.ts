/**
 * The facts of a department ranking (部门赛马): core's RankingUnitFacts for every responsible unit of the city in a
 * period. A unit is judged on what it answers for (DOMAIN.md): the problems assigned to it that fell due in the
 * period and were resolved by their due date; the projects it leads (its name as the project's 责任单位) — the
 * share started by the data's date and their completions against the annual plan; those projects' monthly reports
 * filed on time; and the warnings outstanding on them. A unit with no projects and no problems due has no values
 * (its terms score 0 and say so). The window is the district ranking's (ranking.facts.ts).
 */
import type { Kysely } from 'kysely';
import type { IndicatorValue, RankingIndicator, RankingPeriodRange, RankingUnitFacts } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { departmentProblemCounts, departmentProjectRows, departmentsOfCity } from './ranking-department.repository.ts';
import { loadQuality, rankingWindow, type RankingFacts } from './ranking.facts.ts';

/** numerator / denominator as a ratio 0–1 for comparing units; null when there is nothing to divide by. */
const share = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/** Every responsible unit of the city with its facts for the period (see the module comment). */
export async function loadDepartmentFacts(
  db: Kysely<DB>,
  cityCode: string,
  period: RankingPeriodRange,
  today: string,
): Promise<RankingFacts> {
  const window = rankingWindow(period, today);
  const departments = await departmentsOfCity(db, cityCode);
  if (departments.length === 0) throw errors.invalidField('regionCode', 'ranking.noDepartments');
  const [projects, problems, quality] = await Promise.all([
    departmentProjectRows(db, cityCode, window),
    departmentProblemCounts(db, cityCode, window),
    loadQuality(db, cityCode, window),
  ]);
  if (projects.length === 0 && problems.size === 0)
    throw errors.invalidField('period', 'ranking.noData', { period: period.code });
  const reportsOf = new Map(quality.map((q) => [q.projectId, q.facts]));
  const units = departments.map((unit): RankingUnitFacts => {
    const led = projects.filter((p) => p.unit_name === unit.name);
    const plan = led.reduce((sum, p) => sum + p.plan, 0n);
    const completed = led.reduce((sum, p) => sum + BigInt(p.completed), 0n);
    const reports = led.map((p) => reportsOf.get(p.id)).filter((facts) => facts !== undefined);
    const due = reports.reduce((sum, r) => sum + r.due, 0);
    const onTime = reports.reduce((sum, r) => sum + r.onTime, 0);
    const assigned = problems.get(unit.id);
    const values: Partial<Record<RankingIndicator, IndicatorValue>> = {
      problems_closed_on_time: assigned ? share(assigned.onTime, assigned.due) : null,
      start_resume_rate: share(led.filter((p) => p.started).length, led.length),
      // Fen to a ratio: both sums are far below 2^53 hundredths of a yuan for one unit's projects.
      completion_rate: plan === 0n ? null : Number((completed * 1_000_000n) / plan) / 1_000_000,
      reports_on_time: share(onTime, due),
      warnings_outstanding: led.length === 0 ? null : led.reduce((sum, p) => sum + p.warnings, 0),
    };
    return { unitCode: String(unit.id), unitName: unit.name, values, projects: [] };
  });
  const names = departments.map((d) => ({ code: String(d.id), name: d.name }));
  return { window, districts: names, units, quality: { districts: new Map(), projects: quality } };
}
