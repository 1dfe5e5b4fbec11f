/**
 * Response shapes of the endpoints that have no zod contract in core yet (codelists, regions, organizations,
 * officers, report lists, periods, statistics). Projects, reports, auth, users and the audit trail use the core
 * contract types directly.
 */
import type { ReportState } from '@keyprojects/core';

export interface Organization {
  id: number;
  name: string;
  kind: string;
  creditCode: string | null;
  regionCode: string | null;
}

export interface Officer {
  id: number;
  displayName: string;
  regionCode: string | null;
}

export interface ItemsResponse<T> {
  items: T[];
}

/** A reporting period (GET /periods): the statistical cut-off, the filing deadline and whether it is locked. */
export interface ReportingPeriod {
  year: number;
  month: number;
  cutoffDate: string;
  deadline: string;
  locked: boolean;
}

/** A report's state as the lists show it: a workflow state, or 'not_started' when nothing was filed. */
export type ReportListState = ReportState | 'not_started';

/** One project of GET /reports: its state and amount for the month. */
export interface ReportListItem {
  projectId: number;
  projectName: string;
  projectCode: string;
  ownerName: string;
  regionName: string;
  state: ReportListState;
  completedThisMonth: string | null;
  annualPlan: string;
  submittedAt: string | null;
}

export interface ReportListResponse {
  items: ReportListItem[];
  total: number;
  /** Projects per state, for the tabs. */
  stateCounts: Partial<Record<ReportListState, number>>;
}

/** A site photo of a report. */
export interface ReportPhoto {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}
