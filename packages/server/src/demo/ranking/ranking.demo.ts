/**
 * The rankings' demo (issue #13 item 7): 大庆 publishes its May 2021 赛马 ranking (Yan'an's scheme, period 2021-05)
 * and its first-quarter 四比四看 (Henan's, 2021-Q1), through the ranking service as the city administrator would,
 * after one criticism from above is entered for May (so the explanation shows a penalty term). Seeded after the
 * dispatch loop, whose warnings and problems the rankings read.
 */
import type { Kysely } from 'kysely';
import { cliActor } from '../../cli/cli-actor.ts';
import type { DB } from '../../db/schema.ts';
import { publishRanking } from '../../modules/ranking/ranking.service.ts';

/** 大同区 was criticised in the province's May notice (a demo fact): −5 on Yan'an's criticism term. */
const CRITICISM = {
  region_code: '230606',
  period: '2021-05',
  indicator: 'criticism',
  points: -5,
  reason: '省重点项目推进通报批评',
};

export interface RankingDemoResult {
  editions: { id: number; scheme: string; period: string }[];
}

/** Publishes the demo's two rankings as of the demo's date. */
export async function seedRankingDemo(db: Kysely<DB>, asOf: string): Promise<RankingDemoResult> {
  const admin = await cliActor(db, { as: 'daqing.admin' });
  await db
    .insertInto('ranking_adjustments')
    .values({ ...CRITICISM, entered_by: admin.id })
    .execute();
  const editions: RankingDemoResult['editions'] = [];
  for (const [scheme, period] of [
    ['yanan', '2021-05'],
    ['henan', '2021-Q1'],
  ] as const) {
    const { edition } = await publishRanking(db, admin, { scheme, period }, asOf, false);
    editions.push({ id: edition.id, scheme, period });
  }
  return { editions };
}
