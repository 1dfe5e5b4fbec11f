/**
 * Progress against plan: a project's S-curve with its SPI, and the SPI per child region. The formulas are core's
 * (plan.spi.ts); this reads the inputs in scope, picks the as-of date (the application's date, clipped to the year
 * asked for) and presents money as 万元.
 */
import {
  formatWan,
  sCurve,
  spiOf,
  type SCurveOutput,
  type SCurveQuery,
  type SpiQuery,
  type SpiRegionRowOutput,
  type SpiRegionsOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { regionInScope } from '../../db/scope.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { regionNamesOf } from '../stats/stats.repository.ts';
import { projectSpiInputs, spiByRegion, type SpiInputRow, type SpiGrouping } from './spi.repository.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** The year asked for (default: the application's) and the as-of date inside it: today, or the year's end or start. */
export function yearAndAsOf(today: string, year: number | undefined): { year: number; asOf: string } {
  const y = year ?? Number(today.slice(0, 4));
  const start = `${y}-01-01`;
  const end = `${y}-12-31`;
  return { year: y, asOf: today < start ? start : today > end ? end : today };
}

/** Core's S-curve input from a row as read. */
export function sCurveInputOf(row: SpiInputRow, year: number) {
  return {
    year,
    annualPlan: BigInt(row.annual_plan ?? '0'),
    planSpan: row.span_start && row.span_end ? { start: row.span_start, end: row.span_end } : null,
    monthsCounted: row.months_counted,
    monthlyEarned: row.monthly.map((m) => BigInt(m)),
  };
}

/** GET /projects/:id/s-curve: planned vs earned cumulative by month and the SPI to date (404 outside scope). */
export async function projectSCurve(
  deps: Deps,
  actor: Actor,
  projectId: number,
  query: SCurveQuery,
): Promise<SCurveOutput> {
  requirePermission(actor, 'plan.read');
  const { year, asOf } = yearAndAsOf(deps.clock.today(), query.year);
  const row = await projectSpiInputs(deps.db, { actor }, projectId, year, asOf);
  if (!row) throw errors.notFound();
  const input = sCurveInputOf(row, year);
  const curve = sCurve(input);
  return {
    projectId,
    year,
    asOf,
    annualPlan: formatWan(input.annualPlan),
    hasAnnualPlan: row.annual_plan !== null,
    planSpan: input.planSpan,
    spreadFrom: curve.spread.first,
    spreadTo: curve.spread.last,
    monthsCounted: curve.monthsCounted,
    plannedToDate: formatWan(curve.plannedToDate),
    earnedToDate: formatWan(curve.earnedToDate),
    spi: curve.spi,
    months: curve.months.map((m) => ({
      month: m.month,
      planned: formatWan(m.planned),
      plannedCumulative: formatWan(m.plannedCumulative),
      earnedCumulative: m.earnedCumulative === null ? null : formatWan(m.earnedCumulative),
    })),
  };
}

/** GET /stats/spi: SPI per child region (a province's prefectures, a city's counties) and the total, in scope. */
export async function regionSpi(deps: Deps, actor: Actor, query: SpiQuery): Promise<SpiRegionsOutput> {
  requirePermission(actor, 'plan.read');
  if (query.regionCode !== undefined && !regionInScope(actor, query.regionCode)) {
    throw errors.invalidField('regionCode', 'region.outOfScope');
  }
  const { year, asOf } = yearAndAsOf(deps.clock.today(), query.year);
  const grouping: SpiGrouping = (query.regionCode ?? actor.regionCode ?? '').endsWith('0000') ? 'prefecture' : 'region';
  const rows = await spiByRegion(deps.db, { actor, regionCode: query.regionCode }, year, asOf, grouping);
  const names = await regionNamesOf(
    deps.db,
    rows.map((r) => r.key),
  );
  const present = (code: string, name: string, r: Omit<(typeof rows)[number], 'key'>): SpiRegionRowOutput => {
    const planned = BigInt(r.planned);
    const earned = BigInt(r.earned);
    return {
      regionCode: code,
      regionName: name,
      projects: r.projects,
      withPlan: r.with_plan,
      behind: r.behind,
      plannedToDate: formatWan(planned),
      earnedToDate: formatWan(earned),
      spi: spiOf(earned, planned),
    };
  };
  const total = rows.reduce(
    (t, r) => ({
      projects: t.projects + r.projects,
      with_plan: t.with_plan + r.with_plan,
      behind: t.behind + r.behind,
      planned: String(BigInt(t.planned) + BigInt(r.planned)),
      earned: String(BigInt(t.earned) + BigInt(r.earned)),
    }),
    { projects: 0, with_plan: 0, behind: 0, planned: '0', earned: '0' },
  );
  const scopeCode = query.regionCode ?? actor.regionCode ?? '';
  const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    year,
    asOf,
    total: present(scopeCode, '', total),
    rows: sorted.map((r) => present(r.key, names[r.key] ?? r.key, r)),
  };
}
