/**
 * GET /rankings/data-quality (issue #13 item 2): every district's data-quality score beside the ranking (district
 * scores are the city's to compare, like the ranking), and the per-project scores of the projects the reader may
 * see only (a district sees its own projects), lowest first so the projects pulling a score down come first.
 */
import type { Kysely } from 'kysely';
import {
  districtDataQuality,
  formatPoints,
  rankingPeriod,
  type Actor,
  type DataQualityQuery,
  type DataQualityResult,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { requirePermission } from '../auth/actor.ts';
import { projectNamesInScope } from '../stats/stats.repository.ts';
import { loadQuality, rankingWindow } from './ranking.facts.ts';
import { districtsOfCity, regionName } from './ranking.repository.ts';
import { cityOf } from './ranking.service.ts';

/** The data-quality scores of the city's districts and of the reader's projects for the period. */
export async function getDataQuality(
  db: Kysely<DB>,
  actor: Actor,
  query: DataQualityQuery,
  today: string,
): Promise<DataQualityResult> {
  requirePermission(actor, 'ranking.read');
  const city = cityOf(actor, query.regionCode);
  const period = rankingPeriod(query.period);
  if (!period) throw errors.invalidField('period', 'ranking.periodInvalid');
  const window = rankingWindow(period, today);
  const [districts, projects, name] = await Promise.all([
    districtsOfCity(db, city),
    loadQuality(db, city, window),
    regionName(db, city),
  ]);
  const visible = await projectNamesInScope(
    db,
    actor,
    projects.map((p) => p.projectId),
  );
  const names = new Map(districts.map((d) => [d.code, d.name]));
  return {
    period: period.code,
    from: period.from,
    to: period.to,
    regionCode: city,
    regionName: name ?? city,
    districts: districts.map((district) => {
      const mine = projects.filter((p) => p.regionCode === district.code);
      const score = districtDataQuality(mine.map((p) => p.score));
      return {
        regionCode: district.code,
        regionName: district.name,
        projects: mine.length,
        points: score ? formatPoints(score.hundredths) : null,
        hundredths: score?.hundredths ?? null,
        terms: score?.terms ?? null,
      };
    }),
    projects: projects
      .filter((p) => visible.has(p.projectId))
      .sort((a, b) => a.score.hundredths - b.score.hundredths || a.projectId - b.projectId)
      .map((p) => ({
        projectId: p.projectId,
        code: p.code,
        name: p.name,
        regionCode: p.regionCode,
        regionName: names.get(p.regionCode) ?? p.regionCode,
        points: formatPoints(p.score.hundredths),
        hundredths: p.score.hundredths,
        terms: p.score.terms,
        facts: p.facts,
      })),
  };
}
