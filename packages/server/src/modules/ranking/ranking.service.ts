/**
 * Rankings (issue #13): the schemes, a period's ranking computed from live data with its movement against the
 * previous period, the what-if recomputation (never stored), publishing (an edition frozen with the scheme version;
 * the same period and version again returns the existing edition, racing publications leave one) and republishing
 * (an explicit new edition number), the editions, and the data-quality scores beside a ranking.
 *
 * A ranking compares every district of a city, so any reader of the city sees every district's score; the projects
 * behind a score are shown only when the reader may see them (db/scope.ts), the rest are counted.
 */
import type { Kysely } from 'kysely';
import {
  RANKING_PERIOD_LABELS,
  RANKING_PRESETS,
  effectiveTimes,
  formatPoints,
  isWithinRegion,
  parentRegionCode,
  previousRankingPeriod,
  rankUnits,
  rankingPeriod,
  regionLevel,
  RankingInputError,
  type Actor,
  type RankedUnit,
  type RankingEdition,
  type RankingEditionList,
  type RankingEditionListQuery,
  type RankingPeriodRange,
  type RankingPublishResult,
  type RankingQuery,
  type RankingResult,
  type RankingScheme,
  type RankingSchemeList,
  type RankingWhatIfBody,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission } from '../auth/actor.ts';
import { projectNamesInScope } from '../stats/stats.repository.ts';
import * as editions from './ranking-edition.repository.ts';
import { loadDepartmentFacts } from './ranking-department.facts.ts';
import { loadRankingFacts, type RankingFacts } from './ranking.facts.ts';
import { freezeUnits, projectIdsOf, thawUnits, toRankingUnitItem } from './ranking.presenter.ts';
import { regionName } from './ranking.repository.ts';

/** The city a reader asks about: the one named (a prefecture around or inside the reader's region), else its own. */
export function cityOf(actor: Actor, regionCode: string | undefined): string {
  const own = actor.regionCode;
  const city = regionCode ?? (own ? (regionLevel(own) === 'county' ? parentRegionCode(own) : own) : null);
  if (!city || regionLevel(city) !== 'prefecture') throw errors.invalidField('regionCode', 'ranking.regionNotCity');
  if (own && !isWithinRegion(own, city) && !isWithinRegion(city, own))
    throw errors.invalidField('regionCode', 'region.outOfScope');
  return city;
}

const periodOf = (code: string): RankingPeriodRange => {
  const period = rankingPeriod(code);
  if (!period) throw errors.invalidField('period', 'ranking.periodInvalid');
  return period;
};

/** Core's refusal of a value (an adjustment out of the scheme's bounds …) as a 400 naming the unit and indicator. */
function ranked(scheme: RankingScheme, facts: RankingFacts, previous?: ReadonlyMap<string, number>): RankedUnit[] {
  try {
    return rankUnits(scheme, facts.units, previous);
  } catch (error) {
    if (error instanceof RankingInputError)
      throw new AppError(400, 'validation', error.key, undefined, { unit: error.unitCode, indicator: error.indicator });
    throw error;
  }
}

/** The facts of every unit of the kind the scheme ranks: the city's districts, or its departments. */
function factsOf(db: Kysely<DB>, scheme: RankingScheme, city: string, period: RankingPeriodRange, today: string) {
  return scheme.unitKind === 'department'
    ? loadDepartmentFacts(db, city, period, today)
    : loadRankingFacts(db, city, period, today);
}

/** The ranks of the period before (same scheme), for the movement; empty when it has no data. */
async function previousRanks(
  db: Kysely<DB>,
  scheme: RankingScheme,
  city: string,
  period: RankingPeriodRange,
  today: string,
) {
  const code = previousRankingPeriod(period.code);
  const before = code ? rankingPeriod(code) : null;
  if (!before) return { code: null, ranks: new Map<string, number>() };
  try {
    const facts = await factsOf(db, scheme, city, before, today);
    return { code: before.code, ranks: new Map(ranked(scheme, facts).map((unit) => [unit.unitCode, unit.rank])) };
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 400) return { code: before.code, ranks: new Map() };
    throw error;
  }
}

/** Computes a city's ranking for the period by the scheme (the preset, or the what-if's terms). */
export async function computeRanking(
  db: Kysely<DB>,
  city: string,
  scheme: RankingScheme,
  periodCode: string,
  today: string,
) {
  const period = periodOf(periodCode);
  const facts = await factsOf(db, scheme, city, period, today);
  const previous = await previousRanks(db, scheme, city, period, today);
  return { period, facts, previousPeriod: previous.code, units: ranked(scheme, facts, previous.ranks) };
}

async function visibleIds(db: Kysely<DB>, actor: Actor, units: readonly RankedUnit[]): Promise<Set<number>> {
  return new Set((await projectNamesInScope(db, actor, projectIdsOf(units))).keys());
}

function head(
  scheme: RankingScheme,
  period: RankingPeriodRange,
  previousPeriod: string | null,
  city: string,
  name: string,
) {
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    schemeVersion: scheme.version,
    unitKind: scheme.unitKind,
    periodKind: scheme.period,
    period: period.code,
    from: period.from,
    to: period.to,
    previousPeriod,
    regionCode: city,
    regionName: name,
  };
}

/** GET /rankings/schemes: the shipped schemes, each with the period containing the application's date. */
export function listSchemes(actor: Actor, today: string): RankingSchemeList {
  requirePermission(actor, 'ranking.read');
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const current = {
    month: today.slice(0, 7),
    quarter: `${year}-Q${String(Math.ceil(month / 3))}`,
    half_year: `${year}-H${month <= 6 ? '1' : '2'}`,
    year,
  } as const;
  return {
    items: Object.values(RANKING_PRESETS).map((scheme) => ({
      scheme,
      periodLabel: RANKING_PERIOD_LABELS[scheme.period][actor.locale],
      defaultPeriod: current[scheme.period],
    })),
  };
}

async function rankingAnswer(
  db: Kysely<DB>,
  actor: Actor,
  query: RankingQuery,
  scheme: RankingScheme,
  today: string,
): Promise<RankingResult> {
  const city = cityOf(actor, query.regionCode);
  const { period, previousPeriod, units } = await computeRanking(db, city, scheme, query.period, today);
  const [visible, name, published] = await Promise.all([
    visibleIds(db, actor, units),
    regionName(db, city),
    editions.latestEdition(db, {
      regionCode: city,
      schemeId: scheme.id,
      schemeVersion: scheme.version,
      period: period.code,
    }),
  ]);
  return {
    ...head(scheme, period, previousPeriod, city, name ?? city),
    whatIf: scheme !== RANKING_PRESETS[query.scheme],
    asOf: period.to < today ? period.to : today,
    publishedEditionId: published?.id ?? null,
    units: units.map((unit) => toRankingUnitItem(unit, actor.locale, visible)),
  };
}

/** GET /rankings: the period's ranking computed now. */
export async function getRanking(db: Kysely<DB>, actor: Actor, query: RankingQuery, today: string) {
  requirePermission(actor, 'ranking.read');
  return rankingAnswer(db, actor, query, RANKING_PRESETS[query.scheme], today);
}

/** POST /rankings/what-if: the ranking with the scheme's terms replaced; nothing is stored. */
export async function whatIfRanking(db: Kysely<DB>, actor: Actor, body: RankingWhatIfBody, today: string) {
  requirePermission(actor, 'ranking.read');
  const { terms, ...query } = body;
  return rankingAnswer(db, actor, query, { ...RANKING_PRESETS[body.scheme], terms }, today);
}

async function presentEdition(
  db: Kysely<DB>,
  actor: Actor,
  row: editions.EditionRow,
  today: string,
): Promise<RankingEdition> {
  const units = thawUnits(row.units);
  const scheme = row.scheme as RankingScheme;
  const period = periodOf(row.period);
  const visible = await visibleIds(db, actor, units);
  return {
    ...editionSummary(row, actor, today),
    ...head(scheme, period, previousRankingPeriod(row.period), row.region_code, row.region_name),
    asOf: row.as_of,
    units: units.map((unit) => toRankingUnitItem(unit, actor.locale, visible)),
  };
}

function editionSummary(row: editions.EditionRow, actor: Actor, today: string) {
  const scheme = row.scheme as RankingScheme;
  const period = periodOf(row.period);
  const first = thawUnits(row.units)[0];
  return {
    id: row.id,
    ...head(scheme, period, previousRankingPeriod(row.period), row.region_code, row.region_name),
    edition: row.edition,
    publishedAt: row.published_at.toISOString(),
    effectiveAt: { publishedAt: effectiveTimes(today, { publishedAt: row.published_at }).publishedAt },
    publishedBy: row.published_by,
    leader: first
      ? { unitCode: first.unitCode, unitName: first.unitName, points: formatPoints(first.hundredths) }
      : null,
  };
}

/**
 * Publishes the period's ranking as an edition. `republish` false: the existing edition of the period and scheme
 * version if any (idempotent), else edition 1 — racing calls insert one row and the others read it. `republish`
 * true: the next edition number, computed now.
 */
export async function publishRanking(
  db: Kysely<DB>,
  actor: Actor,
  body: RankingQuery,
  today: string,
  republish: boolean,
): Promise<RankingPublishResult> {
  requirePermission(actor, 'ranking.publish');
  const scheme = RANKING_PRESETS[body.scheme];
  const city = cityOf(actor, body.regionCode);
  const key = { regionCode: city, schemeId: scheme.id, schemeVersion: scheme.version, period: body.period };
  const existing = await editions.latestEdition(db, key);
  if (existing && !republish) return { created: false, edition: await presentEdition(db, actor, existing, today) };
  const { period, units } = await computeRanking(db, city, scheme, body.period, today);
  const number = (existing?.edition ?? 0) + 1;
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await editions.insertEdition(trx, {
      ...key,
      edition: number,
      scheme: JSON.stringify(scheme),
      units: freezeUnits(units),
      asOf: period.to < today ? period.to : today,
      publishedBy: actor.id,
    });
    if (inserted !== null)
      await recordAudit(trx, actor, {
        entityType: 'ranking_edition',
        entityId: inserted,
        action: 'create',
        regionCode: city,
        after: { ...key, edition: number },
      });
    return inserted;
  });
  if (id === null) {
    // Another publication of the same edition number won the race: a plain publish answers with it.
    const winner = await editions.latestEdition(db, key);
    if (!winner || republish) throw errors.conflict();
    return { created: false, edition: await presentEdition(db, actor, winner, today) };
  }
  const row = await editions.findEdition(db, id);
  if (!row) throw errors.notFound();
  return { created: true, edition: await presentEdition(db, actor, row, today) };
}

/** GET /rankings/editions: the editions of the reader's city (or the one named). */
export async function listRankingEditions(
  db: Kysely<DB>,
  actor: Actor,
  query: RankingEditionListQuery,
  today: string,
): Promise<RankingEditionList> {
  requirePermission(actor, 'ranking.read');
  const city = cityOf(actor, query.regionCode);
  const rows = await editions.listEditions(db, { regionCode: city, schemeId: query.scheme, period: query.period });
  return { items: rows.map((row) => editionSummary(row, actor, today)) };
}

/** GET /rankings/editions/:id: the frozen edition; 404 outside the reader's city. */
export async function getRankingEdition(db: Kysely<DB>, actor: Actor, id: number, today: string) {
  requirePermission(actor, 'ranking.read');
  const row = await editions.findEdition(db, id);
  if (!row) throw errors.notFound();
  const own = actor.regionCode;
  if (own && !isWithinRegion(own, row.region_code) && !isWithinRegion(row.region_code, own)) throw errors.notFound();
  return presentEdition(db, actor, row, today);
}
