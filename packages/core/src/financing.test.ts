/** The financing-needs list's rules: editions every two months, match moves, and needs met. */
import { describe, expect, it } from 'vitest';
import { financingEditionOf, matchMoveAllowed, needsMet } from './financing.ts';
import { yi } from './money.ts';

describe('the financing-needs list', () => {
  it('puts a date in its two-month edition', () => {
    expect(financingEditionOf('2021-05-20')).toEqual({ year: 2021, number: 3, firstMonth: 5, code: '2021-3' });
    expect(financingEditionOf('2021-06-30').code).toBe('2021-3');
    expect(financingEditionOf('2021-01-01').code).toBe('2021-1');
    expect(financingEditionOf('2021-12-31')).toMatchObject({ number: 6, firstMonth: 11 });
  });

  it('moves a match forward or to declined, and never out of signed or declined', () => {
    expect(matchMoveAllowed('interested', 'negotiating')).toBe(true);
    expect(matchMoveAllowed('interested', 'signed')).toBe(true);
    expect(matchMoveAllowed('negotiating', 'interested')).toBe(false);
    expect(matchMoveAllowed('negotiating', 'declined')).toBe(true);
    expect(matchMoveAllowed('signed', 'declined')).toBe(false);
    expect(matchMoveAllowed('declined', 'negotiating')).toBe(false);
  });

  it('sums needs met, counting a need at most up to its amount', () => {
    expect(
      needsMet([
        { amount: yi('2'), signed: yi('1.5') },
        { amount: yi('1'), signed: yi('1.2') },
        { amount: yi('5'), signed: 0n },
      ]),
    ).toEqual({ needs: 3, met: 2, needed: yi('8'), signed: yi('2.5'), share: 0.3125 });
    expect(needsMet([])).toMatchObject({ needs: 0, share: 0 });
  });
});
