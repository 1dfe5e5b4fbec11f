/**
 * Loads the generated demo city into an empty database in one transaction: organisations, the demo
 * accounts, projects with their funding sources and annual plans, and a creation audit row per project.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DemoAccount } from '@keyprojects/core';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { declareActorRole } from '../modules/user/user.repository.ts';
import type { DaqingDemo } from './daqing.types.ts';
import { daqingCutoff } from './daqing.stats.ts';
import { defaultDeadline } from '../modules/report/period.repository.ts';
import { rebuildYearProgress } from '../modules/report/report.repository.ts';

export interface SeedResult {
  seeded: boolean;
  organizations: number;
  users: number;
  projects: number;
  annualPlans: number;
  reports: number;
}

/** The demo's accounts with their shared password, for the login page and the start-up banner. */
export function demoAccountsOf(demo: DaqingDemo): DemoAccount[] {
  return demo.users.map((u) => ({
    username: u.username,
    password: demo.password,
    role: u.role,
    displayName: u.displayName,
  }));
}

const CHUNK = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Seeds the demo unless the database already holds projects or users; says which it did. */
export async function seedDemo(db: Kysely<DB>, demo: DaqingDemo): Promise<SeedResult> {
  const existing = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0 || Number(users.n) > 0) {
    return { seeded: false, organizations: 0, users: 0, projects: Number(existing.n), annualPlans: 0, reports: 0 };
  }
  const hashes = await Promise.all(demo.users.map(() => hashPassword(demo.password)));

  return db.transaction().execute(async (trx) => {
    // The demo's administrator and city-wide accounts are the CLI's to create (三员分立 trigger, migration 2026120511).
    await declareActorRole(trx, 'cli');
    const orgIds = new Map<string, number>();
    for (const part of chunks(demo.organizations)) {
      const rows = await trx
        .insertInto('organizations')
        .values(part.map((o) => ({ kind: o.kind, name: o.name, credit_code: o.creditCode, region_code: o.regionCode })))
        .returning(['id', 'credit_code'])
        .execute();
      const byCode = new Map(rows.map((r) => [r.credit_code, r.id]));
      for (const o of part) orgIds.set(o.key, byCode.get(o.creditCode) ?? -1);
    }

    const userIds = new Map<string, number>();
    for (const [index, u] of demo.users.entries()) {
      const row = await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hashes[index] ?? '',
          role: u.role,
          region_code: u.regionCode,
          organization_id: u.organizationKey ? (orgIds.get(u.organizationKey) ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(u.key, row.id);
    }

    const projectIds = new Map<string, number>();
    for (const part of chunks(demo.projects)) {
      const rows = await trx
        .insertInto('projects')
        .values(
          part.map((p) => ({
            code: p.code,
            name: p.name,
            owner_org_id: orgIds.get(p.ownerKey) ?? -1,
            region_code: p.regionCode,
            levels: p.levels,
            category: p.category,
            industry: p.industry,
            nature: p.nature,
            construction_content: p.constructionContent,
            address: p.address,
            longitude: p.longitude.toFixed(6),
            latitude: p.latitude.toFixed(6),
            total_investment: p.totalInvestment,
            planned_start_date: p.plannedStartDate,
            planned_completion_date: p.plannedCompletionDate,
            planned_production_date: p.plannedProductionDate,
            actual_start_date: p.actualStartDate,
            actual_completion_date: p.actualCompletionDate,
            actual_production_date: p.actualProductionDate,
            stage: p.stage,
            financing_model: p.financingModel,
            service_officer_id: p.serviceOfficerKey ? (userIds.get(p.serviceOfficerKey) ?? null) : null,
            responsible_leader: p.responsibleLeader,
            contact_person: p.contactPerson,
            contact_phone: p.contactPhone,
            tags: p.tags,
            in_statistics: p.inStatistics,
            in_statistics_since: p.inStatisticsSince,
            // The demo's key-project list is taken as published at the start of its year: the projects entered it
            // then, and the lifecycle trigger dates a not-yet-started project's first transition on that day.
            created_at: `${demo.asOf.slice(0, 4)}-01-01T09:00:00+08:00`,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      const byCode = new Map(rows.map((r) => [r.code, r.id]));
      for (const p of part) projectIds.set(p.key, byCode.get(p.code) ?? -1);
    }

    const funding = demo.projects.flatMap((p) =>
      p.fundingSources.map((f) => ({
        project_id: projectIds.get(p.key) ?? -1,
        kind: f.kind,
        applied: f.applied,
        approved: f.approved,
        issued: f.issued,
      })),
    );
    for (const part of chunks(funding)) await trx.insertInto('project_funding_sources').values(part).execute();

    const plans = demo.annualPlans.map((a) => ({
      project_id: projectIds.get(a.projectKey) ?? -1,
      year: a.year,
      planned_investment: a.plannedInvestment,
      nature: a.nature,
      planned_new_start: a.plannedNewStart,
    }));
    for (const part of chunks(plans)) await trx.insertInto('annual_plans').values(part).execute();

    const audit = demo.projects.map((p) => ({
      actor_username: 'system:demo',
      entity_type: 'project',
      entity_id: String(projectIds.get(p.key)),
      action: 'create',
      region_code: p.regionCode,
      before: null,
      after: JSON.stringify({ code: p.code, name: p.name, source: '演示数据' }),
    }));
    for (const part of chunks(audit)) await trx.insertInto('audit_log').values(part).execute();

    const reports = await seedReports(trx, demo, projectIds);
    return {
      seeded: true,
      organizations: orgIds.size,
      users: userIds.size,
      projects: projectIds.size,
      annualPlans: plans.length,
      reports,
    };
  });
}

/**
 * The demo's monthly reports, January to May of 2020 and 2021 (May up to the 20th): reviewed and, where the
 * deadline has passed by the demo date, locked; then every project's year-to-date progress row.
 */
async function seedReports(trx: Transaction<DB>, demo: DaqingDemo, projectIds: Map<string, number>): Promise<number> {
  const periods = [2020, 2021].flatMap((year) =>
    [1, 2, 3, 4, 5].map((month) => {
      const deadline = defaultDeadline(year, month, 5);
      return { year, month, cutoff_date: daqingCutoff(year, month), deadline, locked: deadline < demo.asOf };
    }),
  );
  await trx
    .insertInto('reporting_periods')
    .values(periods.map(({ locked, ...p }) => ({ ...p, locked_at: locked ? new Date() : null })))
    .execute();
  const lockedPeriods = new Set(periods.filter((p) => p.locked).map((p) => `${p.year}-${p.month}`));
  const rows = demo.startStatus.flatMap((status) =>
    status.monthlyCompleted.flatMap((completed, index) => {
      const month = index + 1;
      const cutoff = daqingCutoff(status.year, month);
      const startedOn = status.startDate !== null && status.startDate <= cutoff ? status.startDate : null;
      // A project that had neither started nor spent anything by then had nothing to report that month.
      if (completed === 0n && startedOn === null) return [];
      return [
        {
          project_id: projectIds.get(status.projectKey) ?? -1,
          year: status.year,
          month,
          state: lockedPeriods.has(`${status.year}-${month}`) ? ('locked' as const) : ('approved' as const),
          completed_this_month: completed,
          started: startedOn !== null,
          started_on: startedOn,
          progress_text: startedOn === null ? '前期手续办理中' : '按计划推进',
        },
      ];
    }),
  );
  for (const part of chunks(rows)) await trx.insertInto('monthly_reports').values(part).execute();
  for (const year of [2020, 2021]) await rebuildYearProgress(trx, year);
  // A bulk load leaves the planner's statistics stale (PGlite has no autovacuum).
  await sql`analyze`.execute(trx);
  return rows.length;
}
