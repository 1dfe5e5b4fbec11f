/**
 * Funding sources with dates (issue #13 item 3). An event is entered by the project's owner, district staff or the
 * city DRC for a project they see (else 404), dated no later than the application's date; it moves the current
 * totals in the same transaction and is audited. Summaries are core's summariseFunding over the funding lines as of
 * a date, for the scope's region and each region directly under it, with the seed's sentence.
 */
import type { Kysely } from 'kysely';
import {
  FUNDING_EVENT_KINDS,
  isWithinRegion,
  summariseFunding,
  type FundingEventInput,
  type FundingHistory,
  type FundingLines,
  type FundingQuery,
  type FundingRegionSummary,
  type FundingSummary,
  type FundingSummaryOutput,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { ScopeActor } from '../../db/scope.ts';
import { checkRegionFilter } from '../event/event.service.ts';
import { countiesOf, findRegion } from '../region/region.repository.ts';
import { toCoreLine, toFundingEvent, toFundingLineItem, toFundingTotals, toKindSummary } from './funding.presenter.ts';
import * as repo from './funding.repository.ts';

export interface FundingDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/**
 * The funding secured in a scope as of a date, one summary per source kind with dated events (the bulletin's
 * 资金争取 placeholders). The caller has checked the actor's access to the statistics of that scope.
 */
export async function fundingSummariesOf(
  db: Kysely<DB>,
  actor: ScopeActor,
  asOf: string,
  regionCode: string | undefined,
): Promise<FundingSummary[]> {
  const rows = await repo.fundingLines(db, actor, { asOf, regionCode });
  return FUNDING_EVENT_KINDS.map((kind) =>
    summariseFunding(kind, rows.filter((row) => row.kind === kind).map(toCoreLine)),
  );
}

/** A project's current totals and its dated events; 404 when the project is out of sight. */
export async function fundingHistory(deps: FundingDeps, actor: Actor, projectId: number): Promise<FundingHistory> {
  requirePermission(actor, 'funding.read');
  if (!(await repo.visibleProject(deps.db, actor, projectId))) throw errors.notFound();
  const [totals, events] = await Promise.all([
    repo.fundingTotals(deps.db, projectId),
    repo.fundingEvents(deps.db, projectId),
  ]);
  return { projectId, totals: totals.map(toFundingTotals), events: events.map(toFundingEvent) };
}

/** Records one dated step of a project's funding and moves its totals; answers the history. */
export async function recordFundingEvent(
  deps: FundingDeps,
  actor: Actor,
  projectId: number,
  input: FundingEventInput,
): Promise<FundingHistory> {
  requirePermission(actor, 'funding.write');
  const today = deps.clock.today();
  if (input.occurredOn > today) throw errors.invalidField('occurredOn', 'funding.future', { today });
  await deps.db.transaction().execute(async (trx) => {
    const project = await repo.visibleProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const id = await repo.insertEvent(trx, projectId, input, actor.id);
    await recordAudit(trx, actor, {
      entityType: 'funding_event',
      entityId: id,
      action: 'create',
      regionCode: project.regionCode,
      after: { projectId, ...input, amount: input.amount.toString() },
    });
  });
  return fundingHistory(deps, actor, projectId);
}

/** The funding lines (one per project and kind) of the actor's scope as of a date. */
export async function fundingLines(deps: FundingDeps, actor: Actor, query: FundingQuery): Promise<FundingLines> {
  requirePermission(actor, 'funding.read');
  checkRegionFilter(actor, query.regionCode);
  const asOf = query.asOf ?? deps.clock.today();
  const rows = await repo.fundingLines(deps.db, actor, { ...query, asOf });
  return { asOf, items: rows.map(toFundingLineItem) };
}

/**
 * The summaries as of a date: the region asked for (else the actor's own; '' for owners and officers, whose scope is
 * their projects) first, then each county directly under a city, each with one summary per kind.
 */
export async function fundingSummary(
  deps: FundingDeps,
  actor: Actor,
  query: FundingQuery,
): Promise<FundingSummaryOutput> {
  requirePermission(actor, 'funding.read');
  checkRegionFilter(actor, query.regionCode);
  const asOf = query.asOf ?? deps.clock.today();
  const rootCode = query.regionCode ?? actor.regionCode;
  const rows = await repo.fundingLines(deps.db, actor, { asOf, regionCode: rootCode ?? undefined });
  const root = rootCode ? await findRegion(deps.db, rootCode) : undefined;
  if (rootCode && !root) throw errors.invalidField('regionCode', 'region.unknown');
  const children = root?.level === 'prefecture' ? await countiesOf(deps.db, root.code) : [];
  const kinds = query.kind ? [query.kind] : FUNDING_EVENT_KINDS;
  const summarise = (code: string, name: string): FundingRegionSummary => {
    const inRegion = code ? rows.filter((row) => isWithinRegion(row.regionCode, code)) : rows;
    return {
      regionCode: code,
      regionName: name,
      kinds: kinds.map((kind) =>
        toKindSummary(
          { ...summariseFunding(kind, inRegion.filter((row) => row.kind === kind).map(toCoreLine)), kind },
          actor.locale,
        ),
      ),
    };
  };
  return {
    asOf,
    regions: [summarise(root?.code ?? '', root?.name ?? ''), ...children.map((c) => summarise(c.code, c.name))],
  };
}
