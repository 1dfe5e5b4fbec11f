/**
 * Loads core StatProjects (the Chengdu 2019 fixture, the Daqing demo as statistics see it) into a database:
 * projects, their plan for the year, reporting periods and approved reports, and the year-progress rows —
 * so the SQL path can be compared with core's functions on exactly the same data.
 */
import type { Kysely } from 'kysely';
import type { StatProject } from '@keyprojects/core';
import type { DB } from '../src/db/schema.ts';
import { rebuildYearProgress } from '../src/modules/report/report.repository.ts';
import { creditCodeFor } from './factories.ts';

const CHUNK = 500;

/** Inserts the projects as the year's list; returns the database id of each StatProject id. */
export async function loadStatProjects(
  db: Kysely<DB>,
  projects: readonly StatProject[],
  year: number,
): Promise<Map<number, number>> {
  const owner = await db
    .insertInto('organizations')
    .values({
      kind: 'owner',
      name: `统计夹具业主${year}`,
      credit_code: creditCodeFor(900_000 + year),
      region_code: projects[0]?.regionCode ?? '110101',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = new Map<number, number>();
  for (let i = 0; i < projects.length; i += CHUNK) {
    const part = projects.slice(i, i + CHUNK);
    const rows = await db
      .insertInto('projects')
      .values(
        part.map((p) => ({
          code: `${String(year).slice(2)}01-${p.regionCode}-00-01-${String(p.id).padStart(6, '0')}`,
          name: `统计夹具项目${p.id}`,
          owner_org_id: owner.id,
          region_code: p.regionCode,
          levels: p.levels,
          category: p.category,
          industry: p.industry,
          nature: p.nature,
          total_investment: p.totalInvestment,
          stage: 'construction',
          tags: [],
          in_statistics: true,
          actual_completion_date: p.completedOn,
          planned_completion_date: p.plannedCompletionDate,
        })),
      )
      .returning('id')
      .execute();
    part.forEach((p, index) => ids.set(p.id, rows[index]?.id ?? -1));
    await db
      .insertInto('annual_plans')
      .values(
        part.map((p) => ({
          project_id: ids.get(p.id) ?? -1,
          year,
          planned_investment: p.annualPlan,
          nature: p.nature,
          planned_new_start: p.plannedNewStart,
        })),
      )
      .execute();
  }
  const cutoffs = new Map<number, string>();
  for (const p of projects) for (const r of p.reports) cutoffs.set(Number(r.cutoff.slice(5, 7)), r.cutoff);
  await db
    .insertInto('reporting_periods')
    .values([...cutoffs].map(([month, cutoff]) => ({ year, month, cutoff_date: cutoff, deadline: cutoff })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const reports = projects.flatMap((p) =>
    p.reports.map((r) => ({
      project_id: ids.get(p.id) ?? -1,
      year,
      month: Number(r.cutoff.slice(5, 7)),
      state: 'approved' as const,
      completed_this_month: r.completed,
      started: r.startedOn !== null,
      started_on: r.startedOn,
    })),
  );
  for (let i = 0; i < reports.length; i += CHUNK)
    await db
      .insertInto('monthly_reports')
      .values(reports.slice(i, i + CHUNK))
      .execute();
  await rebuildYearProgress(db, year);
  return ids;
}

const WAN = 1_000_000n;

/**
 * A continuing industry project with a 1200万元 plan (5000万元 in all), not started, completed or due in the year,
 * that completed `completedWan` 万元 in each month whose report cut-off is listed: the warning tests' subject.
 */
export function planProject(
  id: number,
  regionCode: string,
  cutoffs: readonly string[],
  completedWan: bigint,
): StatProject {
  return {
    id,
    regionCode,
    levels: [],
    category: 'industry',
    industry: null,
    nature: 'continuing',
    totalInvestment: 5000n * WAN,
    annualPlan: 1200n * WAN,
    plannedNewStart: false,
    completedOn: null,
    plannedCompletionDate: null,
    reports: cutoffs.map((cutoff) => ({ cutoff, completed: completedWan * WAN, startedOn: null })),
  };
}
