import { describe, expect, it } from 'vitest';
import { chengdu2019Fixture } from './fixtures/chengdu2019.ts';
import { monthEnd } from './iso-date.ts';
import { combineTotals, computeFigures } from './statistics.ts';
import type { Figures, StatOptions } from './statistics.types.ts';

const totals = ({ startRate: _s, newStartRate: _n, completionRate: _c, ...rest }: Figures) => rest;

describe('combineTotals', () => {
  const { projects } = chengdu2019Fixture();
  const options: StatOptions = { year: 2019, asOf: '2019-08-31' };
  const even = projects.filter((_, i) => i % 2 === 0);
  const odd = projects.filter((_, i) => i % 2 === 1);

  it('adds the totals of two disjoint sets into those of their union, and subtracts one back out', () => {
    const all = totals(computeFigures(projects, options));
    const a = totals(computeFigures(even, options));
    const b = totals(computeFigures(odd, options));
    expect(combineTotals(a, b)).toEqual(all);
    expect(combineTotals(all, b, -1)).toEqual(a);
    expect(all.completedYtd).toBeGreaterThan(a.completedYtd);
  });
});

describe('monthEnd', () => {
  it('gives the last day of the month, leap years included', () => {
    expect([monthEnd(2021, 2), monthEnd(2020, 2), monthEnd(2000, 2), monthEnd(1900, 2)]).toEqual([
      '2021-02-28',
      '2020-02-29',
      '2000-02-29',
      '1900-02-28',
    ]);
    expect([monthEnd(2021, 4), monthEnd(2021, 12)]).toEqual(['2021-04-30', '2021-12-31']);
  });
});
