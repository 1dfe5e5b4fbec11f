/**
 * Reporting periods: created on first use with the default cut-off (the month's last day) and deadline
 * (a configurable day of the next month); the city may change both. A period locks once its deadline passes.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first day of a month as YYYY-MM-DD. */
export const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;

/** The default deadline: `day` of the following month. */
export function defaultDeadline(year: number, month: number, day: number): string {
  return month === 12 ? `${year + 1}-01-${pad(day)}` : `${year}-${pad(month + 1)}-${pad(day)}`;
}

export async function findPeriod(db: Db, year: number, month: number) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('year', '=', year)
    .where('month', '=', month)
    .executeTakeFirst();
}

/**
 * The period, read FOR SHARE: a report change holds it until it commits, so the locking job (which updates the
 * period first) waits for changes in flight and no change slips into a period as it locks.
 */
export async function sharePeriod(trx: Transaction<DB>, year: number, month: number) {
  return trx
    .selectFrom('reporting_periods')
    .selectAll()
    .where('year', '=', year)
    .where('month', '=', month)
    .forShare()
    .executeTakeFirst();
}

/** The period, created with the defaults when it does not exist yet. */
export async function ensurePeriod(db: Db, year: number, month: number, deadlineDay: number) {
  await db
    .insertInto('reporting_periods')
    .values({ year, month, cutoff_date: monthEnd(year, month), deadline: defaultDeadline(year, month, deadlineDay) })
    .onConflict((oc) => oc.columns(['year', 'month']).doNothing())
    .execute();
  const period = await findPeriod(db, year, month);
  if (!period) throw new Error(`period ${year}-${month} vanished`);
  return period;
}

/** Sets a period's cut-off and deadline (creating it if needed). */
export async function upsertPeriod(db: Db, year: number, month: number, cutoff: string, deadline: string) {
  await db
    .insertInto('reporting_periods')
    .values({ year, month, cutoff_date: cutoff, deadline })
    .onConflict((oc) => oc.columns(['year', 'month']).doUpdateSet({ cutoff_date: cutoff, deadline }))
    .execute();
}

export async function listPeriods(db: Db, year: number) {
  return db.selectFrom('reporting_periods').selectAll().where('year', '=', year).orderBy('month').execute();
}

/**
 * Locks every unlocked period whose deadline is before `today`; reviewed reports in them become 'locked'.
 * Returns the periods locked now.
 */
export async function lockDuePeriods(db: Kysely<DB>, today: string): Promise<{ year: number; month: number }[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .updateTable('reporting_periods')
      .set({ locked_at: sql<Date>`now()` })
      .where('locked_at', 'is', null)
      .where('deadline', '<', today)
      .returning(['year', 'month'])
      .execute();
    for (const period of due) {
      await trx
        .updateTable('monthly_reports')
        // A new version, so that a review read before the lock cannot land on the locked report.
        .set({ state: 'locked', version: sql<number>`version + 1` })
        .where('year', '=', period.year)
        .where('month', '=', period.month)
        .where('state', 'in', ['approved', 'confirmed'])
        .execute();
      // A lock is a security event (later changes need a correction with a reason): recorded with the lock.
      await recordAudit(trx, null, {
        entityType: 'period',
        entityId: `${period.year}-${String(period.month).padStart(2, '0')}`,
        action: 'lock',
        after: { today },
      });
    }
    return due;
  });
}
