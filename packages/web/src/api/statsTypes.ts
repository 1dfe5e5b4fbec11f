/**
 * Response shapes of the statistics endpoints (GET /stats/dashboard, /stats/projects): core's Figures with
 * money as 万元 decimal strings and rates as percentage strings with two decimals.
 */

export interface CountAndInvestmentJson {
  count: number;
  totalInvestment: string;
}

/** The headline figures of a scope as of a date. */
export interface FiguresJson {
  projects: number;
  newProjects: number;
  continuingProjects: number;
  reserveProjects: number;
  totalInvestment: string;
  annualPlan: string;
  startedOrResumed: number;
  startedNew: number;
  resumedContinuing: number;
  startRate: string | null;
  plannedNewStarts: number;
  startedPlannedNew: number;
  newStartRate: string | null;
  completedYtd: string;
  completionRate: string | null;
  completedInProduction: CountAndInvestmentJson;
  expectedCompletionByYearEnd: CountAndInvestmentJson;
  overPlan150: number;
}

/** Current − a year earlier, for the figures the server compares (rates in percentage points). */
export interface FiguresDiffJson {
  projects: number;
  newProjects: number;
  continuingProjects: number;
  reserveProjects: number;
  totalInvestment: string;
  annualPlan: string;
  startedOrResumed: number;
  startedNew: number;
  resumedContinuing: number;
  startRate: string | null;
  completedYtd: string;
  completionRate: string | null;
}

export interface BreakdownRowJson {
  key: string;
  figures: FiguresJson;
}

export type MapPointState = 'completed' | 'started' | 'notStarted';

export interface MapPoint {
  id: number;
  name: string;
  longitude: number;
  latitude: number;
  totalInvestment: string;
  state: MapPointState;
}

export interface MonthlyCompletion {
  month: number;
  cutoff: string;
  completedCumulative: string;
  /** 序时进度: the annual plan × months elapsed / 12. */
  planLine: string;
}

export interface DashboardResponse {
  year: number;
  asOf: string;
  previousAsOf: string;
  figures: FiguresJson;
  previous: FiguresJson;
  yearOnYear: FiguresDiffJson;
  breakdowns: {
    byRegion: BreakdownRowJson[];
    byCategory: BreakdownRowJson[];
    byLevel: BreakdownRowJson[];
    byNature: BreakdownRowJson[];
    byIndustry: BreakdownRowJson[];
    bySizeTier: BreakdownRowJson[];
  };
  regionNames: Record<string, string>;
  monthly: MonthlyCompletion[];
  points: MapPoint[];
}

export type { DrillMetric } from '@keyprojects/core';

/** The breakdowns a drill-down can narrow to. */
export type DrillDimension = 'region' | 'prefecture' | 'category' | 'nature' | 'industry' | 'sizeTier' | 'level';

export interface DrillProject {
  id: number;
  name: string;
  code: string;
  regionName: string;
  totalInvestment: string;
  annualPlan: string;
  completedYtd: string;
  startedOn: string | null;
}

export interface DrillResponse {
  total: number;
  items: DrillProject[];
}
