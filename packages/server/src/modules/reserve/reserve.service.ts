/**
 * The reserve library (储备库) for people: counts by preparation step as of a date in the actor's scope (a region
 * filter inside it), and the drill-down list. Step labels and order come from the templates: the default
 * template's five steps always, other templates' steps when projects stand at them, "not filled in" last.
 */
import type { Kysely } from 'kysely';
import {
  formatWan,
  isWithinRegion,
  lifecycleDefinitionSchema,
  message,
  orderReserveBuckets,
  RESERVE_NO_STEP,
  reserveStepsOf,
  type Locale,
  type ReserveProjectList,
  type ReserveProjectsQuery,
  type ReserveQuery,
  type ReserveStep,
  type ReserveSummary,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as repo from './reserve.repository.ts';

export interface ReserveDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** The steps of every template, the default's first, each code once (its first label wins). */
async function stepCatalogue(db: Kysely<DB>): Promise<{ all: ReserveStep[]; defaults: ReserveStep[] }> {
  const templates = await repo.templateDefinitions(db);
  const lists = templates.map((t) => reserveStepsOf(lifecycleDefinitionSchema.parse(t.definition)));
  const all = new Map<string, ReserveStep>();
  for (const step of lists.flat()) if (!all.has(step.code)) all.set(step.code, step);
  return { all: [...all.values()], defaults: lists[0] ?? [] };
}

const stepLabel = (steps: readonly ReserveStep[], code: string | null, locale: Locale) =>
  code === null ? message('reserve.noStep', locale) : (steps.find((s) => s.code === code)?.label[locale] ?? code);

function filterOf(deps: ReserveDeps, actor: Actor, query: ReserveQuery): repo.ReserveFilter {
  requirePermission(actor, 'lifecycle.read');
  if (query.regionCode && actor.regionCode && !isWithinRegion(query.regionCode, actor.regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
  return { asOf: query.asOf ?? deps.clock.today(), regionCode: query.regionCode };
}

/** The reserve projects counted by step, with the total. */
export async function reserveSummary(deps: ReserveDeps, actor: Actor, query: ReserveQuery): Promise<ReserveSummary> {
  const filter = filterOf(deps, actor, query);
  const counted = await repo.reserveCounts(deps.db, actor, filter);
  const catalogue = await stepCatalogue(deps.db);
  const present = new Set(counted.map((c) => c.stepCode));
  const listed = catalogue.all.filter((s) => catalogue.defaults.includes(s) || present.has(s.code));
  const { buckets, total } = orderReserveBuckets(counted, listed);
  return {
    asOf: filter.asOf,
    regionCode: filter.regionCode ?? actor.regionCode,
    total,
    steps: buckets.map((b) => ({ ...b, label: stepLabel(catalogue.all, b.stepCode, actor.locale) })),
  };
}

/** A page of the reserve projects, of one step (`none`: no step yet) or all. */
export async function reserveProjectList(
  deps: ReserveDeps,
  actor: Actor,
  query: ReserveProjectsQuery,
): Promise<ReserveProjectList> {
  const filter = filterOf(deps, actor, query);
  const step = query.step === RESERVE_NO_STEP ? null : query.step;
  const { rows, total } = await repo.reserveProjects(deps.db, actor, {
    ...filter,
    step,
    page: query.page,
    pageSize: query.pageSize,
  });
  const { all } = await stepCatalogue(deps.db);
  return {
    asOf: filter.asOf,
    items: rows.map((r) => ({
      ...r,
      stepLabel: stepLabel(all, r.stepCode, actor.locale),
      totalInvestment: formatWan(r.totalInvestment),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
