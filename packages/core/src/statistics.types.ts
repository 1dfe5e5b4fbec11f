/**
 * Inputs and outputs of the statistics leaders quote (DOMAIN.md "Monthly reporting and the figures everybody
 * quotes"). The formulas live once, in statistics.ts; the server's SQL path must give the same answers.
 */
import type { IndustrySection, ProjectCategory, ProjectLevel, ProjectNature } from './codelists.ts';
import type { Fen } from './money.ts';

/** One monthly report as the statistics see it: the latest counted version of a project's report for a period. */
export interface StatReport {
  /** The period's statistical cut-off date (截止日期), e.g. '2021-05-20' for May 2021 in the demo city. */
  cutoff: string;
  /** Investment completed in that period. */
  completed: Fen;
  /** The date the project started (new) or resumed (continuing) this year, as reported; null if not yet. */
  startedOn: string | null;
}

/** A project on a year's key-project list, with its plan for that year and its counted reports of that year. */
export interface StatProject {
  id: number;
  /** County-level GB/T 2260 code. */
  regionCode: string;
  levels: ProjectLevel[];
  category: ProjectCategory;
  industry: IndustrySection | null;
  /** Nature on that year's list. */
  nature: ProjectNature;
  totalInvestment: Fen;
  annualPlan: Fen;
  /** A new project the plan expects to start this year (the denominator of 新开工率). */
  plannedNewStart: boolean;
  /** The date the project was completed and put into production (竣工投产), if it was. */
  completedOn: string | null;
  plannedCompletionDate: string | null;
  /** Reports of the plan year (any cut-off; the functions keep those on or before the as-of date). */
  reports: StatReport[];
}

export interface StatOptions {
  year: number;
  /** The as-of date, YYYY-MM-DD, inside `year`. */
  asOf: string;
}

export interface CountAndInvestment {
  count: number;
  totalInvestment: Fen;
}

/** The headline figures of one set of projects as of a date. Rates are percentages with two decimals, or null. */
export interface Figures {
  projects: number;
  newProjects: number;
  continuingProjects: number;
  reserveProjects: number;
  totalInvestment: Fen;
  annualPlan: Fen;
  startedOrResumed: number;
  startedNew: number;
  resumedContinuing: number;
  /** 开复工率 = (started new + resumed continuing) / all projects on the list. */
  startRate: string | null;
  plannedNewStarts: number;
  /** 新开工率 = planned new starts that started / planned new starts. */
  startedPlannedNew: number;
  newStartRate: string | null;
  completedYtd: Fen;
  /** 投资完成率 = completed year to date / annual plan. */
  completionRate: string | null;
  completedInProduction: CountAndInvestment;
  expectedCompletionByYearEnd: CountAndInvestment;
  /** Projects whose completed investment exceeds 150% of their annual plan. */
  overPlan150: number;
}

export type BreakdownDimension = 'region' | 'level' | 'category' | 'industry' | 'nature' | 'sizeTier';

/** Size tiers by total investment: ≥50亿, ≥10亿, ≥1亿, below 1亿. Each project falls in exactly one. */
export type SizeTier = 'ge50yi' | 'ge10yi' | 'ge1yi' | 'lt1yi';

export interface BreakdownRow {
  /** The region code, level, category, industry section, nature or size tier. */
  key: string;
  figures: Figures;
}

/** Differences current − previous for the figures that have a year-on-year (同比) comparison. */
export interface FiguresDiff {
  projects: number;
  newProjects: number;
  continuingProjects: number;
  reserveProjects: number;
  totalInvestment: Fen;
  annualPlan: Fen;
  startedOrResumed: number;
  startedNew: number;
  resumedContinuing: number;
  /** Percentage points, two decimals; null when either side has no rate. */
  startRate: string | null;
  completedYtd: Fen;
  completionRate: string | null;
}

/** The figures a dashboard drill-down can open: each is the predicate behind a count of the figures. */
export const DRILL_METRICS = [
  'all',
  'new',
  'continuing',
  'reserve',
  'started',
  'startedNew',
  'resumedContinuing',
  'notStarted',
  'plannedNewStarts',
  'startedPlannedNew',
  'inProduction',
  'expectedCompletion',
  'overPlan150',
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];
