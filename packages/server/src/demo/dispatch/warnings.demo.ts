/**
 * The 大庆 demo's warnings: the city runs Yinchuan's thresholds and 让胡路区 (the district of the demo's district
 * account) Sanya's, switched through the service as the city administrator (so the switches are audited); then the
 * daily evaluation runs for two earlier dates and the demo's date, so that first raised, last confirmed and cleared
 * differ as they would after weeks of daily runs.
 */
import type { Kysely } from 'kysely';
import type { WarningEvaluation } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { evaluateWarningsAsOf } from '../../modules/warning/warning-evaluation.service.ts';
import { switchPreset } from '../../modules/warning/warning.service.ts';

/** The earlier evaluation dates replayed before the demo's own date. */
export const DEMO_WARNING_DATES = ['2021-04-20', '2021-05-10'] as const;

async function accountActor(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'organization_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    organizationId: user.organization_id,
    ip: null,
    userAgent: null,
    locale: 'zh',
  };
}

/** Seeds the demo's warning presets and evaluations up to `today`; returns each evaluation's counts. */
export async function seedWarningsDemo(db: Kysely<DB>, today: string): Promise<WarningEvaluation[]> {
  const admin = await accountActor(db, 'daqing.admin');
  const district = await accountActor(db, 'rhl.staff');
  if (!admin.regionCode || !district.regionCode) throw new Error('the demo accounts have no region');
  await switchPreset(db, admin, { regionCode: admin.regionCode, presetId: 'yinchuan' });
  await switchPreset(db, admin, { regionCode: district.regionCode, presetId: 'sanya' });
  const dates = [...DEMO_WARNING_DATES.filter((date) => date < today), today];
  const results: WarningEvaluation[] = [];
  for (const asOf of dates) results.push(await evaluateWarningsAsOf(db, asOf, { regionCode: admin.regionCode }));
  return results;
}
