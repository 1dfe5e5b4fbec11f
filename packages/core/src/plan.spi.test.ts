import { describe, expect, it } from 'vitest';
import { wan } from './money.ts';
import { plannedMonthly, plannedThrough, sCurve, spiByGroup, spiOf, spreadMonths } from './plan.spi.ts';

describe('the planned investment spread', () => {
  it('covers the plan months clipped to the year, and the whole year without a plan or an overlap', () => {
    expect(spreadMonths(2021, { start: '2021-03-10', end: '2021-09-20' })).toEqual({ first: 3, last: 9 });
    expect(spreadMonths(2021, { start: '2020-06-01', end: '2021-04-30' })).toEqual({ first: 1, last: 4 });
    expect(spreadMonths(2021, { start: '2021-11-01', end: '2023-04-30' })).toEqual({ first: 11, last: 12 });
    expect(spreadMonths(2021, null)).toEqual({ first: 1, last: 12 });
    expect(spreadMonths(2021, { start: '2019-01-01', end: '2020-12-31' })).toEqual({ first: 1, last: 12 });
  });

  it('gives each month floor(plan / n) in fen and the remainder to the last month', () => {
    // 100 fen over 12 months: 8 fen a month, December 100 − 8 × 11 = 12.
    const months = plannedMonthly(100n, { first: 1, last: 12 });
    expect(months.slice(0, 11)).toEqual(Array.from({ length: 11 }, () => 8n));
    expect(months[11]).toBe(12n);
    expect(months.reduce((a, b) => a + b, 0n)).toBe(100n);
    expect(plannedThrough(100n, { first: 1, last: 12 }, 11)).toBe(88n);
    expect(plannedThrough(100n, { first: 1, last: 12 }, 12)).toBe(100n);
    expect(plannedThrough(100n, { first: 3, last: 5 }, 2)).toBe(0n);
  });
});

describe('the S-curve and SPI', () => {
  it('matches a hand computation: 1000万 over March–September, 250万 earned by April', () => {
    // 1000万 = 1,000,000,000 fen over 7 months: 142,857,142 fen a month, September 142,857,148 (remainder 6).
    const curve = sCurve({
      year: 2021,
      annualPlan: wan('1000'),
      planSpan: { start: '2021-03-10', end: '2021-09-20' },
      monthsCounted: 4,
      monthlyEarned: [0n, 0n, wan('100'), wan('150')],
    });
    expect(curve.spread).toEqual({ first: 3, last: 9 });
    expect(curve.monthsCounted).toBe(4);
    expect(curve.months[2]).toEqual({
      month: 3,
      planned: 142_857_142n,
      plannedCumulative: 142_857_142n,
      earnedCumulative: wan('100'),
    });
    expect(curve.months[8]?.planned).toBe(142_857_148n);
    expect(curve.months[11]?.plannedCumulative).toBe(wan('1000'));
    expect(curve.months[4]?.earnedCumulative).toBeNull();
    // Planned to date: March and April = 285,714,284 fen; SPI = 250,000,000 / 285,714,284 = 0.875000003… → 0.88.
    expect(curve.plannedToDate).toBe(285_714_284n);
    expect(curve.earnedToDate).toBe(wan('250'));
    expect(curve.spi).toBe('0.88');
  });

  it('spreads over the whole year without a plan: 1200万, 600万 earned in five months → SPI 1.20', () => {
    const curve = sCurve({
      year: 2021,
      annualPlan: wan('1200'),
      planSpan: null,
      monthsCounted: 5,
      monthlyEarned: [wan('100'), wan('100'), wan('100'), wan('100'), wan('200')],
    });
    expect(curve.plannedToDate).toBe(wan('500'));
    expect(curve.spi).toBe('1.20');
  });

  it('has no SPI while nothing is planned to date', () => {
    expect(
      sCurve({
        year: 2021,
        annualPlan: wan('100'),
        planSpan: { start: '2021-08-01', end: '2021-10-01' },
        monthsCounted: 1,
        monthlyEarned: [wan('5')],
      }).spi,
    ).toBeNull();
    expect(spiOf(5n, 0n)).toBeNull();
    expect(spiOf(2n, 3n)).toBe('0.67');
  });

  it('adds a region up as sum earned / sum planned, counting the projects behind', () => {
    const groups = spiByGroup([
      { regionKey: '230602', plannedToDate: wan('300'), earnedToDate: wan('150'), hasPlan: true },
      { regionKey: '230602', plannedToDate: wan('100'), earnedToDate: wan('150'), hasPlan: false },
      { regionKey: '230603', plannedToDate: 0n, earnedToDate: 0n, hasPlan: false },
    ]);
    // 230602: 300万 earned of 400万 planned = 0.75; one project behind (150 < 300).
    expect(groups).toEqual([
      {
        key: '230602',
        projects: 2,
        withPlan: 1,
        behind: 1,
        plannedToDate: wan('400'),
        earnedToDate: wan('300'),
        spi: '0.75',
      },
      { key: '230603', projects: 1, withPlan: 0, behind: 0, plannedToDate: 0n, earnedToDate: 0n, spi: null },
    ]);
  });
});
