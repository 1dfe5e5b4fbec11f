/** The dashboard's default date: the server answers with it and the web's pages use the same rule. */
import { describe, expect, it } from 'vitest';
import { defaultAsOf, defaultPlanYear } from './stats.default-as-of.ts';

const periods = [
  { cutoffDate: '2021-01-31' },
  { cutoffDate: '2021-02-28' },
  { cutoffDate: '2021-03-31' },
  { cutoffDate: '2021-04-30' },
  { cutoffDate: '2021-05-31' },
];

describe('default as-of date', () => {
  it('is the latest cut-off on or before the application date', () => {
    expect(defaultAsOf(2021, periods, '2021-05-20')).toBe('2021-04-30');
    expect(defaultAsOf(2021, periods, '2021-04-30')).toBe('2021-04-30');
    expect(defaultAsOf(2021, periods, '2021-06-01')).toBe('2021-05-31');
  });

  it('is the application date, or the plan year’s end when it is over, before any cut-off', () => {
    expect(defaultAsOf(2021, [], '2021-05-20')).toBe('2021-05-20');
    expect(defaultAsOf(2020, [], '2021-05-20')).toBe('2020-12-31');
    expect(defaultAsOf(2021, periods, '2021-01-15')).toBe('2021-01-15');
  });

  it('takes the latest plan year, else the application date’s year', () => {
    expect(defaultPlanYear([2020, 2021, 2019], '2021-05-20')).toBe(2021);
    expect(defaultPlanYear([], '2021-05-20')).toBe(2021);
  });
});
