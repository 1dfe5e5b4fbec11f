/**
 * Reporting periods as the API offers them: anyone who reads reports sees a year's periods; the city sets a
 * period's cut-off (inside its month) and deadline, audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { PeriodInput, PeriodList, PeriodParams } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { listPeriods, upsertPeriod } from './period.repository.ts';
import { toReportingPeriod } from './report.presenter.ts';

/** The periods of a year, by month. */
export async function periodsOfYear(db: Kysely<DB>, actor: Actor, year: number): Promise<PeriodList> {
  requirePermission(actor, 'report.read');
  return { items: (await listPeriods(db, year)).map(toReportingPeriod) };
}

/** Sets a period's cut-off (a day of the period's month) and deadline, creating the period if needed. */
export async function setPeriod(db: Kysely<DB>, actor: Actor, period: PeriodParams, input: PeriodInput) {
  requirePermission(actor, 'period.manage');
  const { year, month } = period;
  if (!input.cutoffDate.startsWith(`${year}-${String(month).padStart(2, '0')}`)) {
    throw errors.invalidField('cutoffDate', 'date.invalid');
  }
  await db.transaction().execute(async (trx) => {
    await upsertPeriod(trx, year, month, input.cutoffDate, input.deadline);
    await recordAudit(trx, actor, {
      entityType: 'period',
      entityId: `${year}-${month}`,
      action: 'update',
      after: input,
    });
  });
}
