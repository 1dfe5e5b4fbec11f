/**
 * Kysely access to site supervision (线上线下督导): inspections of projects in the actor's scope (with the problem
 * tracking each one's rectification), filtered lists, and a project's site video link. Projects are reached only
 * through db/scope.ts's `scopedProjects`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix, type InspectionListQuery, type InspectionMode } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Inspections of visible projects, with the project's code and name and the rectification problem's state. */
function inspectionsQuery(db: Db, actor: ScopeActor) {
  return scopedProjects(db, actor)
    .innerJoin('inspections as i', 'i.project_id', 'projects.id')
    .leftJoin('problems as p', 'p.inspection_id', 'i.id');
}

function selectInspection(query: ReturnType<typeof inspectionsQuery>) {
  return query
    .select([
      'i.id',
      'i.project_id as projectId',
      'projects.code as projectCode',
      'projects.name as projectName',
      'projects.region_code as regionCode',
      'i.inspected_on as inspectedOn',
      'i.mode',
      'i.inspectors',
      'i.findings',
      'i.rectify_by as rectifyBy',
      'p.id as problemId',
      'p.state as problemState',
    ])
    .orderBy('i.inspected_on', 'desc')
    .orderBy('i.id', 'desc');
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export async function insertInspection(
  db: Db,
  values: {
    projectId: number;
    inspectedOn: string;
    mode: InspectionMode;
    inspectors: string;
    findings: string;
    rectifyBy: string | null;
    createdBy: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('inspections')
    .values({
      project_id: values.projectId,
      inspected_on: values.inspectedOn,
      mode: values.mode,
      inspectors: values.inspectors,
      findings: values.findings,
      rectify_by: values.rectifyBy,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One inspection of a visible project; undefined otherwise. */
export async function findInspection(db: Db, actor: ScopeActor, id: number) {
  return selectInspection(inspectionsQuery(db, actor)).where('i.id', '=', id).executeTakeFirst();
}

/** A visible project's inspections, newest first. */
export async function listProjectInspections(db: Db, actor: ScopeActor, projectId: number) {
  return selectInspection(inspectionsQuery(db, actor)).where('projects.id', '=', projectId).execute();
}

type Filters = Pick<InspectionListQuery, 'regionCode' | 'mode' | 'from' | 'to'>;

function filtered(db: Db, actor: ScopeActor, filters: Filters) {
  let query = inspectionsQuery(db, actor);
  if (filters.regionCode) query = query.where('projects.region_code', 'like', `${regionPrefix(filters.regionCode)}%`);
  if (filters.mode) query = query.where('i.mode', '=', filters.mode);
  if (filters.from) query = query.where('i.inspected_on', '>=', filters.from);
  if (filters.to) query = query.where('i.inspected_on', '<=', filters.to);
  return query;
}

/** A page of the inspections in the actor's scope matching the filters, newest first, and how many match. */
export async function listInspections(
  db: Db,
  actor: ScopeActor,
  filters: Filters,
  page: { offset: number; limit: number },
) {
  const [rows, count] = await Promise.all([
    selectInspection(filtered(db, actor, filters))
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, actor, filters)
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A project's site video link, or undefined. */
export async function findVideoLink(db: Db, projectId: number) {
  return db
    .selectFrom('project_video_links')
    .select(['url', 'label', 'updated_at as updatedAt'])
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** Sets (or replaces) a project's site video link; returns what was there before. */
export async function upsertVideoLink(
  db: Db,
  values: { projectId: number; url: string; label: string | null; updatedBy: number },
) {
  const before = await findVideoLink(db, values.projectId);
  const after = await db
    .insertInto('project_video_links')
    .values({ project_id: values.projectId, url: values.url, label: values.label, updated_by: values.updatedBy })
    .onConflict((oc) =>
      oc.column('project_id').doUpdateSet({
        url: values.url,
        label: values.label,
        updated_by: values.updatedBy,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returning(['url', 'label', 'updated_at as updatedAt'])
    .executeTakeFirstOrThrow();
  return { before, after };
}

/** Removes a project's site video link; returns what was removed, or undefined. */
export async function deleteVideoLink(db: Db, projectId: number) {
  return db
    .deleteFrom('project_video_links')
    .where('project_id', '=', projectId)
    .returning(['url', 'label'])
    .executeTakeFirst();
}
