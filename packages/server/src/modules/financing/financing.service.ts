/**
 * The financing-needs list (融资需求清单, issue #13 item 4). Owners and DRC offices declare needs for projects they
 * see; the city DRC publishes the application date's two-month edition (financingEditionOf), freezing the open
 * needs; publishing it again changes nothing. Financial institutions read published editions only and register
 * interest; matches move by core's matchMoveAllowed with a conditional update; needs met is core's needsMet.
 */
import type { Kysely } from 'kysely';
import {
  can,
  financingEditionOf,
  matchMoveAllowed,
  MATCH_STATE_LABELS,
  needsMet,
  formatWan,
  type FinancingEditionDetail,
  type FinancingEditionList,
  type FinancingInterestInput,
  type FinancingMatch,
  type FinancingMatchList,
  type FinancingMatchMove,
  type FinancingNeed,
  type FinancingNeedInput,
  type FinancingNeedList,
  type FinancingPublishOutput,
  type FinancingSummaryOutput,
  type FinancingSummaryQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { visibleProject } from '../funding/funding.repository.ts';
import { toEditionItem, toFinancingEdition, toFinancingMatch, toFinancingNeed } from './financing.presenter.ts';
import * as repo from './financing.repository.ts';

export interface FinancingDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** Declares a need for a project the actor sees (else 404), dated the application's date. */
export async function declareNeed(
  deps: FinancingDeps,
  actor: Actor,
  input: FinancingNeedInput,
): Promise<FinancingNeed> {
  requirePermission(actor, 'financing.declare');
  const id = await deps.db.transaction().execute(async (trx) => {
    const project = await visibleProject(trx, actor, input.projectId);
    if (!project) throw errors.notFound();
    const created = await repo.insertNeed(trx, input, deps.clock.today(), actor.id);
    await recordAudit(trx, actor, {
      entityType: 'financing_need',
      entityId: created,
      action: 'create',
      regionCode: project.regionCode,
      after: { ...input, amount: input.amount.toString() },
    });
    return created;
  });
  const [row] = await repo.listNeeds(deps.db, actor, { id });
  if (!row) throw errors.notFound();
  return toFinancingNeed(row);
}

/** The needs of the projects the actor sees: the DRC offices and leaders read them, declarers their own. */
export async function listNeeds(deps: FinancingDeps, actor: Actor): Promise<FinancingNeedList> {
  if (!can(actor.role, 'financing.read')) requirePermission(actor, 'financing.declare');
  const rows = await repo.listNeeds(deps.db, actor);
  return { items: rows.map(toFinancingNeed) };
}

/** Publishes the edition of the application's date; the same edition again answers it unchanged (created false). */
export async function publishEdition(deps: FinancingDeps, actor: Actor): Promise<FinancingPublishOutput> {
  requirePermission(actor, 'financing.publish');
  const today = deps.clock.today();
  const edition = financingEditionOf(today);
  const created = await deps.db.transaction().execute(async (trx) => {
    const id = await repo.insertEdition(trx, edition, today, actor.id);
    if (id === undefined) return false;
    await repo.freezeNeeds(trx, actor, id, today);
    await recordAudit(trx, actor, {
      entityType: 'financing_edition',
      entityId: id,
      action: 'create',
      regionCode: actor.regionCode,
      after: { code: edition.code, publishedOn: today },
    });
    return true;
  });
  const [row] = await repo.listEditions(deps.db, { code: edition.code });
  if (!row) throw errors.notFound();
  return { ...toFinancingEdition(row), created };
}

/** The published editions, newest first. */
export async function listEditions(deps: FinancingDeps, actor: Actor): Promise<FinancingEditionList> {
  requirePermission(actor, 'financing.edition.read');
  return { items: (await repo.listEditions(deps.db)).map(toFinancingEdition) };
}

/** A published edition with its frozen needs. */
export async function editionDetail(deps: FinancingDeps, actor: Actor, id: number): Promise<FinancingEditionDetail> {
  requirePermission(actor, 'financing.edition.read');
  const [row] = await repo.listEditions(deps.db, { id });
  if (!row) throw errors.notFound();
  const items = await repo.editionItems(deps.db, id);
  return { ...toFinancingEdition(row), items: items.map(toEditionItem) };
}

/**
 * Registers interest in a published need: an institution for itself (named by its account), the city DRC on an
 * institution's behalf (named in the body). A second registration of the same institution answers 409.
 */
export async function registerInterest(
  deps: FinancingDeps,
  actor: Actor,
  target: { id: number; needId: number },
  input: FinancingInterestInput,
): Promise<FinancingMatch> {
  requirePermission(actor, 'financing.match');
  const own = actor.role === 'financial_institution';
  const institution = own ? actor.displayName : input.institution;
  if (!institution) throw errors.invalidField('institution', 'financing.institution');
  const items = await repo.editionItems(deps.db, target.id);
  if (!items.some((item) => item.needId === target.needId)) throw errors.notFound();
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertMatch(
      trx,
      { ...target, editionId: target.id, institutionUserId: own ? actor.id : null, institution, note: input.note },
      actor.id,
    );
    if (created === undefined) throw new AppError(409, 'conflict', 'financing.interestTaken');
    await recordAudit(trx, actor, {
      entityType: 'financing_match',
      entityId: created,
      action: 'create',
      after: { editionId: target.id, needId: target.needId, institution },
    });
    return created;
  });
  return matchOf(deps, actor, id);
}

async function matchOf(deps: FinancingDeps, actor: Actor, id: number): Promise<FinancingMatch> {
  const [row] = await repo.listMatches(deps.db, { id, ...ownFilter(actor) });
  if (!row) throw errors.notFound();
  return toFinancingMatch(row);
}

/** An institution sees its own matches only; the DRC sees all. */
const ownFilter = (actor: Actor) => (actor.role === 'financial_institution' ? { institutionUserId: actor.id } : {});

/** The matches the actor may see, newest first. */
export async function listMatches(deps: FinancingDeps, actor: Actor): Promise<FinancingMatchList> {
  requirePermission(actor, 'financing.edition.read');
  return { items: (await repo.listMatches(deps.db, ownFilter(actor))).map(toFinancingMatch) };
}

/** Moves a match (interested → negotiating → signed / declined); a move core refuses, or a lost race, is a 409. */
export async function moveMatch(
  deps: FinancingDeps,
  actor: Actor,
  id: number,
  input: FinancingMatchMove,
): Promise<FinancingMatch> {
  requirePermission(actor, 'financing.match');
  const current = await matchOf(deps, actor, id);
  if (!matchMoveAllowed(current.state, input.state))
    throw new AppError(409, 'conflict', 'financing.move', undefined, {
      from: MATCH_STATE_LABELS[current.state][actor.locale],
      to: MATCH_STATE_LABELS[input.state][actor.locale],
    });
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.moveMatch(trx, id, current, {
      state: input.state,
      signedAmount: input.signedAmount ?? null,
      note: input.note,
    });
    if (moved === undefined) throw errors.conflict();
    await recordAudit(trx, actor, {
      entityType: 'financing_match',
      entityId: id,
      action: 'update',
      before: { state: current.state },
      after: { state: input.state, signedAmount: input.signedAmount?.toString() ?? null },
    });
  });
  return matchOf(deps, actor, id);
}

/** Needs met in an edition (default the latest): core's needsMet over its frozen needs and signed amounts. */
export async function financingSummary(
  deps: FinancingDeps,
  actor: Actor,
  query: FinancingSummaryQuery,
): Promise<FinancingSummaryOutput> {
  requirePermission(actor, 'financing.read');
  const editions = await repo.listEditions(deps.db, query.editionId === undefined ? {} : { id: query.editionId });
  const edition = editions[0];
  if (!edition) {
    if (query.editionId !== undefined) throw errors.notFound();
    return { editionCode: null, needs: 0, met: 0, needed: '0.00', signed: '0.00', share: 0 };
  }
  const items = await repo.editionItems(deps.db, edition.id);
  const met = needsMet(items.map((item) => ({ amount: item.amount, signed: BigInt(item.signed ?? '0') })));
  return { ...met, editionCode: edition.code, needed: formatWan(met.needed), signed: formatWan(met.signed) };
}
