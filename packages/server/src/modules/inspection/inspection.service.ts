/**
 * Site supervision: DRC staff record an inspection of a project in their scope (not dated after the application's
 * date); a required rectification becomes a problem through the problem list's `createProblem` in the same
 * transaction (assigned to the unit the inspectors name, or raised unassigned for staff to assign), so the
 * inspection and its tracked rectification exist together or not at all. Staff also set a project's site video
 * link (http(s) only). Every change is audited in its transaction.
 */
import type { Kysely } from 'kysely';
import type {
  AttachmentOutput,
  InspectionInput,
  InspectionList,
  InspectionListQuery,
  InspectionOutput,
  VideoLinkInput,
  VideoLinkOutput,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { attachmentsOf } from '../attachment/attachment.repository.ts';
import { attachPhoto, type UploadedFile } from '../attachment/attachment.service.ts';
import { createProblem } from '../problem/problem.create.ts';
import { findScopedProject } from '../visit/visit.repository.ts';
import { toInspectionOutput } from './inspection.presenter.ts';
import * as repo from './inspection.repository.ts';

export interface InspectionDeps {
  db: Kysely<DB>;
  clock: Clock;
}

async function withPhotos(db: Kysely<DB>, rows: repo.InspectionRow[]): Promise<InspectionOutput[]> {
  const photos = await attachmentsOf(
    db,
    'inspection',
    rows.map((row) => row.id),
  );
  return rows.map((row) => toInspectionOutput(row, photos.get(row.id)));
}

/** Records an inspection and, when it requires one, its rectification as a problem. */
export async function recordInspection(
  deps: InspectionDeps,
  actor: Actor,
  projectId: number,
  input: InspectionInput,
): Promise<InspectionOutput> {
  requirePermission(actor, 'inspection.write');
  const today = deps.clock.today();
  if (input.inspectedOn > today) throw errors.invalidField('inspectedOn', 'inspection.futureDate', { today });
  const rectification = input.rectification ?? null;
  if (rectification && rectification.dueOn < today)
    throw errors.invalidField('rectification.dueOn', 'inspection.rectifyInPast', { today });
  return deps.db.transaction().execute(async (trx) => {
    const project = await findScopedProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const id = await repo.insertInspection(trx, {
      projectId,
      inspectedOn: input.inspectedOn,
      mode: input.mode,
      inspectors: input.inspectors,
      findings: input.findings,
      rectifyBy: rectification?.dueOn ?? null,
      createdBy: actor.id,
    });
    if (rectification) {
      // The inspectors' deadline is an agreed final node (a complex item in the deadline rule's terms) when they
      // name the unit; unassigned, the problem waits for staff to assign it and the deadline stays on the
      // inspection (rectify_by) for them to agree then.
      const unitId = rectification.unitId ?? null;
      await createProblem(trx, deps, actor, {
        projectId,
        title: rectification.title,
        category: rectification.category,
        description: input.findings,
        complexity: unitId === null ? 'ordinary' : 'complex',
        assignedUnitId: unitId,
        assigneeName: unitId === null ? null : (rectification.assigneeName ?? null),
        agreedFinalDueOn: unitId === null ? null : rectification.dueOn,
        origin: { kind: 'inspection', inspectionId: id },
      });
    }
    const row = await repo.findInspection(trx, actor, id);
    if (!row) throw new Error(`inspection ${id} vanished in its own transaction`);
    const created = toInspectionOutput(row);
    await recordAudit(trx, actor, {
      entityType: 'inspection',
      entityId: id,
      action: 'create',
      regionCode: project.regionCode,
      after: created,
    });
    return created;
  });
}

/** Adds a photo to an inspection of a project in the staff's scope. */
export async function addInspectionPhoto(
  deps: InspectionDeps,
  actor: Actor,
  inspectionId: number,
  file: UploadedFile,
): Promise<AttachmentOutput> {
  requirePermission(actor, 'inspection.write');
  return deps.db.transaction().execute(async (trx) => {
    const inspection = await repo.findInspection(trx, actor, inspectionId);
    if (!inspection) throw errors.notFound();
    return attachPhoto(trx, actor, { kind: 'inspection', id: inspection.id, regionCode: inspection.regionCode }, file);
  });
}

/** A visible project's inspections, newest first. */
export async function projectInspections(deps: InspectionDeps, actor: Actor, projectId: number) {
  requirePermission(actor, 'inspection.read');
  if (!(await findScopedProject(deps.db, actor, projectId))) throw errors.notFound();
  return { items: await withPhotos(deps.db, await repo.listProjectInspections(deps.db, actor, projectId)) };
}

/** The inspections in the actor's scope, filtered, a page at a time. */
export async function listInspections(
  deps: InspectionDeps,
  actor: Actor,
  query: InspectionListQuery,
): Promise<InspectionList> {
  requirePermission(actor, 'inspection.read');
  const { rows, total } = await repo.listInspections(deps.db, actor, query, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await withPhotos(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A visible project's site video link (null when it has none). */
export async function getVideoLink(deps: InspectionDeps, actor: Actor, projectId: number): Promise<VideoLinkOutput> {
  requirePermission(actor, 'inspection.read');
  if (!(await findScopedProject(deps.db, actor, projectId))) throw errors.notFound();
  const link = await repo.findVideoLink(deps.db, projectId);
  return { videoLink: link ? { ...link, updatedAt: link.updatedAt.toISOString() } : null };
}

/** Sets a project's site video link (staff of its region). */
export async function setVideoLink(
  deps: InspectionDeps,
  actor: Actor,
  projectId: number,
  input: VideoLinkInput,
): Promise<VideoLinkOutput> {
  requirePermission(actor, 'inspection.write');
  return deps.db.transaction().execute(async (trx) => {
    const project = await findScopedProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const { before, after } = await repo.upsertVideoLink(trx, {
      projectId,
      url: input.url,
      label: input.label ?? null,
      updatedBy: actor.id,
    });
    await recordAudit(trx, actor, {
      entityType: 'video_link',
      entityId: projectId,
      action: before ? 'update' : 'create',
      regionCode: project.regionCode,
      before: before ? { url: before.url, label: before.label } : undefined,
      after: { url: after.url, label: after.label },
    });
    return { videoLink: { ...after, updatedAt: after.updatedAt.toISOString() } };
  });
}

/** Removes a project's site video link; 404 when it has none. */
export async function removeVideoLink(deps: InspectionDeps, actor: Actor, projectId: number): Promise<void> {
  requirePermission(actor, 'inspection.write');
  await deps.db.transaction().execute(async (trx) => {
    const project = await findScopedProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const removed = await repo.deleteVideoLink(trx, projectId);
    if (!removed) throw errors.notFound();
    await recordAudit(trx, actor, {
      entityType: 'video_link',
      entityId: projectId,
      action: 'delete',
      regionCode: project.regionCode,
      before: removed,
    });
  });
}
