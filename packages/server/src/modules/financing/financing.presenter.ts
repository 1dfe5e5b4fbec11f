/** The one way financing rows become the API's shape (the routes and the exports start here). */
import {
  formatWan,
  type FinancingEdition,
  type FinancingEditionItem,
  type FinancingInstrument,
  type FinancingMatch,
  type FinancingNeed,
  type MatchState,
} from '@keyprojects/core';
import type { EditionItemRow, EditionRow, MatchRow, NeedRow } from './financing.repository.ts';

/** A need as the DRC and its owner see it. */
export function toFinancingNeed(row: NeedRow): FinancingNeed {
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionName: row.regionName,
    amount: formatWan(row.amount),
    instrument: row.instrument as FinancingInstrument,
    termMonths: row.termMonths,
    purpose: row.purpose,
    collateral: row.collateral,
    declaredOn: row.declaredOn,
    signed: formatWan(BigInt(row.signed ?? '0')),
  };
}

/** An edition's header. */
export function toFinancingEdition(row: EditionRow): FinancingEdition {
  return {
    id: row.id,
    code: row.code,
    year: row.year,
    number: row.number,
    publishedOn: row.publishedOn,
    needs: Number(row.needs ?? 0),
    amount: formatWan(BigInt(row.amount ?? '0')),
  };
}

/** A frozen need: only what an institution may read (no project id, no other project data). */
export function toEditionItem(row: EditionItemRow): FinancingEditionItem {
  return {
    needId: row.needId,
    projectName: row.projectName,
    regionName: row.regionName,
    amount: formatWan(row.amount),
    instrument: row.instrument as FinancingInstrument,
    termMonths: row.termMonths,
    purpose: row.purpose,
    collateral: row.collateral,
  };
}

/** A match with its need's name and amount. */
export function toFinancingMatch(row: MatchRow): FinancingMatch {
  return {
    id: row.id,
    editionId: row.editionId,
    editionCode: row.editionCode,
    needId: row.needId,
    projectName: row.projectName,
    regionName: row.regionName,
    needAmount: formatWan(row.needAmount),
    institution: row.institution,
    state: row.state as MatchState,
    signedAmount: row.signedAmount === null ? null : formatWan(row.signedAmount),
    note: row.note,
    version: row.version,
  };
}
