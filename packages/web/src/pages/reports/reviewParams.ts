/** The review desk's state in the URL: period, state tab, search, region and page. */
import { REPORT_STATES } from '@keyprojects/core';
import type { ReportListParams } from '../../api/reports.ts';
import type { ReportListState } from '@keyprojects/core';
import { periodFromSearch, type PeriodRef } from '../../lib/period.ts';

export interface ReviewState extends PeriodRef {
  state?: ReportListState;
  q?: string;
  regionCode?: string;
  page: number;
}

export const REVIEW_PAGE_SIZE = 20;
const STATES: readonly string[] = [...REPORT_STATES, 'not_started'];

const isState = (value: string | null): value is ReportListState => value !== null && STATES.includes(value);

/** The state from the query string, with the current period when none is given; null until that is known. */
export function parseReviewState(search: URLSearchParams, current: PeriodRef | null): ReviewState | null {
  const period = periodFromSearch(search) ?? current;
  if (!period) return null;
  const state: ReviewState = { ...period, page: Math.max(1, Number(search.get('page')) || 1) };
  const tab = search.get('state');
  if (isState(tab)) state.state = tab;
  const q = search.get('q')?.trim();
  if (q) state.q = q;
  const region = search.get('regionCode');
  if (region && /^\d{6}$/.test(region)) state.regionCode = region;
  return state;
}

export function toReviewSearch(state: ReviewState): URLSearchParams {
  const search = new URLSearchParams({ year: String(state.year), month: String(state.month) });
  if (state.state) search.set('state', state.state);
  if (state.q) search.set('q', state.q);
  if (state.regionCode) search.set('regionCode', state.regionCode);
  if (state.page > 1) search.set('page', String(state.page));
  return search;
}

export function toListParams(state: ReviewState): ReportListParams {
  return {
    year: state.year,
    month: state.month,
    state: state.state,
    q: state.q,
    regionCode: state.regionCode,
    page: state.page,
    pageSize: REVIEW_PAGE_SIZE,
  };
}
