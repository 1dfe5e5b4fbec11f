/**
 * A small city for the ranking tests: 萨尔图区 (230602) with the three sample projects of core's hand-computed
 * Yan'an test (ranking.score.test.ts), one 集中开工 event in May and one criticism (−5), and 龙凤区 (230603) with one
 * continuing project; reports January to April (cut-offs before the test date, filed on time, none with photos).
 */
import type { Kysely } from 'kysely';
import { yi, type StatProject } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { loadStatProjects } from '../../../test/stat-fixture.ts';

const months = (completedYi: string, startedOn: string) =>
  [1, 2, 3, 4].map((month) => ({
    cutoff: `2021-0${String(month)}-25`,
    // The year's completion spread evenly over the four months (exact in fen: the fixture's amounts divide by 4).
    completed: yi(completedYi) / 4n,
    startedOn: month === 1 ? startedOn : null,
  }));

const project = (
  id: number,
  regionCode: string,
  values: Pick<StatProject, 'levels' | 'category' | 'nature'> & { planYi: string; completedYi: string },
): StatProject => ({
  id,
  regionCode,
  levels: values.levels,
  category: values.category,
  industry: null,
  nature: values.nature,
  totalInvestment: yi('30'),
  annualPlan: yi(values.planYi),
  plannedNewStart: values.nature === 'new',
  completedOn: null,
  plannedCompletionDate: '2022-12-31',
  reports: months(values.completedYi, '2021-01-10'),
});

/** The fixture's projects by their role in the hand-computed test. */
export const SAMPLE = {
  // new start 5 + ≥10亿 20 + industrial 15 + 60 × 6/12 = 30 + provincial 20 = 90
  petrochemical: project(1, '230602', {
    levels: ['provincial'],
    category: 'industry',
    nature: 'new',
    planYi: '12',
    completedYi: '6',
  }),
  // continuing 2 + 1–5亿 6 + livelihood 8 + 60 × min(3.3/3, 1) = 60 = 76
  hospital: project(2, '230602', {
    levels: ['municipal'],
    category: 'social',
    nature: 'continuing',
    planYi: '3',
    completedYi: '3.3',
  }),
  // continuing 2 + <1亿 3 + basic 6 + 60 × 0.2/0.8 = 15 + in production 20 = 46
  heating: project(3, '230602', {
    levels: ['municipal'],
    category: 'infrastructure',
    nature: 'continuing',
    planYi: '0.8',
    completedYi: '0.2',
  }),
  // 龙凤区: continuing 2 + 1–5亿 6 + basic 6 + 60 × 0.5/1 = 30 = 44
  road: project(4, '230603', {
    levels: ['municipal'],
    category: 'infrastructure',
    nature: 'continuing',
    planYi: '1',
    completedYi: '0.5',
  }),
};

/** Loads the fixture; the database id of each sample project. */
export async function loadRankingFixture(db: Kysely<DB>): Promise<Record<keyof typeof SAMPLE, number>> {
  const ids = await loadStatProjects(db, Object.values(SAMPLE), 2021);
  const idOf = (p: StatProject) => ids.get(p.id) ?? -1;
  const heating = idOf(SAMPLE.heating);
  const template = await db
    .selectFrom('lifecycle_templates')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('lifecycle_transitions')
    .values({
      project_id: heating,
      template_id: template.id,
      stage_code: 'production',
      phase: 'production',
      occurred_on: '2021-05-10',
      source: 'manual',
    })
    .execute();
  await db
    .insertInto('groundbreaking_events')
    .values({ name: '五月集中开工', held_on: '2021-05-08', level: 'city', region_code: '230602' })
    .execute();
  await db
    .insertInto('ranking_adjustments')
    .values({ region_code: '230602', period: '2021-05', indicator: 'criticism', points: -5, reason: '省通报批评' })
    .execute();
  return {
    petrochemical: idOf(SAMPLE.petrochemical),
    hospital: idOf(SAMPLE.hospital),
    heating,
    road: idOf(SAMPLE.road),
  };
}
