import { useMemo } from 'react';
import { usePeriods } from '../api/reports.ts';
import { useCodelists } from '../api/reference.ts';
import type { ReportingPeriod } from '../api/types.ts';
import { currentPeriod, defaultAsOf, todayIso, type PeriodRef } from './period.ts';

export interface CurrentPeriodState {
  /** The latest plan year, once the codelists are in. */
  planYear: number | null;
  /** The period owners file now; null while loading. */
  current: PeriodRef | null;
  /** The statistics' default as-of date; null while loading. */
  asOf: string | null;
  /** The periods of the plan year. */
  periods: readonly ReportingPeriod[];
}

const NO_PERIODS: readonly ReportingPeriod[] = [];

/** The current reporting period and default as-of date, from the latest plan year and its periods. */
export function useCurrentPeriod(): CurrentPeriodState {
  const { codelists, isSettled } = useCodelists();
  const planYear = isSettled && codelists.planYears.length > 0 ? Math.max(...codelists.planYears) : null;
  const periods = usePeriods(planYear);
  const settled = planYear !== null && (periods.isSuccess || periods.isError);
  const list = periods.data ?? NO_PERIODS;
  return useMemo(() => {
    if (!settled) return { planYear, current: null, asOf: null, periods: list };
    const today = todayIso();
    return {
      planYear,
      current: currentPeriod(planYear, list, today),
      asOf: defaultAsOf(planYear, list, today),
      periods: list,
    };
  }, [settled, planYear, list]);
}
