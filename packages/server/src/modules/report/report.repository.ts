/** Kysely access to monthly reports, their corrections and photos, and the year-to-date progress rows. */
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import { COUNTED_REPORT_STATES, type ReportState } from '@keyprojects/core';
import type { DB, MonthlyReportTable } from '../../db/schema.ts';
import { visibleProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function findReport(db: Db, projectId: number, year: number, month: number) {
  return db
    .selectFrom('monthly_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** The state and version a report change was decided on. */
export interface ExpectedReport {
  id: number;
  state: ReportState;
  version: number;
}

/**
 * Writes a report change only if the report is still in the state and version it was read in (one conditional
 * UPDATE, which PostgreSQL re-checks after waiting for a concurrent writer): of two racing decisions exactly one
 * finds its row. False when another request changed the report first.
 */
export async function updateReportIf(
  trx: Transaction<DB>,
  expected: ExpectedReport,
  change: Updateable<MonthlyReportTable>,
): Promise<boolean> {
  const row = await trx
    .updateTable('monthly_reports')
    .set({ ...change, version: expected.version + 1, updated_at: new Date() })
    .where('id', '=', expected.id)
    .where('state', '=', expected.state)
    .where('version', '=', expected.version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a project's first report of a period unless another request just did (the unique project/period key
 * decides; the loser waits for the winner and finds its row): the new id, or null when it lost.
 */
export async function insertReportIfAbsent(
  trx: Transaction<DB>,
  values: Insertable<MonthlyReportTable>,
): Promise<number | null> {
  const row = await trx
    .insertInto('monthly_reports')
    .values(values)
    .onConflict((oc) => oc.columns(['project_id', 'year', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The project's monthly amounts of a year, by month (every state: a draft still has to keep the year-to-date ≥ 0). */
export async function monthlyAmounts(db: Db, projectId: number, year: number): Promise<Map<number, bigint>> {
  const rows = await db
    .selectFrom('monthly_reports')
    .select(['month', 'completed_this_month'])
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.month, r.completed_this_month]));
}

/**
 * Counted completions: this year up to and including `month`, and since the project began. Summed as NUMERIC (years
 * of valid amounts can exceed a bigint) and made exact bigint in JS.
 */
export async function completedTotals(db: Db, projectId: number, year: number, month: number) {
  const row = await db
    .selectFrom('monthly_reports')
    .select([
      sql<string>`coalesce(sum(completed_this_month) filter (where year = ${year} and month <= ${month}), 0)`.as('ytd'),
      sql<string>`coalesce(sum(completed_this_month) filter (where year < ${year} or (year = ${year} and month <= ${month})), 0)`.as(
        'sinceStart',
      ),
    ])
    .where('project_id', '=', projectId)
    .where('state', 'in', COUNTED_REPORT_STATES)
    .executeTakeFirstOrThrow();
  return { ytd: BigInt(row.ytd), sinceStart: BigInt(row.sinceStart) };
}

/**
 * Recomputes a project's year-to-date row from its counted reports; called in the transaction of every change
 * that can alter a counted report, so the dashboard's fast path is always current.
 */
export async function refreshYearProgress(trx: Transaction<DB>, projectId: number, year: number): Promise<void> {
  await trx.deleteFrom('project_year_progress').where('project_id', '=', projectId).where('year', '=', year).execute();
  await insertYearProgress(trx, year, projectId);
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Per month 1–12, the counted completions of that month (zero when none). */
const MONTHLY_ARRAY = sql.raw(
  `array[${MONTHS.map((m) => `coalesce(sum(r.completed_this_month) filter (where r.month = ${m}), 0)`).join(', ')}]::bigint[]`,
);
/** Per month k, the earliest start date reported in months 1..k. */
const STARTED_BY_MONTH = sql.raw(
  `array[${MONTHS.map((m) => `min(r.started_on) filter (where r.started and r.month <= ${m})`).join(', ')}]::date[]`,
);

/**
 * Inserts the year-progress rows of `year` from the counted reports: of one project, or of all. A row another
 * transaction wrote meanwhile (a change to another month of the same project) is overwritten with this statement's
 * figures, which see that transaction's committed reports, instead of failing on the primary key.
 */
async function insertYearProgress(db: Db, year: number, projectId?: number): Promise<void> {
  const oneProject = projectId === undefined ? sql`` : sql`and r.project_id = ${projectId}`;
  await sql`
    insert into project_year_progress
      (project_id, year, latest_cutoff, completed_ytd, started_on, monthly_completed, started_by_month)
    select r.project_id, r.year, max(rp.cutoff_date), sum(r.completed_this_month),
      min(r.started_on) filter (where r.started), ${MONTHLY_ARRAY}, ${STARTED_BY_MONTH}
    from monthly_reports r join reporting_periods rp on rp.year = r.year and rp.month = r.month
    where r.year = ${year} and r.state in (${sql.join([...COUNTED_REPORT_STATES])}) ${oneProject}
    group by r.project_id, r.year
    on conflict (project_id, year) do update set latest_cutoff = excluded.latest_cutoff,
      completed_ytd = excluded.completed_ytd, started_on = excluded.started_on,
      monthly_completed = excluded.monthly_completed, started_by_month = excluded.started_by_month`.execute(db);
}

export async function photosOf(db: Db, reportId: number) {
  return db
    .selectFrom('report_photos')
    .select(['id', 'file_name as fileName', 'mime_type as mimeType', 'size_bytes as sizeBytes'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

/** The corrections of a report, oldest first, with who made them (the presenter words them). */
export async function correctionsOf(db: Db, reportId: number) {
  return db
    .selectFrom('report_corrections as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.at', 'u.display_name as userName', 'c.reason', 'c.before', 'c.after'])
    .where('c.report_id', '=', reportId)
    .orderBy('c.id')
    .execute();
}

/** Rebuilds every project's year-progress row of `year` from the counted reports (after a bulk load). */
export async function rebuildYearProgress(db: Db, year: number): Promise<void> {
  await db.deleteFrom('project_year_progress').where('year', '=', year).execute();
  await insertYearProgress(db, year);
}

/** The project's planned investment of a year (fen), or undefined when it has no plan that year. */
export async function annualPlanOf(db: Db, projectId: number, year: number): Promise<bigint | undefined> {
  const plan = await db
    .selectFrom('annual_plans')
    .select('planned_investment')
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .executeTakeFirst();
  return plan?.planned_investment;
}

/** Keeps a correction of a locked period's report beside the original: who, why, the figures before and after. */
export async function insertCorrection(
  trx: Transaction<DB>,
  correction: { reportId: number; userId: number; reason: string; before: unknown; after: unknown },
): Promise<void> {
  await trx
    .insertInto('report_corrections')
    .values({
      report_id: correction.reportId,
      user_id: correction.userId,
      reason: correction.reason,
      before: JSON.stringify(correction.before),
      after: JSON.stringify(correction.after),
    })
    .execute();
}

/** Stores a site photo of a report; the photo as the API shows it (without its bytes). */
export async function insertPhoto(
  trx: Transaction<DB>,
  photo: { reportId: number; fileName: string; mimeType: string; data: Buffer; createdBy: number },
) {
  return trx
    .insertInto('report_photos')
    .values({
      report_id: photo.reportId,
      file_name: photo.fileName,
      mime_type: photo.mimeType,
      size_bytes: photo.data.length,
      data: photo.data,
      created_by: photo.createdBy,
    })
    .returning(['id', 'file_name as fileName', 'mime_type as mimeType', 'size_bytes as sizeBytes'])
    .executeTakeFirstOrThrow();
}

/** A photo's bytes and type, when its project is visible to the actor. */
export async function findVisiblePhoto(db: Db, actor: ScopeActor, photoId: number) {
  return db
    .selectFrom('report_photos as ph')
    .innerJoin('monthly_reports as mr', 'mr.id', 'ph.report_id')
    .innerJoin('projects', 'projects.id', 'mr.project_id')
    .where(visibleProjects(actor))
    .where('ph.id', '=', photoId)
    .select(['ph.data', 'ph.mime_type as mimeType', 'ph.file_name as fileName'])
    .executeTakeFirst();
}
