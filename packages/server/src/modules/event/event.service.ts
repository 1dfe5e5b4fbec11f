/**
 * Groundbreaking events (集中开工): recorded once held (the date may not be after the application's date, so a
 * planned event is not entered ahead), in a region inside the manager's scope. Adding a project not yet started
 * records its start on the event's date through recordTransition (source 'event'), into the template's first
 * stage of the started phase (else construction); a project already started — by a report, say — is linked
 * without a second start; a project in another event is refused (409). Every change is audited.
 */
import type { Kysely } from 'kysely';
import {
  isWithinRegion,
  lifecycleDefinitionSchema,
  summarizeEvents,
  type EventDetail,
  type EventInput,
  type EventList,
  type EventListQuery,
  type EventProjectsInput,
  type EventSummaryOutput,
  type EventSummaryQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { contextOn, stageForPhase } from '../lifecycle/lifecycle-progress.service.ts';
import { recordTransition } from '../lifecycle/lifecycle-transition.service.ts';
import { regionExists } from '../region/region.repository.ts';
import { toEventItem, toEventProject, toProjectTotals } from './event.presenter.ts';
import * as repo from './event.repository.ts';

export interface EventDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** A region filter must lie inside a region-scoped actor's own region. */
export function checkRegionFilter(actor: Actor, regionCode: string | undefined): void {
  if (regionCode && actor.regionCode && !isWithinRegion(regionCode, actor.regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** The events the actor may see, newest first, with their totals. */
export async function listEvents(deps: EventDeps, actor: Actor, query: EventListQuery): Promise<EventList> {
  requirePermission(actor, 'event.read');
  checkRegionFilter(actor, query.regionCode);
  const rows = await repo.listEvents(deps.db, actor, query);
  return { items: rows.map(toEventItem) };
}

/** An event with its totals and the projects of it the actor may see; 404 when the event is out of sight. */
export async function eventDetail(deps: EventDeps, actor: Actor, id: number): Promise<EventDetail> {
  requirePermission(actor, 'event.read');
  const [row] = await repo.listEvents(deps.db, actor, { id });
  if (!row) throw errors.notFound();
  const projects = await repo.eventProjects(deps.db, actor, id);
  return { ...toEventItem(row), projects: projects.map(toEventProject) };
}

async function checkInput(deps: EventDeps, actor: Actor, input: EventInput): Promise<void> {
  const today = deps.clock.today();
  if (input.heldOn > today) throw errors.invalidField('heldOn', 'event.future', { today });
  if (!(await regionExists(deps.db, input.regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
  if (!regionInScope(actor, input.regionCode)) throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** Records a held event. */
export async function createEvent(deps: EventDeps, actor: Actor, input: EventInput): Promise<EventDetail> {
  requirePermission(actor, 'event.manage');
  await checkInput(deps, actor, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await repo.insertEvent(trx, input, actor.id);
    await recordAudit(trx, actor, {
      entityType: 'groundbreaking_event',
      entityId: created,
      action: 'create',
      regionCode: input.regionCode,
      after: input,
    });
    return created;
  });
  return eventDetail(deps, actor, id);
}

/** The event locked for a change by one who may manage it: visible (else 404) and in the actor's region (else 403). */
async function lockManaged(trx: Parameters<typeof repo.lockEvent>[0], actor: Actor, id: number) {
  const [visible] = await repo.listEvents(trx, actor, { id });
  if (!visible) throw errors.notFound();
  const event = await repo.lockEvent(trx, id);
  if (!event) throw errors.notFound();
  if (!regionInScope(actor, event.regionCode)) throw errors.forbidden();
  return event;
}

/** Changes an event; its date is fixed once it has recorded starts (they carry that date). */
export async function updateEvent(deps: EventDeps, actor: Actor, id: number, input: EventInput): Promise<EventDetail> {
  requirePermission(actor, 'event.manage');
  await checkInput(deps, actor, input);
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockManaged(trx, actor, id);
    if (before.heldOn !== input.heldOn && (await repo.startsRecordedBy(trx, id)) > 0)
      throw errors.invalidField('heldOn', 'event.hasStarts');
    await repo.updateEvent(trx, id, input);
    await recordAudit(trx, actor, {
      entityType: 'groundbreaking_event',
      entityId: id,
      action: 'update',
      regionCode: input.regionCode,
      before,
      after: input,
    });
  });
  return eventDetail(deps, actor, id);
}

/** Deletes an event that has recorded no start. */
export async function deleteEvent(deps: EventDeps, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockManaged(trx, actor, id);
    if ((await repo.startsRecordedBy(trx, id)) > 0) throw errors.conflict('event.hasStarts');
    await repo.deleteEvent(trx, id);
    await recordAudit(trx, actor, {
      entityType: 'groundbreaking_event',
      entityId: id,
      action: 'delete',
      regionCode: before.regionCode,
      before,
    });
  });
}

/** The stage a start is recorded into: the template's first of the started phase, else of construction. */
function startStageOf(definition: unknown): string {
  const stage = stageForPhase(lifecycleDefinitionSchema.parse(definition), ['started', 'construction']);
  if (stage === null) throw errors.invalidField('projectIds', 'event.startStage');
  return stage;
}

/** Adds projects to the event, recording the start of each not yet started; all or nothing. */
export async function addEventProjects(
  deps: EventDeps,
  actor: Actor,
  id: number,
  input: EventProjectsInput,
): Promise<EventDetail> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const event = await lockManaged(trx, actor, id);
    for (const projectId of new Set(input.projectIds)) {
      const project = await repo.eventCandidate(trx, actor, projectId);
      if (!project) throw errors.notFound();
      if (!isWithinRegion(project.regionCode, event.regionCode))
        throw errors.invalidField('projectIds', 'event.projectOutsideRegion', { code: project.code });
      const current = await repo.eventOfProject(trx, projectId);
      if (current?.id === id) continue;
      if (current)
        throw new AppError(409, 'conflict', 'event.projectInOtherEvent', undefined, {
          code: project.code,
          name: current.name,
        });
      await repo.linkProject(trx, id, projectId);
      if (project.actualStartDate === null) {
        await recordTransition(
          trx,
          actor,
          {
            projectId,
            stageCode: startStageOf(project.definition),
            stepCode: null,
            occurredOn: event.heldOn,
            note: event.name,
            source: 'event',
            eventId: id,
          },
          await contextOn(trx, deps.clock.today()),
        );
      }
    }
    await recordAudit(trx, actor, {
      entityType: 'groundbreaking_event',
      entityId: id,
      action: 'update',
      regionCode: event.regionCode,
      after: { addedProjectIds: input.projectIds },
    });
  });
  return eventDetail(deps, actor, id);
}

/** Removes a project whose start the event did not record. */
export async function removeEventProject(
  deps: EventDeps,
  actor: Actor,
  id: number,
  projectId: number,
): Promise<EventDetail> {
  requirePermission(actor, 'event.manage');
  await deps.db.transaction().execute(async (trx) => {
    const event = await lockManaged(trx, actor, id);
    if (!(await repo.eventCandidate(trx, actor, projectId))) throw errors.notFound();
    if ((await repo.startsRecordedBy(trx, id, projectId)) > 0) throw errors.conflict('event.startRecorded');
    if (!(await repo.unlinkProject(trx, id, projectId))) throw errors.notFound();
    await recordAudit(trx, actor, {
      entityType: 'groundbreaking_event',
      entityId: id,
      action: 'update',
      regionCode: event.regionCode,
      after: { removedProjectId: projectId },
    });
  });
  return eventDetail(deps, actor, id);
}

/** The seed-001 style sentence for the events of a year (default: the application's) in a region. */
export async function eventSummary(
  deps: EventDeps,
  actor: Actor,
  query: EventSummaryQuery,
): Promise<EventSummaryOutput> {
  requirePermission(actor, 'event.read');
  checkRegionFilter(actor, query.regionCode);
  const year = query.year ?? Number(deps.clock.today().slice(0, 4));
  const events = await repo.listEvents(deps.db, actor, { regionCode: query.regionCode, year });
  const investments = await repo.eventInvestments(
    deps.db,
    events.map((e) => e.id),
  );
  const summary = summarizeEvents(
    events.map((e) => ({
      level: e.level,
      projectInvestments: investments.filter((i) => i.eventId === e.id).map((i) => i.totalInvestment),
    })),
  );
  return {
    year,
    regionCode: query.regionCode ?? actor.regionCode,
    byLevel: summary.byLevel,
    totals: toProjectTotals(summary.projects, summary.totalInvestment),
    text: summary.text,
  };
}
