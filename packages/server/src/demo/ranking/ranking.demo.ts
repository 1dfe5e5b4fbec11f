/**
 * The rankings' demo (issue #13 item 7): 大庆 publishes its May 2021 赛马 ranking (Yan'an's scheme, period 2021-05)
 * and its first-quarter 四比四看 (Henan's, 2021-Q1), through the ranking service as the city administrator would,
 * after one criticism from above is entered for May (so the explanation shows a penalty term), and its May 2021
 * department ranking (部门赛马). Seeded after the dispatch loop, whose warnings and problems the rankings read.
 */
import { sql, type Kysely } from 'kysely';
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

/**
 * Names the department leading each of the demo's projects that names none, as an office ledger's 责任单位 column
 * would: industry with the industry bureau, infrastructure shared by housing, transport and water, the rest by
 * natural resources and housing (spread by id, so every department leads some and the ranking is not flat).
 */
async function nameLeadDepartments(db: Kysely<DB>): Promise<void> {
  await sql`
    update projects set responsible_unit = case category
      when 'industry' then '大庆市工业和信息化局'
      when 'infrastructure' then (array['大庆市住房和城乡建设局', '大庆市交通运输局', '大庆市水务局'])[id % 3 + 1]
      else (array['大庆市自然资源局', '大庆市住房和城乡建设局'])[id % 2 + 1] end
    where responsible_unit is null and region_code like '2306%'`.execute(db);
}

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
  await nameLeadDepartments(db);
  const editions: RankingDemoResult['editions'] = [];
  for (const [scheme, period] of [
    ['yanan', '2021-05'],
    ['henan', '2021-Q1'],
    ['departments', '2021-05'],
  ] as const) {
    const { edition } = await publishRanking(db, admin, { scheme, period }, asOf, false);
    editions.push({ id: edition.id, scheme, period });
  }
  return { editions };
}
