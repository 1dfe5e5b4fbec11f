/** The one JSON shape of an event, its totals and its projects (API, detail, audit snapshots). */
import type { SqlBool } from 'kysely';
import { formatWan, formatYi, type EventItem, type EventProject, type ProjectTotals } from '@keyprojects/core';
import type { EventRow } from './event.repository.ts';

/** A count of projects and their total investment, in 万元 and 亿元 (two decimals). */
export function toProjectTotals(projects: number, totalInvestment: bigint): ProjectTotals {
  return { projects, totalInvestment: formatWan(totalInvestment), totalInvestmentYi: formatYi(totalInvestment, 2) };
}

export function toEventItem(row: EventRow): EventItem {
  return {
    id: row.id,
    name: row.name,
    heldOn: row.heldOn,
    level: row.level,
    place: row.place,
    regionCode: row.regionCode,
    regionName: row.regionName,
    note: row.note,
    totals: toProjectTotals(Number(row.projectCount ?? 0), BigInt(row.totalInvestment ?? 0)),
  };
}

export function toEventProject(row: {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  totalInvestment: bigint;
  actualStartDate: string | null;
  startedByEvent: SqlBool;
}): EventProject {
  return { ...row, totalInvestment: formatWan(row.totalInvestment), startedByEvent: Boolean(row.startedByEvent) };
}
