/**
 * The financing-needs list (融资需求清单, issue #13 item 4): an owner declares a need (amount, instrument, term,
 * purpose, collateral); the DRC publishes the list every two months as a frozen edition; financial institutions see
 * only published editions and register interest; matches are tracked to signed amounts. Pure rules: the edition a
 * date falls in, the match states' moves, and the summary of needs met.
 */
import type { Codelist } from './codelists.ts';
import type { Fen } from './money.ts';

export const FINANCING_INSTRUMENTS = ['loan', 'equity', 'bond', 'leasing'] as const;
export type FinancingInstrument = (typeof FINANCING_INSTRUMENTS)[number];
export const FINANCING_INSTRUMENT_LABELS: Codelist<FinancingInstrument> = {
  loan: { zh: '银行贷款', en: 'Loan' },
  equity: { zh: '股权融资', en: 'Equity' },
  bond: { zh: '债券融资', en: 'Bond' },
  leasing: { zh: '融资租赁', en: 'Leasing' },
};

export const MATCH_STATES = ['interested', 'negotiating', 'signed', 'declined'] as const;
export type MatchState = (typeof MATCH_STATES)[number];
export const MATCH_STATE_LABELS: Codelist<MatchState> = {
  interested: { zh: '有意向', en: 'Interested' },
  negotiating: { zh: '洽谈中', en: 'Negotiating' },
  signed: { zh: '已签约', en: 'Signed' },
  declined: { zh: '未达成', en: 'Declined' },
};

/** A match moves forward (interest → talks → signed) or ends declined; signed and declined are final. */
export function matchMoveAllowed(from: MatchState, to: MatchState): boolean {
  if (from === 'signed' || from === 'declined' || from === to) return false;
  if (to === 'declined') return true;
  return MATCH_STATES.indexOf(to) > MATCH_STATES.indexOf(from);
}

/** The two-month edition a date falls in: 2021-05-20 → {year 2021, number 3, months 5–6, code '2021-3'}. */
export function financingEditionOf(isoDate: string): {
  year: number;
  number: number;
  firstMonth: number;
  code: string;
} {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const number = Math.ceil(month / 2);
  return { year, number, firstMonth: number * 2 - 1, code: `${String(year)}-${String(number)}` };
}

/** A published need with what its matches signed. */
export interface NeedOutcome {
  amount: Fen;
  signed: Fen;
}

/** Needs met: how many needs have any signed amount, the amounts needed and signed, and the share met (0–1). */
export function needsMet(needs: readonly NeedOutcome[]) {
  let needed = 0n;
  let signed = 0n;
  let met = 0;
  for (const need of needs) {
    needed += need.amount;
    // A need is met up to its amount: signing more than was asked does not meet another need.
    signed += need.signed > need.amount ? need.amount : need.signed;
    if (need.signed > 0n) met += 1;
  }
  return {
    needs: needs.length,
    met,
    needed,
    signed,
    share: needed === 0n ? 0 : Number((signed * 10000n) / needed) / 10000,
  };
}
