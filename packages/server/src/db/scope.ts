/**
 * The one place that decides which projects an actor may see. Every project query goes through
 * `visibleProjects`: district staff see their region and everything under it, owners their own
 * organisation's projects, service officers the projects paired with them, and the three system
 * administrators none. Soft-deleted projects are invisible to all.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { projectScopeKind, regionPrefix } from '@keyprojects/core';
import type { Actor } from '../modules/auth/actor.ts';
import type { DB } from './schema.ts';

type ProjectsEb = ExpressionBuilder<DB, 'projects'>;

/** A WHERE condition on `projects` limiting rows to those the actor may see. */
export function visibleProjects(actor: Pick<Actor, 'id' | 'role' | 'regionCode' | 'organizationId'>) {
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

/** A WHERE condition on `regions` limiting rows to the actor's region and those under it. */
export function visibleRegions(actor: Pick<Actor, 'regionCode'>) {
  return (eb: ExpressionBuilder<DB, 'regions'>): Expression<SqlBool> =>
    actor.regionCode ? eb('regions.code', 'like', `${regionPrefix(actor.regionCode)}%`) : sql<SqlBool>`false`;
}
