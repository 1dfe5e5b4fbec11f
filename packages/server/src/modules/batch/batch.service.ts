/**
 * The three batches (三个一批): rounds in a region inside the manager's scope, each listing projects to sign, to
 * start and to put into production (a planned day optional), and each batch's rate as of a date (default: the
 * application's) from core's batchRate — with the projects that did not make it. Every change is audited.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  BATCH_KINDS,
  batchRate,
  formatWan,
  isWithinRegion,
  lifecycleDefinitionSchema,
  type BatchProjectsInput,
  type BatchRoundDetail,
  type BatchRoundInput,
  type BatchRoundItem,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { BatchKind } from '../../db/schema.lifecycle.ts';
import { regionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { eventCandidate } from '../event/event.repository.ts';
import { regionExists } from '../region/region.repository.ts';
import * as repo from './batch.repository.ts';

export interface BatchDeps {
  db: Kysely<DB>;
  clock: Clock;
}

function toRoundItem(row: repo.RoundRow): BatchRoundItem {
  return {
    id: row.id,
    name: row.name,
    heldOn: row.heldOn,
    regionCode: row.regionCode,
    regionName: row.regionName,
    note: row.note,
    counts: { sign: Number(row.sign), start: Number(row.start), production: Number(row.production) },
  };
}

/** The rounds the actor may see with their batch sizes. */
export async function listRounds(deps: BatchDeps, actor: Actor): Promise<{ items: BatchRoundItem[] }> {
  requirePermission(actor, 'event.read');
  return { items: (await repo.listRounds(deps.db, actor)).map(toRoundItem) };
}

/** A round with each batch's projects, rate and the projects that did not make it, as of a date. */
export async function roundDetail(
  deps: BatchDeps,
  actor: Actor,
  id: number,
  asOfQuery?: string,
): Promise<BatchRoundDetail> {
  requirePermission(actor, 'event.read');
  const [row] = await repo.listRounds(deps.db, actor, { id });
  if (!row) throw errors.notFound();
  const asOf = asOfQuery ?? deps.clock.today();
  const projects = await repo.roundProjects(deps.db, actor, id);
  const transitions = await repo.transitionsOf(
    deps.db,
    projects.map((p) => p.id),
  );
  const batches = BATCH_KINDS.map((batch) => {
    const members = projects.filter((p) => p.batch === batch);
    const facts = members.map((p) => ({
      projectId: p.id,
      definition: lifecycleDefinitionSchema.parse(p.definition),
      facts: transitions.filter((t) => t.projectId === p.id),
    }));
    const rate = batchRate(batch, facts, row.heldOn, asOf);
    return {
      batch,
      planned: rate.planned,
      achieved: rate.achieved,
      rate: rate.rate,
      projects: members.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        regionName: p.regionName,
        totalInvestment: formatWan(p.totalInvestment),
        plannedOn: p.plannedOn,
        achieved: rate.achievedOn.get(p.id) != null,
        achievedOn: rate.achievedOn.get(p.id) ?? null,
      })),
    };
  });
  return { ...toRoundItem(row), asOf, batches };
}

async function checkInput(deps: BatchDeps, actor: Actor, input: BatchRoundInput): Promise<void> {
  if (!(await regionExists(deps.db, input.regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
  if (!regionInScope(actor, input.regionCode)) throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** The round locked for a change: visible (else 404) and in the actor's region (else 403). */
async function lockManaged(trx: Transaction<DB>, actor: Actor, id: number) {
  const [visible] = await repo.listRounds(trx, actor, { id });
  if (!visible) throw errors.notFound();
  const round = await repo.lockRound(trx, id);
  if (!round) throw errors.notFound();
  if (!regionInScope(actor, round.regionCode)) throw errors.forbidden();
  return round;
}

/** Creates a round. */
export async function createRound(deps: BatchDeps, actor: Actor, input: BatchRoundInput): Promise<BatchRoundDetail> {
  requirePermission(actor, 'event.manage');
  await checkInput(deps, actor, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertRound(trx, input, actor.id);
    await recordAudit(trx, actor, {
      entityType: 'batch_round',
      entityId: created,
      action: 'create',
      regionCode: input.regionCode,
      after: input,
    });
    return created;
  });
  return roundDetail(deps, actor, id);
}

/** Changes a round's name, date, region or note. */
export async function updateRound(
  deps: BatchDeps,
  actor: Actor,
  id: number,
  input: BatchRoundInput,
): Promise<BatchRoundDetail> {
  requirePermission(actor, 'event.manage');
  await checkInput(deps, actor, input);
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockManaged(trx, actor, id);
    await repo.updateRound(trx, id, input);
    const audit = { entityType: 'batch_round' as const, entityId: id, regionCode: input.regionCode };
    await recordAudit(trx, actor, { ...audit, action: 'update', before, after: input });
  });
  return roundDetail(deps, actor, id);
}

/** Deletes a round with its batches. */
export async function deleteRound(deps: BatchDeps, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockManaged(trx, actor, id);
    await repo.deleteRound(trx, id);
    await recordAudit(trx, actor, {
      entityType: 'batch_round',
      entityId: id,
      action: 'delete',
      regionCode: before.regionCode,
      before,
    });
  });
}

/** Adds projects (in the actor's scope and the round's region) to one batch; all or nothing. */
export async function addBatchProjects(
  deps: BatchDeps,
  actor: Actor,
  id: number,
  input: BatchProjectsInput,
): Promise<BatchRoundDetail> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const round = await lockManaged(trx, actor, id);
    for (const [index, item] of input.projects.entries()) {
      const project = await eventCandidate(trx, actor, item.projectId);
      if (!project) throw errors.notFound();
      if (!isWithinRegion(project.regionCode, round.regionCode))
        throw errors.invalidField(`projects.${index}.projectId`, 'event.projectOutsideRegion', { code: project.code });
      const added = await repo.addBatchProject(trx, {
        roundId: id,
        projectId: item.projectId,
        batch: input.batch,
        plannedOn: item.plannedOn ?? null,
      });
      if (!added) throw errors.invalidField(`projects.${index}.projectId`, 'batch.duplicate', { code: project.code });
    }
    await recordAudit(trx, actor, {
      entityType: 'batch_round',
      entityId: id,
      action: 'update',
      regionCode: round.regionCode,
      after: input,
    });
  });
  return roundDetail(deps, actor, id);
}

/** Removes a project from one batch of the round. */
export async function removeBatchProject(
  deps: BatchDeps,
  actor: Actor,
  id: number,
  projectId: number,
  batch: BatchKind,
): Promise<BatchRoundDetail> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const round = await lockManaged(trx, actor, id);
    if (!(await eventCandidate(trx, actor, projectId))) throw errors.notFound();
    if (!(await repo.removeBatchProject(trx, { roundId: id, projectId, batch }))) throw errors.notFound();
    await recordAudit(trx, actor, {
      entityType: 'batch_round',
      entityId: id,
      action: 'update',
      regionCode: round.regionCode,
      after: { removed: { projectId, batch } },
    });
  });
  return roundDetail(deps, actor, id);
}
