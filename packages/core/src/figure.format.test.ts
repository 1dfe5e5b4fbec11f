import { describe, expect, it } from 'vitest';
import { exactWanFigure, figureRates, groupThousands, rateFigure, yiFigure } from './figure.format.ts';
import { formatMoneyInput, parseMoneyInput } from './money.input.ts';
import { parseWan, yi } from './money.ts';
import { rateText, yiText } from './bulletin.format.ts';

// The demo city's 2021 figures as of 2021-05-20 (the seed's bulletin): 387 projects, 299 started or resumed,
// 1528.2亿元 of total investment; a completion of 446.2亿 of a 577.5亿 plan (77.26…%).
const seed = {
  projects: 387,
  startedOrResumed: 299,
  plannedNewStarts: 100,
  startedPlannedNew: 0,
  completedYtd: '4462000',
  annualPlan: '5775000',
};

describe('the bulletin number style', () => {
  it("writes the seed's total investment as 1528.2 from fen and from the API's 万元 text", () => {
    expect(yiFigure(yi('1528.2'))).toBe('1528.2');
    expect(yiFigure('15282012.34')).toBe('1528.2');
    expect(yiText(yi('1528.2'))).toBe('1528.2亿元');
  });

  it('rounds half away from zero at the second decimal of 亿元, exactly', () => {
    expect(yiFigure('5774500')).toBe('577.5');
    expect(yiFigure('5774499.999999')).toBe('577.4');
    expect(yiFigure('-12345')).toBe('-1.2');
  });

  it("writes the seed's start rate 299 / 387 as 77.3, the same as the bulletin", () => {
    expect(figureRates(seed).startRate).toBe('77.3');
    expect(rateText(299n, 387n)).toBe(`${figureRates(seed).startRate ?? ''}%`);
  });

  it('computes the completion rate from exact money, not from a rounded two-decimal rate', () => {
    // 77.2499… % rounds to 77.2; rounding its two-decimal 77.25 again would give 77.3.
    const rates = figureRates({ ...seed, completedYtd: '7724999', annualPlan: '10000000' });
    expect(rates.completionRate).toBe('77.2');
    expect(figureRates(seed).completionRate).toBe('77.3');
  });

  it('gives no rate when the denominator is 0', () => {
    expect(figureRates(seed).newStartRate).toBe('0.0');
    expect(rateFigure(1n, 0n)).toBeNull();
    expect(figureRates({ ...seed, plannedNewStarts: 0, annualPlan: '0' })).toMatchObject({
      newStartRate: null,
      completionRate: null,
    });
  });

  it('shows the exact 万元 amount for the tooltip, every fen, grouped', () => {
    expect(exactWanFigure('15282012.34')).toBe('15,282,012.34');
    expect(exactWanFigure(yi('1528.2'))).toBe('15,282,000.00');
    expect(exactWanFigure('0.000001')).toBe('0.000001');
    expect(groupThousands('1234567')).toBe('1,234,567');
  });

  it('shows a value that is not an amount as it is', () => {
    expect(yiFigure('abc')).toBe('abc');
  });
});

describe('the money input formatter and parser', () => {
  it('groups thousands without touching a digit', () => {
    expect(formatMoneyInput('1234567.891234')).toBe('1,234,567.891234');
    expect(formatMoneyInput('999')).toBe('999');
    expect(formatMoneyInput('1234.')).toBe('1,234.');
    expect(formatMoneyInput('-1234567')).toBe('-1,234,567');
    expect(formatMoneyInput('')).toBe('');
    expect(formatMoneyInput(undefined)).toBe('');
  });

  it('hands the form the text without separators, ASCII or full-width, or spaces', () => {
    expect(parseMoneyInput('1,234,567.89')).toBe('1234567.89');
    expect(parseMoneyInput('1，234 567.89')).toBe('1234567.89');
  });

  it('keeps every fen through format and parse, beyond what a float holds', () => {
    // 9,007,199,254,740,993 fen (9,007,199,254.740993万元) is past 2^53: a float would change it.
    for (const text of ['9007199254.740993', '0.000001', '123456789012.345678', '5775000']) {
      const back = parseMoneyInput(formatMoneyInput(text));
      expect(back).toBe(text);
      expect(parseWan(back)).toBe(parseWan(text));
    }
    expect(parseWan(parseMoneyInput('9,007,199,254.740993'))).toBe(9007199254740993n);
  });

  it('shows text that is not a plain decimal as typed, for the contract to name', () => {
    expect(formatMoneyInput('12a4')).toBe('12a4');
    expect(formatMoneyInput('1.2.3')).toBe('1.2.3');
  });
});
