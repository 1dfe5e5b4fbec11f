/** The one way funding rows become the API's shape (the routes and the export start here). */
import {
  formatWan,
  fundingSentence,
  type FundingEvent,
  type FundingEventKind,
  type FundingKindSummary,
  type FundingLine,
  type FundingLineItem,
  type FundingStep,
  type FundingSummary,
  type FundingTotals,
  type Locale,
} from '@keyprojects/core';
import type { FundingEventRow, FundingLineRow } from './funding.repository.ts';

/** A funding event for the history. */
export function toFundingEvent(row: FundingEventRow): FundingEvent {
  return {
    id: row.id,
    kind: row.kind as FundingEventKind,
    step: row.step as FundingStep,
    amount: formatWan(row.amount),
    occurredOn: row.occurredOn,
    note: row.note,
    enteredBy: row.enteredBy,
  };
}

/** A project's totals of one kind. */
export function toFundingTotals(row: {
  kind: string;
  applied: bigint;
  approved: bigint;
  issued: bigint;
}): FundingTotals {
  return {
    kind: row.kind,
    applied: formatWan(row.applied),
    approved: formatWan(row.approved),
    issued: formatWan(row.issued),
  };
}

/** A funding line as core's summariseFunding reads it (amounts in fen). */
export function toCoreLine(row: FundingLineRow): FundingLine {
  return {
    projectId: row.projectId,
    totalInvestment: row.totalInvestment,
    applied: BigInt(row.applied),
    approved: BigInt(row.approved),
    issued: BigInt(row.issued),
  };
}

/** A funding line for the list and its export. */
export function toFundingLineItem(row: FundingLineRow): FundingLineItem {
  return {
    projectId: row.projectId,
    code: row.code,
    name: row.name,
    regionName: row.regionName,
    kind: row.kind as FundingEventKind,
    totalInvestment: formatWan(row.totalInvestment),
    applied: formatWan(BigInt(row.applied)),
    approved: formatWan(BigInt(row.approved)),
    issued: formatWan(BigInt(row.issued)),
    lastOn: row.lastOn,
  };
}

/** A kind's summary with its sentence in the seed's wording. */
export function toKindSummary(
  summary: FundingSummary & { kind: FundingEventKind },
  locale: Locale,
): FundingKindSummary {
  return {
    kind: summary.kind,
    projects: summary.projects,
    totalInvestment: formatWan(summary.totalInvestment),
    applied: formatWan(summary.applied),
    approved: formatWan(summary.approved),
    issued: formatWan(summary.issued),
    sentence: fundingSentence(summary, locale),
  };
}
