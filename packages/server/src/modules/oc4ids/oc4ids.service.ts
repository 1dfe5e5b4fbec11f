/**
 * The OC4IDS export: the projects an actor can see (with the project list's filters) as one project package.
 * Permission first; the projects are chosen by the project list itself, so scope and filters mean exactly
 * what they mean on GET /projects, and read in one snapshot so paging cannot skip or repeat a project. Each
 * project's current plan and transitions go out as its milestones.
 */
import type { Kysely } from 'kysely';
import {
  OC4IDS_ID_SCHEME,
  buildOc4idsPackage,
  oc4idsPublisher,
  parentRegionCode,
  projectToOc4ids,
  type Oc4idsExportQuery,
  type Oc4idsOrganizationSource,
  type Oc4idsPackage,
  type Oc4idsProgress,
  type Oc4idsProjectContext,
} from '@keyprojects/core';
import { systemClock } from '../../clock.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import type { DB } from '../../db/schema.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { listProjects } from '../project/project.repository.ts';
import { lifecycleSources } from './oc4ids.lifecycle.ts';
import * as repo from './oc4ids.repository.ts';

/** The export walks the list in pages of this size; the package itself has no limit. */
const PAGE_SIZE = 500;

/** What the export needs beyond the filters. */
export interface ExportOptions {
  /** Where the package is published: the request's URL, or the file the CLI writes. */
  uri: string;
  /** Progress per project id (from the monthly reports), written as OC4IDS metrics. */
  progress?: ReadonlyMap<number, Oc4idsProgress>;
  /** The application's date, on which milestone statuses are judged (default: today in China). */
  today?: string;
}

/** The DRC office of a region or of the nearest region above it. */
function nearestDrc(
  offices: readonly (Oc4idsOrganizationSource & { regionCode: string })[],
  regionCode: string,
): Oc4idsOrganizationSource | undefined {
  for (let code: string | null = regionCode; code !== null; code = parentRegionCode(code)) {
    const office = offices.find((o) => o.regionCode === code);
    if (office) return { id: office.id, name: office.name, creditCode: office.creditCode };
  }
  return undefined;
}

/** Each imported project's OC4IDS id and other identifiers; projects of our own have none. */
function externalByProject(
  rows: readonly repo.ExternalIdRow[],
): Map<number, NonNullable<Oc4idsProjectContext['external']>> {
  const result = new Map<number, NonNullable<Oc4idsProjectContext['external']>>();
  for (const row of rows.filter((r) => r.scheme === OC4IDS_ID_SCHEME))
    result.set(row.projectId, { oc4idsId: row.identifier, identifiers: [] });
  for (const row of rows.filter((r) => r.scheme !== OC4IDS_ID_SCHEME))
    result.get(row.projectId)?.identifiers.push({ scheme: row.scheme, id: row.identifier });
  return result;
}

/**
 * The package of the visible projects matching `filters`, ordered by project code. With no match the package
 * has no projects, which the schema's minItems does not allow: the caller decides whether to publish it.
 */
export async function exportPackage(
  db: Kysely<DB>,
  actor: Actor,
  filters: Oc4idsExportQuery,
  options: ExportOptions,
): Promise<Oc4idsPackage> {
  requirePermission(actor, 'project.read');
  const result = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const ids: number[] = [];
      for (let page = 1; ; page += 1) {
        const { items } = await listProjects(trx, actor, {
          ...filters,
          page,
          pageSize: PAGE_SIZE,
          sort: 'code',
          order: 'asc',
        });
        ids.push(...items.map((item) => item.id));
        if (items.length < PAGE_SIZE) break;
      }
      const [projects, offices, external, lifecycles] = await Promise.all([
        repo.findExportProjects(trx, actor, ids),
        repo.findDrcOffices(trx),
        repo.findExternalIds(trx, ids),
        lifecycleSources(trx, actor, ids, options.today ?? systemClock.today()),
      ]);
      const imported = externalByProject(external);
      const oc4idsProjects = ids.flatMap((id) => {
        const project = projects.get(id);
        if (!project) return [];
        const context: Oc4idsProjectContext = {};
        const drc = nearestDrc(offices, project.regionCode);
        if (drc) context.drc = drc;
        const link = imported.get(id);
        if (link) context.external = link;
        const progress = options.progress?.get(id);
        if (progress) context.progress = progress;
        const lifecycle = lifecycles.get(id);
        if (lifecycle) context.lifecycle = lifecycle;
        return [projectToOc4ids(project, context)];
      });
      return buildOc4idsPackage({
        uri: options.uri,
        publisher: oc4idsPublisher(actor.regionCode ? nearestDrc(offices, actor.regionCode) : undefined),
        projects: oc4idsProjects,
        fallbackDate: new Date().toISOString(),
      });
    });
  await recordTransfer(db, actor, {
    action: 'export',
    what: 'oc4ids',
    regionCode: actor.regionCode,
    details: { query: filters, projects: result.projects.length },
  });
  return result;
}
