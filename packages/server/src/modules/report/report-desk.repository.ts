/**
 * Kysely access for the review desk beyond its list: the reports a batch decision applies to, the per-region filing
 * progress (the SQL form of core's `filingProgress`, tested to agree with it), the owners that have not filed, and
 * the reminders sent to them. Every read starts from the desk's own list (`reportListBase`), so the panel, the
 * batch and the reminders see exactly the projects the desk shows, within the actor's scope.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  APPROVED_REPORT_STATES,
  CONFIRMED_REPORT_STATES,
  FILED_REPORT_STATES,
  type FilingCounts,
  type FilingRow,
  type ReportListState,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';
import { reportListBase, reportStateExpr } from './report-list.repository.ts';

/** A period of the desk, narrowed like its list (region and text). */
export interface DeskSelection {
  year: number;
  month: number;
  regionCode?: string | undefined;
  q?: string | undefined;
}

const deskBase = (db: Kysely<DB>, actor: Actor, selection: DeskSelection) =>
  reportListBase(db, actor, { ...selection, page: 1, pageSize: 1 });

const inStates = (states: readonly ReportListState[]) => sql<boolean>`${reportStateExpr} in (${sql.join([...states])})`;
const FILED = inStates(FILED_REPORT_STATES);

/** The projects of the desk's filter whose report is in `state`, by id, at most `limit` (a batch's targets). */
export async function batchTargets(
  db: Kysely<DB>,
  actor: Actor,
  selection: DeskSelection,
  state: ReportListState,
  limit: number,
): Promise<number[]> {
  const rows = await deskBase(db, actor, selection)
    .where(reportStateExpr, '=', state)
    .select('projects.id')
    .orderBy('projects.id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The names of those of `ids` the actor may see (a batch's answer names no project outside the actor's scope). */
export async function visibleProjectNames(db: Kysely<DB>, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await scopedProjects(db, actor)
    .where('projects.id', 'in', [...ids])
    .select(['projects.id', 'projects.name'])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every project of the desk's period with what the progress rule needs (core `filingProgress` takes these rows). */
export async function filingRows(db: Kysely<DB>, actor: Actor, selection: DeskSelection): Promise<FilingRow[]> {
  const rows = await deskBase(db, actor, selection)
    .select([
      'projects.region_code as regionCode',
      reportStateExpr.as('state'),
      sql<string | null>`to_char(mr.submitted_at, 'YYYY-MM-DD')`.as('submittedOn'),
      sql<boolean>`mr.confirmed_at is not null`.as('confirmed'),
    ])
    .orderBy('projects.id')
    .execute();
  return rows.map((row) => ({ ...row, state: row.state as ReportListState }));
}

/** The progress panel's figures per region of the actor's scope, counted in SQL (for the whole city at once). */
export async function filingCounts(
  db: Kysely<DB>,
  actor: Actor,
  selection: DeskSelection,
  dates: { deadline: string; today: string },
): Promise<(FilingCounts & { regionCode: string; regionName: string })[]> {
  const n = (condition: ReturnType<typeof sql<boolean>>) => sql<string>`count(*) filter (where ${condition})`;
  const rows = await deskBase(db, actor, selection)
    .select([
      'r.code as regionCode',
      'r.name as regionName',
      sql<string>`count(*)`.as('expected'),
      n(FILED).as('filed'),
      n(inStates(APPROVED_REPORT_STATES)).as('approved'),
      n(sql<boolean>`${inStates(CONFIRMED_REPORT_STATES)} and mr.confirmed_at is not null`).as('confirmed'),
      n(sql<boolean>`not (${FILED})`).as('missing'),
      n(
        sql<boolean>`${FILED} and least(to_char(mr.submitted_at, 'YYYY-MM-DD'), ${dates.today}::text) > ${dates.deadline}`,
      ).as('late'),
    ])
    .groupBy(['r.code', 'r.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((row) => ({
    regionCode: row.regionCode,
    regionName: row.regionName,
    expected: Number(row.expected),
    filed: Number(row.filed),
    approved: Number(row.approved),
    confirmed: Number(row.confirmed),
    missing: Number(row.missing),
    late: Number(row.late),
  }));
}

/** The owners with projects on the desk's period that have not filed, with how many such projects each has. */
export async function unfiledOwners(db: Kysely<DB>, actor: Actor, selection: DeskSelection) {
  const rows = await deskBase(db, actor, selection)
    .where(sql<boolean>`not (${FILED})`)
    .select(['o.id as ownerOrgId', 'o.name as ownerName', sql<string>`count(*)`.as('projects')])
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.id')
    .execute();
  return rows.map((row) => ({ ...row, projects: Number(row.projects) }));
}

/**
 * Records today's reminder of each owner for the period unless one exists (the key is owner, period and day):
 * returns the owners claimed now. A racing request waits on the key and claims nothing, so each owner is reminded
 * once a day.
 */
export async function claimReminders(
  trx: Transaction<DB>,
  reminders: readonly { ownerOrgId: number; projects: number }[],
  period: { year: number; month: number; sentOn: string; sentBy: number; regionCode: string | null },
): Promise<number[]> {
  if (reminders.length === 0) return [];
  const rows = await trx
    .insertInto('report_reminders')
    .values(
      reminders.map((r) => ({
        owner_org_id: r.ownerOrgId,
        projects: r.projects,
        year: period.year,
        month: period.month,
        sent_on: period.sentOn,
        sent_by: period.sentBy,
        region_code: period.regionCode,
      })),
    )
    .onConflict((oc) => oc.columns(['owner_org_id', 'year', 'month', 'sent_on']).doNothing())
    .returning('owner_org_id')
    .execute();
  return rows.map((row) => row.owner_org_id);
}
