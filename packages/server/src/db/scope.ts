/**
 * The one region module: every project query and every region decision goes through here.
 *
 * - `visibleProjects` / `scopedProjects`: which projects an actor may see. District staff see their region and
 *   everything under it, owners their own organisation's projects, service officers the projects paired with them,
 *   and the three system administrators none. Soft-deleted projects are invisible to all.
 * - `regionInScope`, `organizationInScope`, `officerInScope`: may the actor file a project in this region, name this
 *   organisation its owner, pair this officer with it (each of which gives that account sight of the project)?
 * - `projectCodeTaken` / `takenProjectCodes`: "does this code exist anywhere" (codes are unique city-wide), answered
 *   as a bare yes/no that never says where, by whom, or whether the holder is in the actor's scope.
 *
 * `selectFrom('projects')` outside this file and the project repository fails the lint (eslint.config.js).
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  isWithinRegion,
  parentRegionCode,
  projectScopeKind,
  regionPrefix,
  synthesizeProjectCode,
  type Actor,
} from '@keyprojects/core';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
type ProjectsEb = ExpressionBuilder<DB, 'projects'>;
/** What scope decisions need of an actor. */
export type ScopeActor = Pick<Actor, 'id' | 'role' | 'regionCode' | 'organizationId'>;

/** A WHERE condition on `projects` limiting rows to those the actor may see. */
export function visibleProjects(actor: ScopeActor) {
  return (eb: ProjectsEb): Expression<SqlBool> => {
    const live = eb('projects.deleted_at', 'is', null);
    switch (projectScopeKind(actor.role)) {
      case 'region':
        return actor.regionCode
          ? eb.and([live, eb('projects.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)])
          : sql<SqlBool>`false`;
      case 'owner':
        return actor.organizationId !== null
          ? eb.and([live, eb('projects.owner_org_id', '=', actor.organizationId)])
          : sql<SqlBool>`false`;
      case 'officer':
        return eb.and([live, eb('projects.service_officer_id', '=', actor.id)]);
      case 'none':
        return sql<SqlBool>`false`;
    }
  };
}

/** The projects the actor may see, as a query to narrow, join and select from (the entry every module uses). */
export function scopedProjects(db: Db, actor: ScopeActor) {
  return db.selectFrom('projects').where(visibleProjects(actor));
}

/** A WHERE condition on `regions` limiting rows to the actor's region and those under it. */
export function visibleRegions(actor: Pick<Actor, 'regionCode'>) {
  return (eb: ExpressionBuilder<DB, 'regions'>): Expression<SqlBool> =>
    actor.regionCode ? eb('regions.code', 'like', `${regionPrefix(actor.regionCode)}%`) : sql<SqlBool>`false`;
}

/**
 * True when the region lies inside the actor's scope: its own region or one under it, for the region-scoped roles.
 * Owners, officers and administrators have no region of their own to file projects in.
 */
export function regionInScope(actor: ScopeActor, regionCode: string): boolean {
  return projectScopeKind(actor.role) === 'region' && actor.regionCode !== null
    ? isWithinRegion(regionCode, actor.regionCode)
    : false;
}

/**
 * True when an account or organisation based in `homeRegion` may be tied to the actor's projects: based inside the
 * actor's scope, or above it (a city or provincial body serves every district under it). A sibling district, or
 * another city, is out: naming it would give its accounts sight of the project.
 */
export function homeRegionInScope(actor: ScopeActor, homeRegion: string | null): boolean {
  if (homeRegion === null || !actor.regionCode || projectScopeKind(actor.role) !== 'region') return false;
  return isWithinRegion(homeRegion, actor.regionCode) || isWithinRegion(actor.regionCode, homeRegion);
}

/** The actor's region and the regions above it (a county's prefecture and province). */
export function regionAndAncestors(regionCode: string): string[] {
  const codes = [regionCode];
  for (let parent = parentRegionCode(regionCode); parent; parent = parentRegionCode(parent)) codes.push(parent);
  return codes;
}

/**
 * The SQL form of homeRegionInScope for a home-region column (an organisation's region, an account's own or its
 * organisation's): what the pickers list, so that a district never sees another district's organisations or
 * officers. Owners see their own organisation only; the other roles without a region see none.
 */
export function homeRegionCondition<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: ScopeActor,
  home: Expression<string | null>,
  organizationId?: Expression<number>,
): Expression<SqlBool> {
  if (projectScopeKind(actor.role) === 'region' && actor.regionCode) {
    return eb.or([
      eb(home, 'like', `${regionPrefix(actor.regionCode)}%`),
      eb(home, 'in', regionAndAncestors(actor.regionCode)),
    ]);
  }
  if (organizationId && actor.organizationId !== null) return eb(organizationId, '=', actor.organizationId);
  return sql<SqlBool>`false`;
}

/** Where a referenced organisation or account stands against the actor's scope. */
export type ReferenceScope = 'inScope' | 'outOfScope' | 'unknown';

const referenceScope = (actor: ScopeActor, row: { home: string | null } | undefined): ReferenceScope =>
  row === undefined ? 'unknown' : homeRegionInScope(actor, row.home) ? 'inScope' : 'outOfScope';

/** Whether the actor may name the organisation owner of a project (see homeRegionInScope); 'unknown' when there is none. */
export async function organizationInScope(db: Db, actor: ScopeActor, organizationId: number): Promise<ReferenceScope> {
  const org = await db
    .selectFrom('organizations')
    .select('region_code as home')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return referenceScope(actor, org);
}

/**
 * Whether the actor may pair the service officer with a project: an active service officer based (by its own
 * region, else its organisation's) inside the actor's scope or above it; 'unknown' when no such officer exists.
 */
export async function officerInScope(db: Db, actor: ScopeActor, userId: number): Promise<ReferenceScope> {
  const officer = await db
    .selectFrom('users as u')
    .leftJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(sql<string | null>`coalesce(u.region_code, o.region_code)`.as('home'))
    .where('u.id', '=', userId)
    .where('u.role', '=', 'service_officer')
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  return referenceScope(actor, officer);
}

/**
 * "Does a live project anywhere hold this code?" (besides `exceptId`, the project being edited). Codes are unique
 * city-wide, so the answer must look everywhere; it is a bare boolean so that no caller can tell the actor where
 * the holder is or whether it is in scope — callers answer one neutral message (`projectCode.unavailable`).
 */
export async function projectCodeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
  return (await takenProjectCodes(db, [code], exceptId)).has(code);
}

/** Codes are looked up in chunks (one array parameter each) so no statement grows without bound. */
const CODE_CHUNK = 1_000;
/** A clash of issued codes is one in a million; this many tries is plenty. */
const MAX_CODE_ATTEMPTS = 100;

/**
 * A free code for each seed, issued on `today` (core's synthesizeProjectCode, in the seed's area or the sandbox's):
 * the first of its candidates that no live project holds anywhere and no other seed was given. Used by the imports
 * that must give a project a code its source lacks (open data, a ledger row without one).
 */
export async function issueProjectCodes(
  db: Db,
  seeds: readonly { seed: string; area?: string | undefined }[],
  today: string,
): Promise<Map<string, string>> {
  const issued = new Map<string, string>();
  const used = new Set<string>();
  let pending = [...seeds];
  for (let attempt = 0; pending.length > 0 && attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const proposed = pending.map((entry) => ({
      entry,
      code: synthesizeProjectCode(entry.seed, today, attempt, entry.area),
    }));
    const taken = new Set<string>();
    for (let start = 0; start < proposed.length; start += CODE_CHUNK) {
      const chunk = proposed.slice(start, start + CODE_CHUNK).map((p) => p.code);
      for (const code of await takenProjectCodes(db, chunk)) taken.add(code);
    }
    const retry: typeof pending = [];
    for (const { entry, code } of proposed) {
      if (taken.has(code) || used.has(code)) retry.push(entry);
      else {
        issued.set(entry.seed, code);
        used.add(code);
      }
    }
    pending = retry;
  }
  if (pending.length > 0) throw new Error(`no free project code for ${pending.length.toString()} projects`);
  return issued;
}

/** The codes among `codes` that a live project holds (besides `exceptId`); the batch form of projectCodeTaken. */
export async function takenProjectCodes(db: Db, codes: readonly string[], exceptId?: number): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  let q = db
    .selectFrom('projects')
    .select('code')
    .where(sql<boolean>`code = any(${[...codes]}::text[])`)
    .where('deleted_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return new Set((await q.execute()).map((r) => r.code));
}
