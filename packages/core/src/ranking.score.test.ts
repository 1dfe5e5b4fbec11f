/**
 * Rankings scored by hand: Yan'an's additive points for three sample projects and their district (DOMAIN.md's
 * figures), Henan's 四比四看 against the best district, ties, movement and the points' exactness.
 */
import { describe, expect, it } from 'vitest';
import { yi } from './money.ts';
import { formulaText, valueText } from './ranking.explain.ts';
import { RANKING_PRESETS } from './ranking.presets.ts';
import { formatPoints, rankUnits, RankingInputError, type RankingUnitFacts } from './ranking.score.ts';

const ratio = (completedYi: string, planYi: string) => ({ numerator: yi(completedYi), denominator: yi(planYi) });

/** District A's three projects, and the points each should get by Yan'an's rules (worked out below). */
const DISTRICT_A: RankingUnitFacts = {
  unitCode: '230602',
  unitName: '萨尔图区',
  projects: [
    {
      // new start 5 + ≥10亿 20 + industrial 15 + 60 × 6/12 = 30 + provincial 20 + not in production 0 = 90
      projectId: 1,
      name: '石化新材料产业园',
      values: {
        project_start: 'new_started',
        plan_scale: yi('12'),
        project_category: 'industry',
        plan_progress: ratio('6', '12'),
        provincial_project: true,
        into_production: false,
      },
    },
    {
      // continuing 2 + 1–5亿 6 + livelihood 8 + 60 × min(3.3/3, 1) = 60 + 0 + 0 = 76
      projectId: 2,
      name: '第二人民医院门诊楼',
      values: {
        project_start: 'continuing',
        plan_scale: yi('3'),
        project_category: 'social',
        plan_progress: ratio('3.3', '3'),
        provincial_project: false,
        into_production: false,
      },
    },
    {
      // continuing 2 + <1亿 3 + basic 6 + 60 × 0.2/0.8 = 15 + 0 + in production 20 = 46
      projectId: 3,
      name: '东城区供热管网改造',
      values: {
        project_start: 'continuing',
        plan_scale: yi('0.8'),
        project_category: 'infrastructure',
        plan_progress: ratio('0.2', '0.8'),
        provincial_project: false,
        into_production: true,
      },
    },
  ],
  // one 集中开工 organised: +30; one criticism: −5
  values: { events_organised: 1, criticism: [{ points: -5, reason: '省通报批评' }] },
};

describe("Yan'an's additive points", () => {
  const [unit] = rankUnits(RANKING_PRESETS.yanan, [DISTRICT_A]);
  const term = (indicator: string) => unit?.terms.find((t) => t.indicator === indicator);
  const projectPoints = (id: number) =>
    unit?.terms.reduce((sum, t) => sum + (t.details.find((d) => d.projectId === id)?.hundredths ?? 0), 0);

  it('gives each sample project the points worked out by hand', () => {
    expect(projectPoints(1)).toBe(9000);
    expect(projectPoints(2)).toBe(7600);
    expect(projectPoints(3)).toBe(4600);
  });

  it('agrees term by term for the district, and the terms sum to the score', () => {
    expect(Object.fromEntries((unit?.terms ?? []).map((t) => [t.indicator, t.hundredths]))).toEqual({
      project_start: 900, // 5 + 2 + 2
      plan_scale: 2900, // 20 + 6 + 3
      project_category: 2900, // 15 + 8 + 6
      plan_progress: 10500, // 30 + 60 + 15
      provincial_project: 2000,
      into_production: 2000,
      events_organised: 3000,
      criticism: -500,
    });
    expect(unit?.hundredths).toBe(23700); // 90 + 76 + 46 + 30 − 5
    expect(formatPoints(unit?.hundredths ?? 0)).toBe('237');
    expect(unit?.terms.reduce((sum, t) => sum + t.hundredths, 0)).toBe(unit?.hundredths);
  });

  it('takes the tier bounds as "at least", exactly in fen', () => {
    const scale = (planYi: string) =>
      rankUnits(RANKING_PRESETS.yanan, [
        {
          unitCode: 'x',
          unitName: 'x',
          projects: [{ projectId: 9, name: 'p', values: { plan_scale: yi(planYi) } }],
          values: {},
        },
      ])[0]?.hundredths;
    expect(scale('10')).toBe(2000);
    expect(scale('9.9999')).toBe(1000);
    expect(scale('5')).toBe(1000);
    expect(scale('1')).toBe(600);
    expect(scale('0.9999')).toBe(300);
  });

  it('rounds progress points once per project, half away from zero', () => {
    // 60 × 1/3 = 20.00; 60 × 2/7 = 17.142857… → 17.14
    const progress = (c: string, p: string) =>
      rankUnits(RANKING_PRESETS.yanan, [
        {
          unitCode: 'x',
          unitName: 'x',
          projects: [{ projectId: 9, name: 'p', values: { plan_progress: ratio(c, p) } }],
          values: {},
        },
      ])[0]?.hundredths;
    expect(progress('1', '3')).toBe(2000);
    expect(progress('2', '7')).toBe(1714);
    expect(progress('1', '0')).toBe(0);
  });

  it('refuses an adjustment outside the bounds, naming the unit and indicator', () => {
    const harsh = { ...DISTRICT_A, values: { criticism: [{ points: -25, reason: '过重' }] } };
    expect(() => rankUnits(RANKING_PRESETS.yanan, [harsh])).toThrow(RankingInputError);
  });

  it('explains a term in words', () => {
    expect(formulaText(term('project_start')?.formula ?? { kind: 'flag', points: 0 }, 'zh')).toBe('新开工 +5；续建 +2');
    expect(formulaText(term('plan_scale')?.formula ?? { kind: 'flag', points: 0 }, 'zh')).toBe(
      '≥10亿元 20；≥5亿元 10；≥1亿元 6；其余 3',
    );
    expect(valueText(ratio('6', '12'), 'zh')).toBe('6.00 / 12.00亿元');
    expect(valueText('industry', 'zh')).toBe('产业项目');
    expect(valueText(null, 'en')).toBe('no data');
  });
});

describe("Henan's 四比四看", () => {
  const district = (code: string, values: RankingUnitFacts['values']): RankingUnitFacts => ({
    unitCode: code,
    unitName: code,
    projects: [],
    values,
  });
  const units = [
    district('A', {
      reserve_growth: 20,
      attraction_signed: 50,
      start_resume_rate: 0.8,
      completion_rate: 0.4,
      problems_closed_on_time: 1,
      reports_on_time: 0.9,
    }),
    district('B', {
      reserve_growth: 10,
      attraction_signed: 100,
      start_resume_rate: 0.6,
      completion_rate: 0.5,
      problems_closed_on_time: 0.5,
      reports_on_time: 1,
    }),
    district('C', {
      reserve_growth: 5,
      start_resume_rate: 0.4,
      completion_rate: 0.2,
      problems_closed_on_time: 0.8,
      reports_on_time: 0.5,
    }),
  ];

  it('scores each comparison against the best district, by hand', () => {
    const ranked = rankUnits(RANKING_PRESETS.henan, units);
    // A: 25×20/20 + 25×50/100 + 15×0.8/0.8 + 10×0.4/0.5 + 15×1 + 10×0.9 = 25 + 12.5 + 15 + 8 + 15 + 9 = 84.5
    // B: 12.5 + 25 + 11.25 + 10 + 7.5 + 10 = 76.25
    // C: 6.25 + 0 (no attraction data) + 7.5 + 4 + 12 + 5 = 34.75
    expect(ranked.map((u) => [u.unitCode, u.rank, u.hundredths])).toEqual([
      ['A', 1, 8450],
      ['B', 2, 7625],
      ['C', 3, 3475],
    ]);
    const attraction = ranked[2]?.terms.find((t) => t.indicator === 'attraction_signed');
    expect(attraction).toMatchObject({ missing: true, hundredths: 0, best: 100, group: '比招引看投资' });
  });

  it('gives equal scores the same rank and reports movement against the previous ranking', () => {
    const tied = [district('B', { reports_on_time: 1 }), district('A', { reports_on_time: 1 }), district('C', {})];
    const ranked = rankUnits(
      RANKING_PRESETS.henan,
      tied,
      new Map([
        ['A', 3],
        ['C', 1],
      ]),
    );
    expect(ranked.map((u) => [u.unitCode, u.rank, u.movement])).toEqual([
      ['A', 1, 2],
      ['B', 1, null],
      ['C', 3, -2],
    ]);
  });
});

describe('formatPoints', () => {
  it('writes points as officials read them', () => {
    expect([23700, 8450, 7625, -525, 0, 5].map(formatPoints)).toEqual(['237', '84.5', '76.25', '-5.25', '0', '0.05']);
  });
});

describe('departments (部门赛马)', () => {
  const unit = (unitCode: string, values: RankingUnitFacts['values']): RankingUnitFacts => ({
    unitCode,
    unitName: unitCode,
    projects: [],
    values,
  });
  const units = [
    // problems 3 of 4 on time, 4 of 5 projects started, completion 0.5 (the best), reports 90%, 2 warnings
    unit('land', {
      problems_closed_on_time: 0.75,
      start_resume_rate: 0.8,
      completion_rate: 0.5,
      reports_on_time: 0.9,
      warnings_outstanding: 2,
    }),
    // no problems due, every project started, completion 0.4, reports 100%, no warnings (the fewest)
    unit('housing', {
      problems_closed_on_time: null,
      start_resume_rate: 1,
      completion_rate: 0.4,
      reports_on_time: 1,
      warnings_outstanding: 0,
    }),
  ];

  it('scores a department term by term, by hand', () => {
    const [first, second] = rankUnits(RANKING_PRESETS.departments, units);
    const terms = (u: typeof first) => Object.fromEntries((u?.terms ?? []).map((t) => [t.indicator, t.hundredths]));
    // land: 30 × 0.75 = 22.5; 20 × 0.8 = 16; 20 × 0.5 / 0.5 = 20; 15 × 0.9 = 13.5; 15 × (0 + 1) / (2 + 1) = 5 → 77
    expect(first?.unitCode).toBe('land');
    expect(terms(first)).toEqual({
      problems_closed_on_time: 2250,
      start_resume_rate: 1600,
      completion_rate: 2000,
      reports_on_time: 1350,
      warnings_outstanding: 500,
    });
    expect(first?.hundredths).toBe(7700);
    // housing: 0 (missing); 20; 20 × 0.4 / 0.5 = 16; 15; 15 → 66
    expect(terms(second)).toEqual({
      problems_closed_on_time: 0,
      start_resume_rate: 2000,
      completion_rate: 1600,
      reports_on_time: 1500,
      warnings_outstanding: 1500,
    });
    expect(second?.hundredths).toBe(6600);
    expect(second?.terms.find((t) => t.indicator === 'problems_closed_on_time')?.missing).toBe(true);
  });

  it('ranks departments, not districts', () => {
    expect(RANKING_PRESETS.departments).toMatchObject({ unitKind: 'department', period: 'month', version: 1 });
  });
});
