/** The project list's state as it lives in the URL query string, so reloads and shared links keep it. */
import { PROJECT_SORT_FIELDS, parseWan, type ProjectSortField } from '@keyprojects/core';
import type { ProjectListParams } from '../../api/projects.ts';

export interface ListState {
  page: number;
  pageSize: number;
  sort?: ProjectSortField;
  order?: 'asc' | 'desc';
  q?: string;
  regionCode?: string;
  level?: string;
  category?: string;
  nature?: string;
  stage?: string;
  /** 万元, as typed (validated with parseWan). */
  minInvestment?: string;
  maxInvestment?: string;
  /** The plan year the list is about; null lists every year (URL `planYear=all`). */
  planYear: number | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

/** Filter names kept in the URL as plain text. */
export const TEXT_FILTERS = ['q', 'regionCode', 'level', 'category', 'nature', 'stage'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

function positiveInt(text: string | null, fallback: number, max: number): number {
  if (!text || !/^\d+$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 && value <= max ? value : fallback;
}

function isSortField(text: string | null): text is ProjectSortField {
  return text !== null && (PROJECT_SORT_FIELDS as readonly string[]).includes(text);
}

function amount(text: string | null): string | undefined {
  if (!text) return undefined;
  const fen = parseWan(text);
  return fen !== null && fen >= 0n ? text : undefined;
}

/** Reads the list state from the query string, ignoring anything malformed. */
export function parseListState(search: URLSearchParams, defaultPlanYear: number | null): ListState {
  const year = search.get('planYear');
  const state: ListState = {
    page: positiveInt(search.get('page'), 1, 1_000_000),
    pageSize: PAGE_SIZES.includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : DEFAULT_PAGE_SIZE,
    planYear:
      year === 'all'
        ? null
        : defaultPlanYear === null && !year
          ? null
          : positiveInt(year, defaultPlanYear ?? 0, 2100) || null,
  };
  const sort = search.get('sort');
  if (isSortField(sort)) {
    state.sort = sort;
    state.order = search.get('order') === 'asc' ? 'asc' : 'desc';
  }
  for (const name of TEXT_FILTERS) {
    const value = search.get(name)?.trim();
    if (value) state[name] = value;
  }
  const min = amount(search.get('minInvestment'));
  const max = amount(search.get('maxInvestment'));
  if (min !== undefined) state.minInvestment = min;
  if (max !== undefined) state.maxInvestment = max;
  return state;
}

/** Writes the list state to a query string, leaving out defaults so links stay short. */
export function toSearchParams(state: ListState, defaultPlanYear: number | null): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = state[name];
    if (value) search.set(name, value);
  }
  if (state.minInvestment) search.set('minInvestment', state.minInvestment);
  if (state.maxInvestment) search.set('maxInvestment', state.maxInvestment);
  if (state.planYear !== defaultPlanYear)
    search.set('planYear', state.planYear === null ? 'all' : String(state.planYear));
  if (state.sort) {
    search.set('sort', state.sort);
    search.set('order', state.order ?? 'desc');
  }
  if (state.page !== 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  return search;
}

/** The GET /projects query for a list state. */
export function toApiParams(state: ListState): ProjectListParams {
  return {
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    q: state.q,
    regionCode: state.regionCode,
    level: state.level,
    category: state.category,
    nature: state.nature,
    stage: state.stage,
    minInvestment: state.minInvestment,
    maxInvestment: state.maxInvestment,
    planYear: state.planYear ?? undefined,
  };
}

/** True when a filter beyond the text search is set (the phone layout then opens the filter panel). */
export function hasAdvancedFilter(state: ListState): boolean {
  return Boolean(
    state.regionCode ||
    state.level ||
    state.category ||
    state.nature ||
    state.stage ||
    state.minInvestment ||
    state.maxInvestment,
  );
}
