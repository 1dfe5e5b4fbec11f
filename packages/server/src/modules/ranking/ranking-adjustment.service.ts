/**
 * Points entered by hand for a district in a ranking period (issue #13: Yan'an's 上级通报批评, −5 to −20): the city
 * DRC enters them within the bounds of the scheme's adjustment term, with the reason, audited; the live ranking of
 * the period counts them from then on (ranking.facts.ts), a published edition keeps what it was published with.
 */
import type { Kysely } from 'kysely';
import {
  RANKING_PRESETS,
  isWithinRegion,
  parentRegionCode,
  regionLevel,
  type Actor,
  type RankingAdjustmentBody,
  type RankingAdjustmentList,
  type RankingAdjustmentOutput,
  type RankingQuery,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission } from '../auth/actor.ts';
import { findRegion } from '../region/region.repository.ts';
import { adjustmentsOf, insertAdjustment } from './ranking.repository.ts';
import { cityOf } from './ranking.service.ts';

type AdjustmentRow = Awaited<ReturnType<typeof adjustmentsOf>>[number];

function toAdjustment(row: AdjustmentRow): RankingAdjustmentOutput {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    period: row.period,
    indicator: row.indicator,
    // NUMERIC(7,2) reads as '−5.00'; written as the scheme writes points.
    points: String(Number(row.points)),
    reason: row.reason,
    enteredAt: row.entered_at.toISOString(),
  };
}

/** Enters points for a district; 400 on `points` outside the scheme's bounds, on `regionCode` for no district. */
export async function addRankingAdjustment(
  db: Kysely<DB>,
  actor: Actor,
  body: RankingAdjustmentBody,
): Promise<RankingAdjustmentOutput> {
  requirePermission(actor, 'ranking.publish');
  const term = RANKING_PRESETS[body.scheme].terms.find((t) => t.formula.kind === 'adjustment');
  if (!term || term.formula.kind !== 'adjustment') throw errors.invalidField('scheme', 'ranking.noAdjustmentTerm');
  const { min, max } = term.formula;
  if (body.points < min || body.points > max)
    throw errors.invalidField('points', 'ranking.adjustmentBounds', { min: String(min), max: String(max) });
  const district = regionLevel(body.regionCode) === 'county' ? await findRegion(db, body.regionCode) : undefined;
  if (!district) throw errors.invalidField('regionCode', 'ranking.notDistrict');
  // The district's city must be the actor's (a city administrator enters points for its own districts only).
  cityOf(actor, parentRegionCode(body.regionCode) ?? undefined);
  if (actor.regionCode && !isWithinRegion(body.regionCode, actor.regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
  return db.transaction().execute(async (trx) => {
    const row = await insertAdjustment(trx, {
      regionCode: body.regionCode,
      period: body.period,
      indicator: term.indicator,
      points: body.points.toFixed(2),
      reason: body.reason,
      enteredBy: actor.id,
    });
    await recordAudit(trx, actor, {
      entityType: 'ranking_adjustment',
      entityId: row.id,
      action: 'create',
      regionCode: body.regionCode,
      after: { scheme: body.scheme, period: body.period, points: body.points, reason: body.reason },
    });
    return toAdjustment({ ...row, region_name: district.name });
  });
}

/** The period's adjustments for the districts of the reader's (or the named) city. */
export async function listRankingAdjustments(
  db: Kysely<DB>,
  actor: Actor,
  query: RankingQuery,
): Promise<RankingAdjustmentList> {
  requirePermission(actor, 'ranking.read');
  const city = cityOf(actor, query.regionCode);
  return { items: (await adjustmentsOf(db, city, query.period)).map(toAdjustment) };
}
