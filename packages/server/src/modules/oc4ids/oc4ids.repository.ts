/**
 * Kysely access for the OC4IDS export and import: projects with the fields the export writes (always through
 * `db/scope.ts` or the project module), DRC offices, the external identifiers of imported projects, and the sandbox owners.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { OC4IDS_ID_SCHEME, type Oc4idsOrganizationSource, type Oc4idsSourceProject } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { findProjects } from '../project/project.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;
type ScopeActor = Pick<Actor, 'id' | 'role' | 'regionCode' | 'organizationId'>;

/** Postgres takes at most 65,535 parameters; lists of ids go in chunks well below that. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

/** Arbitrary key of the advisory lock that serialises imports. */
const IMPORT_LOCK = 4_642_437;

/**
 * Holds the import lock until the transaction ends: two imports of the same new project would otherwise both
 * create it, and the second would fail on the unique OC4IDS id instead of finding the first.
 */
export async function lockImports(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

/** The given projects the actor may see, as the project module reads them (one query per table), keyed by id. */
export async function findExportProjects(
  db: Db,
  actor: ScopeActor,
  ids: readonly number[],
): Promise<Map<number, Oc4idsSourceProject>> {
  return new Map((await findProjects(db, actor, { ids })).map((project) => [project.id, project]));
}

/** Every DRC office with its region (a few per city; the export picks the nearest for each project). */
export async function findDrcOffices(db: Db): Promise<(Oc4idsOrganizationSource & { regionCode: string })[]> {
  return db
    .selectFrom('organizations')
    .where('kind', '=', 'drc')
    .select(['id', 'name', 'credit_code as creditCode', 'region_code as regionCode'])
    .orderBy('id')
    .execute();
}

/** One row of project_external_ids as the services read it. */
export interface ExternalIdRow {
  projectId: number;
  scheme: string;
  identifier: string;
  source: string | null;
  details: unknown;
}

/** The external identifiers of the given projects (ids the caller already found through the scope). */
export async function findExternalIds(db: Db, projectIds: readonly number[]): Promise<ExternalIdRow[]> {
  const rows: ExternalIdRow[] = [];
  for (const chunk of chunks(projectIds)) {
    rows.push(
      ...(await db
        .selectFrom('project_external_ids')
        .where('project_id', 'in', chunk)
        .select(['project_id as projectId', 'scheme', 'identifier', 'source', 'details'])
        .orderBy('project_id')
        .orderBy('scheme')
        .orderBy('identifier')
        .execute()),
    );
  }
  return rows;
}

/** The project an OC4IDS id was imported as, if any (whether or not it still exists for anyone). */
export async function findProjectIdByOc4idsId(trx: Transaction<DB>, oc4idsId: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom('project_external_ids')
    .where('scheme', '=', OC4IDS_ID_SCHEME)
    .where('identifier', '=', oc4idsId)
    .select('project_id')
    .executeTakeFirst();
  return row?.project_id;
}

/** Records the OC4IDS id a project was imported with. */
export async function insertOc4idsLink(
  trx: Transaction<DB>,
  link: { projectId: number; oc4idsId: string; source: string | null; details: string | null },
): Promise<void> {
  await trx
    .insertInto('project_external_ids')
    .values({
      project_id: link.projectId,
      scheme: OC4IDS_ID_SCHEME,
      identifier: link.oc4idsId,
      source: link.source,
      details: link.details,
    })
    .execute();
}

/** Points an existing OC4IDS id at a project (a re-import after the old project was deleted moves it). */
export async function updateOc4idsLink(
  trx: Transaction<DB>,
  link: { projectId: number; oc4idsId: string; source: string | null; details: string | null },
): Promise<void> {
  await trx
    .updateTable('project_external_ids')
    .set({ project_id: link.projectId, source: link.source, details: link.details, updated_at: new Date() })
    .where('scheme', '=', OC4IDS_ID_SCHEME)
    .where('identifier', '=', link.oc4idsId)
    .execute();
}

/** Replaces a project's other identifiers (all schemes but the OC4IDS id). */
export async function replaceOtherIdentifiers(
  trx: Transaction<DB>,
  projectId: number,
  identifiers: readonly { scheme: string; id: string }[],
  source: string | null,
): Promise<void> {
  await trx
    .deleteFrom('project_external_ids')
    .where('project_id', '=', projectId)
    .where('scheme', '<>', OC4IDS_ID_SCHEME)
    .execute();
  if (identifiers.length === 0) return;
  await trx
    .insertInto('project_external_ids')
    .values(identifiers.map((i) => ({ project_id: projectId, scheme: i.scheme, identifier: i.id, source })))
    .execute();
}

/** An owner organisation of that name in the region, without a credit code (as the import makes them). */
export async function findOwnerByName(trx: Transaction<DB>, name: string, regionCode: string) {
  return trx
    .selectFrom('organizations')
    .where('kind', '=', 'owner')
    .where('region_code', '=', regionCode)
    .where('name', '=', name)
    .where('credit_code', 'is', null)
    .select(['id', 'kind', 'name', 'credit_code as creditCode', 'region_code as regionCode'])
    .orderBy('id')
    .executeTakeFirst();
}
