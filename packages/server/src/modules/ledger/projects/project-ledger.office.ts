/**
 * What an office's own annual ledger adds to the project ledger import: the request's options (column corrections,
 * the region of a file without a region column, the period of columns that do not name theirs), the periods of
 * plan and year-to-date columns, and the region every row takes when the file has no region column (the district
 * of a district user, or the one chosen for the file).
 */
import {
  parseLedgerFieldName,
  periodParam,
  PROJECT_LEDGER_MAPPABLE_KEYS,
  regionLevel,
  type HeaderPeriod,
  type LedgerColumnMapping,
  type ProjectLedgerKey,
} from '@keyprojects/core';
import type { Actor } from '../../auth/actor.ts';
import type { LayoutRules } from '../import/import.layout.ts';
import { monthStart } from '../../report/period.repository.ts';

/** How a project ledger is imported: the request's choices and the application's calendar. */
export interface ProjectImportOptions {
  /** The user's column corrections (letter → field or 'ignore'). */
  mapping?: LedgerColumnMapping;
  /** The region of every row when the file has no region column. */
  region?: string;
  /** The period of plan and year-to-date columns whose header does not say it. */
  year?: number;
  month?: number;
  /** The application's date (TODAY): a year-to-date column may not name a month not yet begun. */
  today: string;
  /** The deadline day of a reporting period created for imported figures. */
  deadlineDay: number;
}

const MAPPABLE = new Set<string>(PROJECT_LEDGER_MAPPABLE_KEYS);
const PERIODIC = new Set<string>(['annualPlan', 'completedYtd']);

/** A mapped field as key and parameter: periodic fields need their period, others must have none. */
export function parseMappedField(field: string): { key: ProjectLedgerKey; param?: number } | null {
  const parsed = parseLedgerFieldName(field);
  if (!parsed || !MAPPABLE.has(parsed.key)) return null;
  const key = parsed.key as ProjectLedgerKey;
  const monthly = parsed.param !== undefined && parsed.param > 9999;
  if (key === 'completedYtd' && (!monthly || (parsed.param ?? 0) % 100 < 1 || (parsed.param ?? 0) % 100 > 12))
    return null;
  if (key === 'annualPlan' && (parsed.param === undefined || monthly)) return null;
  if (!PERIODIC.has(key) && parsed.param !== undefined) return null;
  return parsed.param === undefined ? { key } : { key, param: parsed.param };
}

/** How the project ledger reads an office's header: the corrections, and the periods of periodic columns. */
export function projectLayoutRules(options: ProjectImportOptions): LayoutRules<ProjectLedgerKey> {
  return {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    parseField: parseMappedField,
    periodParam(key: ProjectLedgerKey, period: HeaderPeriod, titleYear: number | undefined) {
      const year = period.year ?? titleYear ?? options.year;
      if (key !== 'completedYtd')
        return year === undefined ? { problem: 'column.yearMissing' } : periodParam(key, year);
      const month = period.month ?? options.month;
      if (year === undefined || month === undefined) return { problem: 'column.periodMissing' };
      if (monthStart(year, month) > options.today) return { problem: 'column.futurePeriod' };
      return periodParam(key, year, month);
    },
  };
}

/**
 * The region of every row of a file without a region column: the one chosen for the file, else the actor's
 * own when it is one district or county; undefined when the rows must name theirs.
 */
export function fileRegion(actor: Actor, options: ProjectImportOptions): string | undefined {
  if (options.region) return options.region;
  return actor.regionCode && regionLevel(actor.regionCode) === 'county' ? actor.regionCode : undefined;
}
