/**
 * Kysely access to funding events (issue #13 item 3): a visible project's funding row, an event's insert with the
 * current totals (project_funding_sources) moved by the same amount in one statement, a project's history, and the
 * funding lines (one per project and kind, summed as of a date) of the projects an actor sees.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { FUNDING_EVENT_KINDS, regionPrefix, type FundingEventInput, type FundingStep } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The project if the actor sees it: its id and region (for the audit row). */
export function visibleProject(db: Db, actor: ScopeActor, projectId: number) {
  return scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .select(['projects.id', 'projects.region_code as regionCode'])
    .executeTakeFirst();
}

/**
 * Records an event and adds its amount to the project's current totals of that kind in the same transaction. The
 * totals move by an atomic increment (no read-then-write), so two events entered at once both count.
 */
export async function insertEvent(
  trx: Transaction<DB>,
  projectId: number,
  input: FundingEventInput,
  enteredBy: number | null,
): Promise<number> {
  const { id } = await trx
    .insertInto('funding_events')
    .values({
      project_id: projectId,
      kind: input.kind,
      step: input.step,
      amount: input.amount,
      occurred_on: input.occurredOn,
      note: input.note,
      entered_by: enteredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const column: FundingStep = input.step;
  await trx
    .insertInto('project_funding_sources')
    .values({ project_id: projectId, kind: input.kind, applied: 0n, approved: 0n, issued: 0n, [column]: input.amount })
    .onConflict((oc) =>
      oc.columns(['project_id', 'kind']).doUpdateSet({
        [column]: sql<bigint>`project_funding_sources.${sql.ref(column)} + excluded.${sql.ref(column)}`,
      }),
    )
    .execute();
  return id;
}

/** Who changed totals written whole (not as an event) and where the change came from, for the events recorded. */
export interface TotalsChange {
  enteredBy: number | null;
  note: string;
}

/**
 * Records, for each of the projects, the difference between its current totals (project_funding_sources, just
 * written whole by the project form or an import) and the sum of its events, as one event per kind and step dated
 * the application's date (app_today()). A raised total is a positive event, a lowered one a negative event (a
 * correction); an unchanged one records nothing. One statement for any number of projects (bulk imports), in the
 * caller's transaction, so the totals and the history never disagree.
 */
export async function recordTotalsDifferences(
  trx: Transaction<DB>,
  projectIds: readonly number[],
  change: TotalsChange,
) {
  if (projectIds.length === 0) return;
  const ids = sql`${[...projectIds]}::int[]`;
  const kinds = sql`${[...FUNDING_EVENT_KINDS]}::text[]`;
  await sql`
    insert into funding_events (project_id, kind, step, amount, occurred_on, note, entered_by)
    select coalesce(t.project_id, e.project_id), coalesce(t.kind, e.kind), coalesce(t.step, e.step),
      coalesce(t.amount, 0) - coalesce(e.amount, 0), app_today(), ${change.note}, ${change.enteredBy}
    from (
      select f.project_id, f.kind, s.step, s.amount
      from project_funding_sources f
      cross join lateral (values ('applied', f.applied), ('approved', f.approved), ('issued', f.issued)) s (step, amount)
      where f.project_id = any(${ids}) and f.kind = any(${kinds})
    ) t
    full join (
      select project_id, kind, step, sum(amount) as amount
      from funding_events where project_id = any(${ids})
      group by project_id, kind, step
    ) e on e.project_id = t.project_id and e.kind = t.kind and e.step = t.step
    where coalesce(t.amount, 0) <> coalesce(e.amount, 0)`.execute(trx);
}

/** A project's current totals by kind. */
export function fundingTotals(db: Db, projectId: number) {
  return db
    .selectFrom('project_funding_sources')
    .where('project_id', '=', projectId)
    .select(['kind', 'applied', 'approved', 'issued'])
    .orderBy('kind')
    .execute();
}

/** A project's events, newest first, with the display name of who entered each. */
export function fundingEvents(db: Db, projectId: number) {
  return db
    .selectFrom('funding_events as e')
    .leftJoin('users as u', 'u.id', 'e.entered_by')
    .where('e.project_id', '=', projectId)
    .select([
      'e.id',
      'e.kind',
      'e.step',
      'e.amount',
      sql<string>`e.occurred_on::text`.as('occurredOn'),
      'e.note',
      'u.display_name as enteredBy',
    ])
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}
export type FundingEventRow = Awaited<ReturnType<typeof fundingEvents>>[number];

/** The funding lines of the visible projects as of a date: events summed per project and kind. */
export function fundingLines(
  db: Db,
  actor: ScopeActor,
  filter: { asOf: string; regionCode?: string | undefined; kind?: string | undefined },
) {
  return scopedProjects(db, actor)
    .innerJoin('funding_events as e', 'e.project_id', 'projects.id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .where('e.occurred_on', '<=', filter.asOf)
    .$if(filter.regionCode !== undefined, (qb) =>
      qb.where('projects.region_code', 'like', `${regionPrefix(filter.regionCode ?? '')}%`),
    )
    .$if(filter.kind !== undefined, (qb) => qb.where('e.kind', '=', filter.kind ?? ''))
    .groupBy(['projects.id', 'e.kind', 'r.name'])
    .select([
      'projects.id as projectId',
      'projects.code',
      'projects.name',
      'projects.region_code as regionCode',
      'r.name as regionName',
      'projects.total_investment as totalInvestment',
      'e.kind',
      sql<string>`coalesce(sum(e.amount) filter (where e.step = 'applied'), 0)`.as('applied'),
      sql<string>`coalesce(sum(e.amount) filter (where e.step = 'approved'), 0)`.as('approved'),
      sql<string>`coalesce(sum(e.amount) filter (where e.step = 'issued'), 0)`.as('issued'),
      sql<string>`max(e.occurred_on)::text`.as('lastOn'),
    ])
    .orderBy('projects.code')
    .orderBy('e.kind')
    .execute();
}
export type FundingLineRow = Awaited<ReturnType<typeof fundingLines>>[number];

/** The application's date as the database has it (app_today()), for callers without a clock (the export). */
export async function appToday(db: Db): Promise<string> {
  const { today } = await sql<{ today: string }>`select app_today()::text as today`.execute(db).then((r) => {
    const row = r.rows[0];
    if (!row) throw new Error('app_today() answered nothing');
    return row;
  });
  return today;
}
