/**
 * The Daqing demo as the statistics see it: one year's key-project list (2020 or 2021) as core `StatProject`s, so
 * that `computeFigures` gives the figures of the Daqing Daily report of 28 May 2021 (seed 000) and its year-on-year
 * comparison. The reporting date of the demo city is the 20th: January–April reports are cut off on the last day
 * of the month, May's on the 20th.
 */
import type { StatProject, StatReport } from '@keyprojects/core';
import type { DaqingDemo, DemoStartStatus } from './daqing.types.ts';

/** The months reported by 20 May. */
const MONTHS = [1, 2, 3, 4, 5] as const;

/** The statistical cut-off of a month in the demo city: the last day of the month, except May (the 20th). */
export function daqingCutoff(year: number, month: number): string {
  if (month === 5) return `${year}-05-20`;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The monthly reports January–May of one project's start status; startedOn is set from the month it started on. */
function reportsOf(status: DemoStartStatus): StatReport[] {
  const startMonth = status.startDate === null ? null : status.startDate.slice(0, 7);
  return MONTHS.map((month) => {
    const period = `${status.year}-${String(month).padStart(2, '0')}`;
    return {
      cutoff: daqingCutoff(status.year, month),
      completed: status.monthlyCompleted[month - 1] ?? 0n,
      startedOn: startMonth !== null && startMonth <= period ? status.startDate : null,
    };
  });
}

/**
 * The projects on `year`'s list (those with an annual plan that year): nature, plan and planned new start from the
 * annual plan; region, levels, category, industry, total investment, planned completion from the project;
 * completedOn its actual completion date (null if none); reports January–May from that year's start status.
 * `id` is the project's position in `demo.projects` + 1.
 */
export function daqingStatProjects(demo: DaqingDemo, year: 2020 | 2021): StatProject[] {
  const index = new Map(demo.projects.map((p, i) => [p.key, { project: p, id: i + 1 }]));
  const statuses = new Map(demo.startStatus.filter((s) => s.year === year).map((s) => [s.projectKey, s]));
  return demo.annualPlans
    .filter((plan) => plan.year === year)
    .map((plan) => {
      const entry = index.get(plan.projectKey);
      const status = statuses.get(plan.projectKey);
      if (!entry || !status) throw new Error(`no project or ${year} start status for ${plan.projectKey}`);
      const { project, id } = entry;
      return {
        id,
        regionCode: project.regionCode,
        levels: [...project.levels],
        category: project.category,
        industry: project.industry,
        nature: plan.nature,
        totalInvestment: project.totalInvestment,
        annualPlan: plan.plannedInvestment,
        plannedNewStart: plan.plannedNewStart,
        completedOn: project.actualCompletionDate,
        plannedCompletionDate: project.plannedCompletionDate,
        reports: reportsOf(status),
      };
    });
}
