/**
 * The review desk's filing progress and reminders. Progress: per region of the reviewer's scope and in total, how
 * many projects of the period's list were expected, filed, approved, confirmed, are missing, and were filed late
 * (core `filingProgress` is the rule; the SQL counts are tested against it). Reminders: the owners that have not
 * filed get one inbox notice (and its SMS/e-mail outbox rows) per account, at most once per owner, period and
 * application day; the request says how many were sent and skipped, and writes one audit row.
 */
import {
  message,
  sumFilingCounts,
  type FilingProgressOutput,
  type FilingProgressQuery,
  type ReportReminderInput,
  type ReportReminderResult,
} from '@keyprojects/core';
import { regionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { notify, usersOfOrganizations } from '../notification/notification.repository.ts';
import { claimReminders, filingCounts, unfiledOwners } from './report-desk.repository.ts';
import { defaultDeadline, findPeriod, monthStart } from './period.repository.ts';
import type { ReportDeps } from './report.service.ts';

function checkRegion(actor: Actor, regionCode: string | undefined) {
  if (regionCode !== undefined && !regionInScope(actor, regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** The period's deadline: as set, or the default one a period gets when first used. */
async function deadlineOf(deps: ReportDeps, year: number, month: number): Promise<string> {
  const period = await findPeriod(deps.db, year, month);
  return period?.deadline ?? defaultDeadline(year, month, deps.deadlineDay);
}

/** GET /reports/progress: the period's filing progress per region of the actor's scope, and the total. */
export async function filingProgressOf(
  deps: ReportDeps,
  actor: Actor,
  query: FilingProgressQuery,
): Promise<FilingProgressOutput> {
  requirePermission(actor, 'report.read');
  checkRegion(actor, query.regionCode);
  const deadline = await deadlineOf(deps, query.year, query.month);
  const regions = await filingCounts(deps.db, actor, query, { deadline, today: deps.today() });
  return {
    year: query.year,
    month: query.month,
    deadline,
    deadlinePassed: deps.today() > deadline,
    regions,
    total: sumFilingCounts(regions),
  };
}

/** POST /reports/reminders: reminds each owner with unfiled projects of the period, once a day. */
export async function remindUnfiled(
  deps: ReportDeps,
  actor: Actor,
  input: ReportReminderInput,
): Promise<ReportReminderResult> {
  requirePermission(actor, 'report.review');
  checkRegion(actor, input.regionCode);
  const today = deps.today();
  if (monthStart(input.year, input.month) > today) throw errors.invalidField('month', 'report.futurePeriod');
  const [owners, deadline] = await Promise.all([
    unfiledOwners(deps.db, actor, input),
    deadlineOf(deps, input.year, input.month),
  ]);
  const period = `${input.year}-${String(input.month).padStart(2, '0')}`;
  return deps.db.transaction().execute(async (trx) => {
    const accounts = await usersOfOrganizations(
      trx,
      owners.map((owner) => owner.ownerOrgId),
    );
    const reachable = owners.filter((owner) => (accounts.get(owner.ownerOrgId) ?? []).length > 0);
    const claimed = new Set(
      await claimReminders(trx, reachable, {
        year: input.year,
        month: input.month,
        sentOn: today,
        sentBy: actor.id,
        regionCode: input.regionCode ?? null,
      }),
    );
    let notices = 0;
    const periodText = `${input.year}年${input.month}月`;
    for (const owner of reachable.filter((o) => claimed.has(o.ownerOrgId))) {
      notices += await notify(trx, accounts.get(owner.ownerOrgId) ?? [], {
        kind: 'report_reminder',
        title: message('report.reminderTitle', 'zh', { period: periodText }),
        body: message('report.reminderBody', 'zh', {
          owner: owner.ownerName,
          period: periodText,
          count: owner.projects,
          deadline,
        }),
        link: `/reports/file?year=${input.year}&month=${input.month}`,
        entityType: 'period',
        entityId: period,
        createdOn: today,
      });
    }
    const result = {
      owners: owners.length,
      sent: claimed.size,
      skipped: reachable.length - claimed.size,
      noAccount: owners.length - reachable.length,
      notices,
    };
    await recordAudit(trx, actor, {
      entityType: 'period',
      entityId: period,
      action: 'remind',
      regionCode: input.regionCode ?? actor.regionCode,
      after: { ...result, remindedOwners: [...claimed] },
    });
    return result;
  });
}
