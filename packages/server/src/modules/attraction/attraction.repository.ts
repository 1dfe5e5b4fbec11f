/**
 * Kysely access to the attraction pipeline's leads: the leads an actor may see (region-scoped roles: their region
 * and those under it; service officers: the leads whose project is paired with them), each with its region's name
 * and — only when the actor may see it — its project's code and actual dates; the lead locked for a change; and
 * the writes, each conditional on the version (and stage) read, so that of two racing changes exactly one applies.
 * Stage dates are the application's date (`app_today()`), never the computer's.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { projectScopeKind, regionPrefix, type LeadInput, type LeadStage } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A WHERE condition on `attraction_leads` limiting rows to those the actor may see. */
function visibleLeads(db: Db, actor: ScopeActor) {
  return (eb: ExpressionBuilder<DB, 'attraction_leads'>): Expression<SqlBool> => {
    switch (projectScopeKind(actor.role)) {
      case 'region':
        return actor.regionCode
          ? eb('attraction_leads.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
          : sql<SqlBool>`false`;
      case 'officer':
        return eb('attraction_leads.project_id', 'in', scopedProjects(db, actor).select('projects.id'));
      case 'owner':
      case 'none':
        return sql<SqlBool>`false`;
    }
  };
}

export interface LeadFilter {
  id?: number;
  regionCode?: string | undefined;
  stage?: LeadStage | undefined;
  projectId?: number | undefined;
  q?: string | undefined;
}

/** The visible leads matching the filter, newest first, with their region and (visible) project. */
export async function listLeads(db: Db, actor: ScopeActor, filter: LeadFilter) {
  const projects = scopedProjects(db, actor)
    .select([
      'projects.id',
      'projects.code',
      sql<string | null>`projects.actual_start_date::text`.as('startedOn'),
      sql<string | null>`projects.actual_production_date::text`.as('productionOn'),
    ])
    .as('p');
  return db
    .selectFrom('attraction_leads')
    .innerJoin('regions as r', 'r.code', 'attraction_leads.region_code')
    .leftJoin(projects, 'p.id', 'attraction_leads.project_id')
    .where(visibleLeads(db, actor))
    .$if(filter.id !== undefined, (qb) => qb.where('attraction_leads.id', '=', filter.id ?? 0))
    .$if(filter.regionCode !== undefined, (qb) =>
      qb.where('attraction_leads.region_code', 'like', `${regionPrefix(filter.regionCode ?? '')}%`),
    )
    .$if(filter.stage !== undefined, (qb) => qb.where('attraction_leads.stage', '=', filter.stage ?? 'talks'))
    .$if(filter.projectId !== undefined, (qb) => qb.where('p.id', '=', filter.projectId ?? 0))
    .$if(Boolean(filter.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('attraction_leads.investor', 'ilike', `%${escapeLike(filter.q ?? '')}%`),
          eb('attraction_leads.project_name', 'ilike', `%${escapeLike(filter.q ?? '')}%`),
        ]),
      ),
    )
    .select([
      'attraction_leads.id',
      'attraction_leads.investor',
      'attraction_leads.project_name as projectName',
      'attraction_leads.industry',
      'attraction_leads.amount',
      'attraction_leads.source',
      'attraction_leads.region_code as regionCode',
      'r.name as regionName',
      'attraction_leads.responsible_person as responsiblePerson',
      'attraction_leads.responsible_unit as responsibleUnit',
      'attraction_leads.stage',
      sql<string>`attraction_leads.created_on::text`.as('createdOn'),
      sql<string | null>`attraction_leads.framework_on::text`.as('frameworkOn'),
      sql<string | null>`attraction_leads.contract_on::text`.as('contractOn'),
      sql<string | null>`attraction_leads.registered_on::text`.as('registeredOn'),
      sql<string | null>`attraction_leads.upgrade_on::text`.as('upgradeOn'),
      sql<string | null>`attraction_leads.dropped_on::text`.as('droppedOn'),
      'p.id as projectId',
      'p.code as projectCode',
      'p.startedOn',
      'p.productionOn',
      'attraction_leads.note',
      'attraction_leads.version',
    ])
    .orderBy('attraction_leads.created_on', 'desc')
    .orderBy('attraction_leads.id', 'desc')
    .execute();
}
export type LeadRow = Awaited<ReturnType<typeof listLeads>>[number];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The visible lead's row locked for the rest of the transaction (its stage, version and project), or undefined. */
export async function lockLead(trx: Transaction<DB>, actor: ScopeActor, id: number) {
  return trx
    .selectFrom('attraction_leads')
    .where(visibleLeads(trx, actor))
    .where('attraction_leads.id', '=', id)
    .select([
      'attraction_leads.id',
      'attraction_leads.stage',
      'attraction_leads.version',
      'attraction_leads.region_code as regionCode',
      'attraction_leads.project_id as projectId',
    ])
    .forUpdate()
    .executeTakeFirst();
}

const columns = (input: LeadInput) => ({
  investor: input.investor,
  project_name: input.projectName,
  industry: input.industry,
  amount: input.amount,
  source: input.source,
  region_code: input.regionCode,
  responsible_person: input.responsiblePerson,
  responsible_unit: input.responsibleUnit,
  note: input.note,
});

/** Inserts a lead entered today (the application's date); its id. */
export async function insertLead(trx: Transaction<DB>, input: LeadInput, createdBy: number): Promise<number> {
  const row = await trx
    .insertInto('attraction_leads')
    .values({ ...columns(input), created_on: sql<string>`app_today()`, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a lead's own fields if it is still at `version`; true when it was. */
export async function updateLead(trx: Transaction<DB>, id: number, version: number, input: LeadInput) {
  const result = await trx
    .updateTable('attraction_leads')
    .set({ ...columns(input), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The column holding the day a lead reached a stage moved to by hand. */
const STAGE_DATE = {
  framework: 'framework_on',
  contract: 'contract_on',
  upgrade: 'upgrade_on',
  dropped: 'dropped_on',
} as const;

/** Moves a lead from `from` to `to`, dated today, if it is still there at `version`; true when it was. */
export async function moveLead(
  trx: Transaction<DB>,
  id: number,
  version: number,
  from: LeadStage,
  to: keyof typeof STAGE_DATE,
): Promise<boolean> {
  const result = await trx
    .updateTable('attraction_leads')
    .set({
      stage: to,
      [STAGE_DATE[to]]: sql<string>`app_today()`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('stage', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Links a signed lead to the project it became, registered today; true when it was still signed and unlinked. */
export async function registerLead(trx: Transaction<DB>, id: number, version: number, projectId: number) {
  const result = await trx
    .updateTable('attraction_leads')
    .set({
      stage: 'registered',
      project_id: projectId,
      registered_on: sql<string>`app_today()`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('stage', '=', 'contract')
    .where('project_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
