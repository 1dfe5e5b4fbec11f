/**
 * The statistics as the API shows them: core's Figures with money in 万元 decimal strings, and the drill row of a
 * project, which starts from the project presenter (the project as the API shows it) and adds the year's progress.
 */
import {
  formatWan,
  type DrillProjectOutput,
  type Figures,
  type FiguresDiff,
  type FiguresDiffOutput,
  type FiguresOutput,
  type ProjectOutput,
} from '@keyprojects/core';

/** Figures as JSON: money in 万元 decimal strings. */
export function figuresJson(figures: Figures): FiguresOutput {
  return {
    ...figures,
    totalInvestment: formatWan(figures.totalInvestment),
    annualPlan: formatWan(figures.annualPlan),
    completedYtd: formatWan(figures.completedYtd),
    completedInProduction: {
      count: figures.completedInProduction.count,
      totalInvestment: formatWan(figures.completedInProduction.totalInvestment),
    },
    expectedCompletionByYearEnd: {
      count: figures.expectedCompletionByYearEnd.count,
      totalInvestment: formatWan(figures.expectedCompletionByYearEnd.totalInvestment),
    },
  };
}

/** Year-on-year differences as JSON: money in 万元 decimal strings, rates in percentage points. */
export function diffJson(diff: FiguresDiff): FiguresDiffOutput {
  return {
    ...diff,
    totalInvestment: formatWan(diff.totalInvestment),
    annualPlan: formatWan(diff.annualPlan),
    completedYtd: formatWan(diff.completedYtd),
  };
}

/** What the statistics add to a project in a drill list: its progress of the year as of the date. */
export interface DrillProgress {
  /** Completed investment of the year's counted months, fen. */
  completed: bigint;
  startedOn: string | null;
}

/**
 * A project in a drill list: the presenter's name, code, region and amounts (the plan of the statistics' year),
 * beside the year's completions and start as the figures count them.
 */
export function drillRow(project: ProjectOutput, year: number, progress: DrillProgress): DrillProjectOutput {
  return {
    id: project.id,
    name: project.name,
    code: project.code,
    regionName: project.regionName,
    totalInvestment: project.totalInvestment,
    annualPlan: project.annualPlans.find((plan) => plan.year === year)?.plannedInvestment ?? formatWan(0n),
    completedYtd: formatWan(progress.completed),
    startedOn: progress.startedOn,
  };
}
