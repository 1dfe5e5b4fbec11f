/** Reference data read from the database: the configured lifecycle stages, the years with a plan, the database clock. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CodeItem } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The active lifecycle stages in their configured order, labelled in both languages. */
export function activeStages(db: Db): Promise<CodeItem[]> {
  return db
    .selectFrom('lifecycle_stages')
    .select(['code', 'name_zh as zh', 'name_en as en'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .execute();
}

/** The years that have at least one project on their annual plan, latest first. */
export async function planYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('annual_plans').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((row) => row.year);
}

/** The database's clock (and proof that it answers). */
export async function databaseNow(db: Db): Promise<Date> {
  const result = await sql<{ now: Date }>`select now() as now`.execute(db);
  return result.rows[0]?.now ?? new Date();
}
