import { useMemo } from 'react';
import { usePeriods } from '../api/reports.ts';
import { useCodelists } from '../api/reference.ts';
import type { ReportingPeriod } from '@keyprojects/core';
import { useSession } from '../session/useSession.ts';
import { currentPeriod, defaultAsOf, type PeriodRef } from './period.ts';

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

/**
 * The current reporting period and default as-of date, from the latest plan year, its periods and the app's
 * date of the session (the server's, so a demo fixed on 2021-05-20 shows May 2021 whatever the browser's clock).
 */
export function useCurrentPeriod(): CurrentPeriodState {
  const { today } = useSession();
  const { codelists, isSettled } = useCodelists();
  const planYear = isSettled && codelists.planYears.length > 0 ? Math.max(...codelists.planYears) : null;
  const periods = usePeriods(planYear);
  const settled = planYear !== null && today !== undefined && (periods.isSuccess || periods.isError);
  const list = periods.data ?? NO_PERIODS;
  return useMemo(() => {
    if (!settled) return { planYear, current: null, asOf: null, periods: list };
    return {
      planYear,
      current: currentPeriod(planYear, list, today),
      asOf: defaultAsOf(planYear, list, today),
      periods: list,
    };
  }, [settled, planYear, list, today]);
}
