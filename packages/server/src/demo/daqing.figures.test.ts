import {
  breakdown,
  computeFigures,
  diffFigures,
  formatYi,
  percent,
  yi,
  type Figures,
  type StatOptions,
} from '@keyprojects/core';
import { describe, expect, it } from 'vitest';
import { generateDaqingDemo } from './daqing.generator.ts';
import { daqingCutoff, daqingStatProjects } from './daqing.stats.ts';

const demo = generateDaqingDemo();
const options2021: StatOptions = { year: 2021, asOf: '2021-05-20' };
const options2020: StatOptions = { year: 2020, asOf: '2020-05-20' };
const projects2021 = daqingStatProjects(demo, 2021);
const projects2020 = daqingStatProjects(demo, 2020);
const f2021 = computeFigures(projects2021, options2021);
const f2020 = computeFigures(projects2020, options2020);

function industry(figuresOf: typeof projects2021, options: StatOptions): Figures {
  const row = breakdown(figuresOf, options, 'category').find((r) => r.key === 'industry');
  if (!row) throw new Error('no industrial projects');
  return row.figures;
}

describe('Daqing demo figures as of 20 May 2021 (seed 000)', () => {
  it('lists 387 key projects, 210 new and 177 continuing', () => {
    expect(f2021).toMatchObject({ projects: 387, newProjects: 210, continuingProjects: 177, reserveProjects: 0 });
  });

  it('totals 1528.2亿 of investment with a 577.5亿 annual plan', () => {
    expect(formatYi(f2021.totalInvestment)).toBe('1528.2');
    expect(formatYi(f2021.annualPlan)).toBe('577.5');
  });

  it('has 299 started or resumed (126 new, 173 continuing), a start rate of 77.3%', () => {
    expect(f2021).toMatchObject({ startedOrResumed: 299, startedNew: 126, resumedContinuing: 173 });
    expect(percent(BigInt(f2021.startedOrResumed), BigInt(f2021.projects), 1)).toBe('77.3');
    expect(f2021.startRate).toBe('77.26');
  });

  it('completed 94.5亿, 16.4% of the plan', () => {
    expect(formatYi(f2021.completedYtd)).toBe('94.5');
    expect(percent(f2021.completedYtd, f2021.annualPlan, 1)).toBe('16.4');
    expect(f2021.completionRate).toBe('16.36');
  });
});

describe('Daqing demo year on year: 20 May 2021 against 20 May 2020', () => {
  const diff = diffFigures(f2021, f2020);

  it('has as many projects, 100亿 more total investment and two more started', () => {
    expect(diff.projects).toBe(0);
    expect(diff.totalInvestment).toBe(yi('100'));
    expect(formatYi(diff.totalInvestment)).toBe('100.0');
    expect(diff.startedOrResumed).toBe(2);
  });

  it('has 40 more industrial projects, 236亿 more industrial investment and 27 more industrial starts', () => {
    const industrial = diffFigures(industry(projects2021, options2021), industry(projects2020, options2020));
    expect(industrial.projects).toBe(40);
    expect(industrial.totalInvestment).toBe(yi('236'));
    expect(industrial.startedOrResumed).toBe(27);
  });

  it('gives rate differences in percentage points', () => {
    expect(diff.startRate).toBe('0.52');
    expect(f2020.startRate).toBe(percent(297n, 387n, 2));
  });
});

describe('daqingStatProjects', () => {
  it('reports January–May with the demo city’s cut-offs', () => {
    expect([1, 2, 3, 4, 5].map((m) => daqingCutoff(2020, m))).toEqual([
      '2020-01-31',
      '2020-02-29',
      '2020-03-31',
      '2020-04-30',
      '2020-05-20',
    ]);
    for (const p of projects2021) {
      expect(p.reports.map((r) => r.cutoff)).toEqual([1, 2, 3, 4, 5].map((m) => daqingCutoff(2021, m)));
    }
  });

  it('sets startedOn from the month of the start on, and never before', () => {
    for (const p of [...projects2021, ...projects2020]) {
      const starts = p.reports.map((r) => r.startedOn).filter((d) => d !== null);
      if (starts.length === 0) continue;
      const first = p.reports.findIndex((r) => r.startedOn !== null);
      expect(p.reports.slice(first).every((r) => r.startedOn === starts[0])).toBe(true);
      expect(starts[0]?.slice(5, 7)).toBe(String(first + 1).padStart(2, '0'));
    }
  });

  it('counts the 210 projects finished in 2020 as in production only once they were, not as of 20 May', () => {
    const finished = projects2020.filter((p) => p.completedOn?.startsWith('2020'));
    expect(finished).toHaveLength(210);
    expect(f2020.completedInProduction.count).toBe(0);
    const yearEnd = computeFigures(projects2020, { year: 2020, asOf: '2020-12-31' });
    expect(yearEnd.completedInProduction.count).toBe(210);
    expect(yearEnd.expectedCompletionByYearEnd.count).toBe(0);
    expect(f2021.completedInProduction.count).toBe(0);
  });
});
