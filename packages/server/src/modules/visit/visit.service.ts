/**
 * Service officers' visits: only the project's own officer records one (another officer does not see the project:
 * 404; staff may read but not record: 403), dated no later than the application's date, audited in the same
 * transaction; photos follow as attachments of the visit. The officer's overview and the staff's list of officers
 * are read through the actor's scope.
 */
import type { Kysely } from 'kysely';
import {
  projectScopeKind,
  type AttachmentOutput,
  type OfficerOverview,
  type ServiceOfficerList,
  type VisitInput,
  type VisitList,
  type VisitOutput,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { attachmentsOf } from '../attachment/attachment.repository.ts';
import { attachPhoto, type UploadedFile } from '../attachment/attachment.service.ts';
import { toVisitOutput } from './visit.presenter.ts';
import * as repo from './visit.repository.ts';

export interface VisitDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

async function withPhotos(db: Kysely<DB>, rows: repo.VisitRow[]): Promise<VisitOutput[]> {
  const photos = await attachmentsOf(
    db,
    'visit',
    rows.map((row) => row.id),
  );
  return rows.map((row) => toVisitOutput(row, photos.get(row.id)));
}

/** Records a visit to one of the officer's own projects. */
export async function recordVisit(
  deps: VisitDeps,
  actor: Actor,
  projectId: number,
  input: VisitInput,
): Promise<VisitOutput> {
  requirePermission(actor, 'visit.write');
  const today = deps.clock.today();
  if (input.visitedOn > today) throw errors.invalidField('visitedOn', 'visit.futureDate', { today });
  return deps.db.transaction().execute(async (trx) => {
    const project = await repo.findScopedProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    if (project.officerId !== actor.id) throw errors.forbidden('visit.notYourProject');
    const row = await repo.insertVisit(trx, {
      projectId,
      officerId: actor.id,
      visitedOn: input.visitedOn,
      findings: input.findings,
    });
    const created = toVisitOutput(row);
    await recordAudit(trx, actor, {
      entityType: 'visit',
      entityId: created.id,
      action: 'create',
      regionCode: project.regionCode,
      after: created,
    });
    return created;
  });
}

/** Adds a photo to one of the officer's own visits. */
export async function addVisitPhoto(
  deps: VisitDeps,
  actor: Actor,
  visitId: number,
  file: UploadedFile,
): Promise<AttachmentOutput> {
  requirePermission(actor, 'visit.write');
  return deps.db.transaction().execute(async (trx) => {
    const visit = await repo.findVisit(trx, visitId);
    const project = visit && (await repo.findScopedProject(trx, actor, visit.projectId));
    if (!visit || !project) throw errors.notFound();
    if (visit.officerId !== actor.id) throw errors.forbidden('visit.notYourProject');
    return attachPhoto(trx, actor, { kind: 'visit', id: visit.id, regionCode: project.regionCode }, file);
  });
}

/** A visible project's visits, newest first. */
export async function projectVisits(deps: VisitDeps, actor: Actor, projectId: number): Promise<VisitList> {
  requirePermission(actor, 'visit.read');
  if (!(await repo.findScopedProject(deps.db, actor, projectId))) throw errors.notFound();
  return { items: await withPhotos(deps.db, await repo.listProjectVisits(deps.db, projectId)) };
}

/** The officer's full-time service view (全程服务) as of the application's date. */
export async function officerOverview(deps: VisitDeps, actor: Actor): Promise<OfficerOverview> {
  requirePermission(actor, 'visit.write');
  const asOf = deps.clock.today();
  const projects = await repo.officerProjects(deps.db, actor);
  const [problems, visitsThisMonth, recent] = await Promise.all([
    repo.problemTotals(
      deps.db,
      projects.map((p) => p.id),
    ),
    repo.countOfficerVisits(deps.db, actor.id, monthStart(asOf), asOf),
    repo.listOfficerVisits(deps.db, actor.id, 10),
  ]);
  return {
    asOf,
    projects,
    totals: {
      projects: projects.length,
      visitsThisMonth,
      problemsRaised: problems.raised,
      problemsSolved: problems.solved,
      activeWarnings: projects.reduce((sum, p) => sum + p.activeWarnings, 0),
    },
    recentVisits: await withPhotos(deps.db, recent),
  };
}

/** For staff: the officers paired with projects in their scope, with those projects and their visits. */
export async function listOfficers(deps: VisitDeps, actor: Actor): Promise<ServiceOfficerList> {
  requirePermission(actor, 'visit.read');
  if (projectScopeKind(actor.role) !== 'region') throw errors.forbidden();
  const asOf = deps.clock.today();
  return { asOf, items: await repo.officerSummaries(deps.db, actor, monthStart(asOf), asOf) };
}
