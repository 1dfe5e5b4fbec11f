import { describe, expect, it } from 'vitest';
import { previousRankingPeriod, rankingPeriod } from './ranking.period.ts';

describe('ranking periods', () => {
  it('reads the four shapes with their first and last day', () => {
    expect(rankingPeriod('2021-05')).toMatchObject({ kind: 'month', from: '2021-05-01', to: '2021-05-31' });
    expect(rankingPeriod('2021-Q1')).toMatchObject({ kind: 'quarter', from: '2021-01-01', to: '2021-03-31' });
    expect(rankingPeriod('2020-H1')).toMatchObject({ kind: 'half_year', from: '2020-01-01', to: '2020-06-30' });
    expect(rankingPeriod('2021')).toMatchObject({ kind: 'year', from: '2021-01-01', to: '2021-12-31' });
    expect(rankingPeriod('2024-02')?.to).toBe('2024-02-29');
  });

  it('refuses other shapes', () => {
    for (const bad of ['2021-13', '2021-Q5', '2021-H3', '21-05', '2021-5', '', '2021-05-01'])
      expect(rankingPeriod(bad)).toBeNull();
  });

  it('gives the period before, across the year', () => {
    expect(previousRankingPeriod('2021-01')).toBe('2020-12');
    expect(previousRankingPeriod('2021-05')).toBe('2021-04');
    expect(previousRankingPeriod('2021-Q1')).toBe('2020-Q4');
    expect(previousRankingPeriod('2021-Q3')).toBe('2021-Q2');
    expect(previousRankingPeriod('2021-H2')).toBe('2021-H1');
    expect(previousRankingPeriod('2021-H1')).toBe('2020-H2');
    expect(previousRankingPeriod('2021')).toBe('2020');
  });
});
