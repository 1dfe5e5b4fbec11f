import { describe, expect, it } from 'vitest';
import { FEN_PER_YI, wan, yi, type Fen } from './money.ts';
import {
  breakdown,
  breakdownKeys,
  completedAsOf,
  computeFigures,
  countedReports,
  diffFigures,
  sizeTierOf,
  startedAsOf,
} from './statistics.ts';
import type { Figures, StatOptions, StatProject, StatReport } from './statistics.types.ts';

const options: StatOptions = { year: 2021, asOf: '2021-05-20' };
let nextId = 1;

function report(cutoff: string, completed: Fen, startedOn: string | null = null): StatReport {
  return { cutoff, completed, startedOn };
}

function project(overrides: Partial<StatProject> = {}): StatProject {
  return {
    id: nextId++,
    regionCode: '230602',
    levels: ['municipal'],
    category: 'industry',
    industry: 'C',
    nature: 'continuing',
    totalInvestment: yi('2'),
    annualPlan: yi('1'),
    plannedNewStart: false,
    completedOn: null,
    plannedCompletionDate: null,
    reports: [],
    ...overrides,
  };
}

describe('counted reports', () => {
  const p = project({
    reports: [
      report('2020-12-31', wan('7'), '2020-03-01'),
      report('2021-01-31', wan('1')),
      report('2021-04-30', wan('2'), '2021-04-10'),
      report('2021-05-20', wan('3'), '2021-04-10'),
      report('2021-05-31', wan('100'), '2021-04-10'),
    ],
  });

  it('keeps reports of the year with a cut-off on or before the as-of date', () => {
    expect(countedReports(p, options).map((r) => r.cutoff)).toEqual(['2021-01-31', '2021-04-30', '2021-05-20']);
    expect(completedAsOf(p, options)).toBe(wan('6'));
    expect(completedAsOf(p, { year: 2021, asOf: '2021-05-19' })).toBe(wan('3'));
    expect(completedAsOf(p, { year: 2020, asOf: '2020-12-31' })).toBe(wan('7'));
  });

  it('rejects an as-of date outside the year', () => {
    expect(() => completedAsOf(p, { year: 2021, asOf: '2020-05-20' })).toThrow(RangeError);
    expect(() => computeFigures([p], { year: 2021, asOf: '2021-5-20' })).toThrow(RangeError);
  });
});

describe('startedAsOf', () => {
  it('takes the earliest start on counted reports, ignoring starts after the as-of date', () => {
    const p = project({
      reports: [
        report('2021-03-31', 0n, null),
        report('2021-04-30', 0n, '2021-04-12'),
        report('2021-05-20', 0n, '2021-04-10'),
      ],
    });
    expect(startedAsOf(p, options)).toBe('2021-04-10');
    expect(startedAsOf(p, { year: 2021, asOf: '2021-04-30' })).toBe('2021-04-12');
    expect(startedAsOf(p, { year: 2021, asOf: '2021-03-31' })).toBeNull();
    const late = project({ reports: [report('2021-05-20', 0n, '2021-05-21')] });
    expect(startedAsOf(late, options)).toBeNull();
  });

  it('ignores a start reported on a report of another year or after the cut-off', () => {
    const p = project({ reports: [report('2020-05-20', 0n, '2020-04-01'), report('2021-05-31', 0n, '2021-05-02')] });
    expect(startedAsOf(p, options)).toBeNull();
  });

  it('never counts a reserve project as started', () => {
    const p = project({ nature: 'reserve', reports: [report('2021-04-30', wan('1'), '2021-04-01')] });
    expect(startedAsOf(p, options)).toBeNull();
    expect(computeFigures([p], options)).toMatchObject({
      startedOrResumed: 0,
      startRate: '0.00',
      completedYtd: wan('1'),
    });
  });
});

describe('computeFigures', () => {
  const started = (day: string, completed: Fen = 0n): StatReport[] => [report('2021-05-20', completed, day)];
  const list = [
    project({ nature: 'new', plannedNewStart: true, reports: started('2021-04-21', yi('0.5')) }),
    project({ nature: 'new', plannedNewStart: true, reports: [report('2021-05-20', 0n)] }),
    project({ nature: 'new', plannedNewStart: false, reports: started('2021-03-01') }),
    project({ nature: 'continuing', reports: started('2021-03-15', yi('1.5')) }),
    project({ nature: 'continuing', annualPlan: yi('2'), reports: [report('2021-06-30', yi('9'), '2021-06-01')] }),
    project({ nature: 'reserve', annualPlan: 0n, totalInvestment: yi('5') }),
  ];
  const f = computeFigures(list, options);

  it('counts the list by nature and sums investment and plan', () => {
    expect(f).toMatchObject({ projects: 6, newProjects: 3, continuingProjects: 2, reserveProjects: 1 });
    expect(f.totalInvestment).toBe(yi('15'));
    expect(f.annualPlan).toBe(yi('6'));
  });

  it('rates starts over every project on the list, reserve included', () => {
    expect(f).toMatchObject({ startedNew: 2, resumedContinuing: 1, startedOrResumed: 3, startRate: '50.00' });
  });

  it('rates new starts over the planned new starts only', () => {
    expect(f).toMatchObject({ plannedNewStarts: 2, startedPlannedNew: 1, newStartRate: '50.00' });
  });

  it('rates completion against the annual plan', () => {
    expect(f.completedYtd).toBe(yi('2'));
    expect(f.completionRate).toBe('33.33');
  });

  it('gives null rates on an empty list', () => {
    const empty = computeFigures([], options);
    expect(empty).toMatchObject({ projects: 0, startRate: null, newStartRate: null, completionRate: null });
    expect(empty.totalInvestment).toBe(0n);
    expect(computeFigures([project({ annualPlan: 0n })], options)).toMatchObject({
      newStartRate: null,
      completionRate: null,
      startRate: '0.00',
    });
  });

  it('rounds rates half up to two decimals', () => {
    const eight = Array.from({ length: 8 }, (_, i) =>
      project({ reports: i < 1 ? started('2021-03-01') : [], nature: 'continuing' }),
    );
    expect(computeFigures(eight, options).startRate).toBe('12.50');
    const three = [project({ reports: started('2021-03-01') }), project(), project()];
    expect(computeFigures(three, options).startRate).toBe('33.33');
    expect(
      computeFigures([...three.slice(0, 1), project({ reports: started('2021-03-01') }), project()], options),
    ).toMatchObject({ startRate: '66.67' });
  });
});

describe('completions', () => {
  const done = (completedOn: string | null, plannedCompletionDate: string | null, total = yi('1')): StatProject =>
    project({ completedOn, plannedCompletionDate, totalInvestment: total });

  it('counts completed-and-in-production from 1 January to the as-of date, with total investment', () => {
    const list = [
      done('2021-01-01', null, yi('2')),
      done('2021-05-20', null, yi('3')),
      done('2021-05-21', null, yi('100')),
      done('2020-12-31', null, yi('100')),
    ];
    const f = computeFigures(list, options);
    expect(f.completedInProduction).toEqual({ count: 2, totalInvestment: yi('5') });
  });

  it('expects completion by year end when planned after the as-of date and not done by it', () => {
    const list = [
      done(null, '2021-05-21', yi('1')),
      done(null, '2021-12-31', yi('2')),
      done(null, '2021-05-20', yi('100')),
      done(null, '2022-01-01', yi('100')),
      done(null, null, yi('100')),
      done('2021-05-01', '2021-09-30', yi('100')),
      done('2021-06-15', '2021-09-30', yi('4')),
    ];
    expect(computeFigures(list, options).expectedCompletionByYearEnd).toEqual({ count: 3, totalInvestment: yi('7') });
  });

  it('counts projects over 150% of their plan strictly, and none with no plan', () => {
    const over = (plan: Fen, completed: Fen): StatProject =>
      project({ annualPlan: plan, reports: [report('2021-05-20', completed, '2021-03-01')] });
    const list = [
      over(wan('100'), wan('150')),
      over(wan('100'), wan('150.000001')),
      over(wan('3'), wan('4.5')),
      over(wan('3'), wan('4.500001')),
      over(0n, wan('1')),
    ];
    expect(computeFigures(list, options).overPlan150).toBe(2);
  });
});

describe('size tiers', () => {
  it('puts boundaries in the higher tier', () => {
    expect(sizeTierOf(FEN_PER_YI - 1n)).toBe('lt1yi');
    expect(sizeTierOf(0n)).toBe('lt1yi');
    expect(sizeTierOf(yi('1'))).toBe('ge1yi');
    expect(sizeTierOf(yi('10') - 1n)).toBe('ge1yi');
    expect(sizeTierOf(yi('10'))).toBe('ge10yi');
    expect(sizeTierOf(yi('50') - 1n)).toBe('ge10yi');
    expect(sizeTierOf(yi('50'))).toBe('ge50yi');
    expect(sizeTierOf(yi('1000'))).toBe('ge50yi');
  });
});

describe('breakdown', () => {
  const list = [
    project({ regionCode: '230602', levels: ['provincial', 'municipal'], totalInvestment: yi('50') }),
    project({ regionCode: '230603', levels: ['municipal', 'municipal'], totalInvestment: yi('10') }),
    project({ regionCode: '230602', levels: ['county'], category: 'social', industry: null, totalInvestment: yi('1') }),
    project({ regionCode: '230102', levels: [], nature: 'reserve', totalInvestment: wan('9999.99') }),
  ];
  const keys = (rows: { key: string; figures: Figures }[]) => rows.map((r) => [r.key, r.figures.projects]);

  it('puts a project with several levels under each of them, once each', () => {
    expect(keys(breakdown(list, options, 'level'))).toEqual([
      ['county', 1],
      ['municipal', 2],
      ['none', 1],
      ['provincial', 1],
    ]);
    expect(breakdownKeys(list[1] ?? project(), 'level')).toEqual(['municipal']);
  });

  it('groups regions by county code or by prefecture', () => {
    expect(keys(breakdown(list, options, 'region'))).toEqual([
      ['230102', 1],
      ['230602', 2],
      ['230603', 1],
    ]);
    expect(keys(breakdown(list, options, 'region', { regionLevel: 'prefecture' }))).toEqual([
      ['230100', 1],
      ['230600', 3],
    ]);
  });

  it('groups by category, industry, nature and size tier, sorted by key', () => {
    expect(keys(breakdown(list, options, 'category'))).toEqual([
      ['industry', 3],
      ['social', 1],
    ]);
    expect(keys(breakdown(list, options, 'industry'))).toEqual([
      ['C', 3],
      ['none', 1],
    ]);
    expect(keys(breakdown(list, options, 'nature'))).toEqual([
      ['continuing', 3],
      ['reserve', 1],
    ]);
    const tiers = breakdown(list, options, 'sizeTier');
    expect(keys(tiers)).toEqual([
      ['ge10yi', 1],
      ['ge1yi', 1],
      ['ge50yi', 1],
      ['lt1yi', 1],
    ]);
    expect(tiers.find((r) => r.key === 'ge50yi')?.figures.totalInvestment).toBe(yi('50'));
  });

  it('returns no rows for no projects', () => {
    expect(breakdown([], options, 'region')).toEqual([]);
  });
});

describe('diffFigures', () => {
  const figures = (over: Partial<Figures>): Figures => ({ ...computeFigures([], options), ...over });

  it('subtracts counts and money and gives rates in percentage points', () => {
    const current = figures({
      projects: 387,
      totalInvestment: yi('1528.2'),
      startRate: '77.26',
      completionRate: '16.36',
    });
    const previous = figures({
      projects: 387,
      totalInvestment: yi('1428.2'),
      startRate: '76.01',
      completionRate: '16.76',
    });
    const d = diffFigures(current, previous);
    expect(d.projects).toBe(0);
    expect(d.totalInvestment).toBe(yi('100'));
    expect(d.startRate).toBe('1.25');
    expect(d.completionRate).toBe('-0.40');
    expect(diffFigures(previous, previous).startRate).toBe('0.00');
  });

  it('gives a null rate difference when either side has no rate', () => {
    const d = diffFigures(figures({ startRate: '10.00' }), figures({ startRate: null }));
    expect(d.startRate).toBeNull();
    expect(d.completionRate).toBeNull();
  });

  it('reads rates published with fewer decimals', () => {
    expect(diffFigures(figures({ startRate: '7.5' }), figures({ startRate: '100' })).startRate).toBe('-92.50');
    expect(() => diffFigures(figures({ startRate: '7.555' }), figures({ startRate: '1' }))).toThrow(RangeError);
  });
});
