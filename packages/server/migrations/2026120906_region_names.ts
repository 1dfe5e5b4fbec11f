/**
 * Region short names and English names. Officials write 杜蒙县 and 高新区, not 杜尔伯特蒙古族自治县 and
 * 大庆高新技术产业开发区, and charts, tables and tags have room for what they write; the English UI shows the
 * English name. `short_name` is the customary short form (GB/T 2260 short forms where the standard gives one,
 * else the form the city's own documents use), null where the full name is short enough; `name_en` the official
 * romanised name. Filled here for the seeded city (大庆, its province) and the open-data sandbox; regions without
 * them show the full name. Values are literal, so this migration means the same thing forever.
 */
import { sql, type Kysely } from 'kysely';

/** code, short name (null: the full name is used), English name. */
const NAMES: readonly [string, string | null, string][] = [
  ['230000', '黑龙江', 'Heilongjiang'],
  ['230600', '大庆', 'Daqing'],
  ['230602', null, 'Saertu District'],
  ['230603', null, 'Longfeng District'],
  ['230604', null, 'Ranghulu District'],
  ['230605', null, 'Honggang District'],
  ['230606', null, 'Datong District'],
  ['230621', null, 'Zhaozhou County'],
  ['230622', null, 'Zhaoyuan County'],
  ['230623', null, 'Lindian County'],
  ['230624', '杜蒙县', 'Dorbod Mongol Autonomous County'],
  ['230671', '高新区', 'Daqing High-tech Zone'],
  ['990000', '沙箱', 'Open-data sandbox'],
  ['990100', 'OC4IDS 示例', 'OC4IDS examples'],
];

/** Adds regions.short_name and regions.name_en and fills them for the seeded city and the sandbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table regions add column short_name text check (length(short_name) between 1 and 20)`.execute(db);
  await sql`alter table regions add column name_en text check (length(name_en) between 1 and 100)`.execute(db);
  for (const [code, shortName, nameEn] of NAMES) {
    await sql`update regions set short_name = ${shortName}, name_en = ${nameEn} where code = ${code}`.execute(db);
  }
}

/** Drops the two columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table regions drop column short_name, drop column name_en`.execute(db);
}
