import { describe, expect, it } from 'vitest';
import { wan } from './money.ts';
import { SANYA_PRESET, YINCHUAN_PRESET } from './warning.presets.ts';
import { evaluateWarnings, reportDeadline, type WarningProjectSnapshot } from './warning.rules.ts';
import { evaluateDistrictTarget } from './warning.district.ts';
import { monthsElapsed, timeElapsedPace } from './warning.measure.ts';
import type { WarningRuleId } from './warning.contract.ts';

/** One fen: the smallest step past a threshold. */
const FEN = 1n;

/** A project that raises nothing as of 2021-05-20 under either preset: on pace, started, in statistics, reported. */
function snapshot(overrides: Partial<WarningProjectSnapshot> = {}): WarningProjectSnapshot {
  return {
    projectId: 7,
    stage: 'construction',
    plannedStartDate: '2020-05-01',
    plannedCompletionDate: '2022-12-31',
    actualStartDate: '2020-05-01',
    actualCompletionDate: null,
    inStatisticsSince: '2020-06-01',
    annualPlan: wan('930'),
    completedYtd: wan('930'),
    lastReportedPeriod: '2021-04',
    reportingFrom: '2021-01',
    openProblems: [],
    ...overrides,
  };
}

/** The one warning of a rule, or undefined. */
function warning(
  rule: WarningRuleId,
  overrides: Partial<WarningProjectSnapshot>,
  asOf: string,
  preset = YINCHUAN_PRESET,
) {
  return evaluateWarnings(snapshot(overrides), preset, asOf).find((w) => w.rule === rule);
}
const level = (...args: Parameters<typeof warning>) => warning(...args)?.level ?? null;

describe('the time-elapsed pace (序时进度)', () => {
  it('counts the months ended, out of twelve', () => {
    expect(timeElapsedPace('2021-05-20').months).toBe(4);
    expect(timeElapsedPace('2021-05-31').months).toBe(5);
    expect(timeElapsedPace('2021-01-01').months).toBe(0);
    expect(timeElapsedPace('2021-12-31').months).toBe(12);
    expect(timeElapsedPace('2020-02-29').months).toBe(2);
    expect(timeElapsedPace('2021-02-28').share).toEqual({ num: 2n, den: 12n });
  });
});

describe('a project on track', () => {
  it('raises nothing under either preset', () => {
    expect(evaluateWarnings(snapshot(), YINCHUAN_PRESET, '2021-05-20')).toEqual([]);
    expect(evaluateWarnings(snapshot(), SANYA_PRESET, '2021-05-20')).toEqual([]);
  });
});

describe('investment behind pace, Yinchuan (percentage points)', () => {
  // As of 2021-06-30 the pace is 6/12 = 50%; with a plan of 1000万, 10 points behind is 400万 done, 30 is 200万.
  const asOf = '2021-06-30';
  const at = (done: bigint) => level('investment_behind_pace', { annualPlan: wan('1000'), completedYtd: done }, asOf);

  it('is yellow at exactly 10 points and nothing just short of it', () => {
    expect(at(wan('400'))).toBe('yellow');
    expect(at(wan('400') + FEN)).toBeNull();
  });

  it('is yellow at exactly 30 points and red just past it', () => {
    expect(at(wan('200'))).toBe('yellow');
    expect(at(wan('200') - FEN)).toBe('red');
    expect(at(0n)).toBe('red');
  });

  it('says the figures in the sentence', () => {
    const w = warning('investment_behind_pace', { annualPlan: wan('1000'), completedYtd: wan('400') }, asOf);
    expect(w?.text).toBe('完成 400万元（40.0%），序时进度 50.0%（应完成 500万元），落后 10.0个百分点');
    expect(w?.figures).toEqual({
      basis: 'points',
      annualPlan: '1000',
      completedYtd: '400',
      completionRate: '40.0',
      elapsedMonths: 6,
      pace: '50.0',
      paceAmount: '500',
      behind: '10.0',
    });
    expect(w).toMatchObject({ projectId: 7, presetId: 'yinchuan', version: 1 });
  });

  it('raises nothing without a plan, or before a month has ended', () => {
    expect(level('investment_behind_pace', { annualPlan: null, completedYtd: 0n }, asOf)).toBeNull();
    expect(level('investment_behind_pace', { annualPlan: 0n, completedYtd: 0n }, asOf)).toBeNull();
    expect(level('investment_behind_pace', { annualPlan: wan('1000'), completedYtd: 0n }, '2021-01-30')).toBeNull();
    expect(level('investment_behind_pace', { annualPlan: wan('1000'), completedYtd: 0n }, '2021-01-31')).toBeNull();
    // Three months ended with nothing done: 25 points behind.
    expect(level('investment_behind_pace', { annualPlan: wan('100'), completedYtd: 0n }, '2021-04-01')).toBe('yellow');
  });
});

describe('investment behind pace, Sanya (share of the pace)', () => {
  const asOf = '2021-05-20'; // pace 4/12: a plan of 930万 should have 310万 done
  const at = (done: bigint) =>
    level('investment_behind_pace', { annualPlan: wan('930'), completedYtd: done }, asOf, SANYA_PRESET);

  it('writes the example sentence', () => {
    const w = warning('investment_behind_pace', { completedYtd: wan('120') }, asOf, SANYA_PRESET);
    expect(w?.text).toBe('完成 120万元，序时进度应完成 310万元，落后 61%');
    expect(w?.level).toBe('red');
  });

  it('is yellow just below the pace, nothing on it', () => {
    expect(at(wan('310'))).toBeNull();
    expect(at(wan('310') - FEN)).toBe('yellow');
  });

  it('is yellow at exactly half behind and red just past', () => {
    expect(at(wan('155'))).toBe('yellow');
    expect(at(wan('155') - FEN)).toBe('red');
  });
});

describe('start overdue (Yinchuan: the month missed → yellow, three months running → red)', () => {
  const late = { plannedStartDate: '2021-03-15', actualStartDate: null, stage: 'preparation', inStatisticsSince: null };

  it('waits until the planned month is over', () => {
    expect(level('start_overdue', late, '2021-03-31')).toBeNull();
    expect(level('start_overdue', late, '2021-04-01')).toBe('yellow');
  });

  it('turns red at the third month end and says so', () => {
    expect(level('start_overdue', late, '2021-05-31')).toBe('yellow');
    const w = warning('start_overdue', late, '2021-06-01');
    expect(w?.level).toBe('red');
    expect(w?.text).toBe('计划2021年3月15日开工，截至2021年6月1日仍未开工，已连续3个月未按计划开工');
    expect(w?.figures).toEqual({ plannedStartDate: '2021-03-15', monthsMissed: 3 });
  });

  it('raises nothing once started, without a planned date, or for a started stage without a date', () => {
    expect(level('start_overdue', { ...late, actualStartDate: '2021-05-10' }, '2021-06-01')).toBeNull();
    expect(level('start_overdue', { ...late, actualStartDate: '2021-06-05' }, '2021-06-01')).toBe('red');
    expect(level('start_overdue', { ...late, plannedStartDate: null }, '2021-06-01')).toBeNull();
    expect(level('start_overdue', { ...late, stage: 'construction' }, '2021-06-01')).toBeNull();
  });
});

describe('completion overdue', () => {
  const late = { plannedCompletionDate: '2021-02-10' };

  it('is yellow after the planned month and red at the third month end', () => {
    expect(level('completion_overdue', late, '2021-02-28')).toBeNull();
    expect(level('completion_overdue', late, '2021-03-01')).toBe('yellow');
    expect(level('completion_overdue', late, '2021-04-30')).toBe('yellow');
    expect(level('completion_overdue', late, '2021-05-01')).toBe('red');
  });

  it('raises nothing once complete', () => {
    expect(level('completion_overdue', { ...late, actualCompletionDate: '2021-02-20' }, '2021-05-01')).toBeNull();
    expect(level('completion_overdue', { ...late, stage: 'production' }, '2021-05-01')).toBeNull();
  });
});

describe('monthly report missing (due the 5th of the next month)', () => {
  it('counts a report missing from the day after its deadline', () => {
    expect(reportDeadline('2021-04', 5)).toBe('2021-05-05');
    expect(reportDeadline('2021-12', 5)).toBe('2022-01-05');
    expect(level('report_missing', { lastReportedPeriod: '2021-03' }, '2021-05-05')).toBeNull();
    const w = warning('report_missing', { lastReportedPeriod: '2021-03' }, '2021-05-06');
    expect(w?.level).toBe('yellow');
    expect(w?.text).toBe('2021年4月起1期月报逾期未报（2021年4月月报2021年5月5日截止），最近报送为2021年3月');
    expect(level('report_missing', { lastReportedPeriod: '2021-03' }, '2021-06-05')).toBe('yellow');
    expect(level('report_missing', { lastReportedPeriod: '2021-03' }, '2021-06-06')).toBe('red');
  });

  it('counts from the first month due for a project without reports', () => {
    const none = { lastReportedPeriod: null, reportingFrom: '2021-01' };
    expect(level('report_missing', none, '2021-02-05')).toBeNull();
    const w = warning('report_missing', none, '2021-02-06');
    expect(w?.text).toBe('2021年1月起1期月报逾期未报（2021年1月月报2021年2月5日截止），尚无已报月报');
    expect(w?.figures).toEqual({
      periodsMissing: 1,
      firstMissingPeriod: '2021-01',
      deadline: '2021-02-05',
      lastReportedPeriod: null,
    });
    expect(level('report_missing', none, '2021-03-06')).toBe('red');
    expect(level('report_missing', { ...none, reportingFrom: null }, '2021-06-06')).toBeNull();
  });

  it('uses a deadline the city moved for a month', () => {
    const moved = { reportDeadlines: new Map([['2021-04', '2021-05-10']]) };
    const snap = snapshot({ lastReportedPeriod: '2021-03' });
    expect(evaluateWarnings(snap, YINCHUAN_PRESET, '2021-05-06', moved)).toEqual([]);
    expect(evaluateWarnings(snap, YINCHUAN_PRESET, '2021-05-10', moved)).toEqual([]);
    expect(evaluateWarnings(snap, YINCHUAN_PRESET, '2021-05-11', moved)[0]).toMatchObject({
      rule: 'report_missing',
      level: 'yellow',
      figures: { deadline: '2021-05-10' },
    });
  });
});

describe('problem overdue (yellow from the first day, red past a week)', () => {
  const due = (dueOn: string | null) => ({ openProblems: [{ id: 3, dueOn }] });

  it('is yellow the day after the due date and red just past seven days', () => {
    expect(level('problem_overdue', due('2021-05-20'), '2021-05-20')).toBeNull();
    expect(level('problem_overdue', due('2021-05-19'), '2021-05-20')).toBe('yellow');
    expect(level('problem_overdue', due('2021-05-13'), '2021-05-20')).toBe('yellow');
    expect(level('problem_overdue', due('2021-05-12'), '2021-05-20')).toBe('red');
  });

  it('counts the overdue problems and names the worst; undated and not-yet-due ones do not count', () => {
    const w = warning(
      'problem_overdue',
      {
        openProblems: [
          { id: 1, dueOn: null },
          { id: 2, dueOn: '2021-05-18' },
          { id: 4, dueOn: '2021-05-10' },
          { id: 5, dueOn: '2021-06-01' },
        ],
      },
      '2021-05-20',
    );
    expect(w?.figures).toEqual({ overdueProblems: 2, maxDaysOverdue: 10, worstProblemId: 4 });
    expect(w?.text).toBe('2个问题逾期未办结，最长逾期10天');
    expect(level('problem_overdue', due(null), '2021-05-20')).toBeNull();
  });
});

describe('started but not in statistics (Yinchuan: a month → yellow, over two → red)', () => {
  const out = { actualStartDate: '2021-03-15', inStatisticsSince: null };

  it('is yellow a month to the day after the start and not before', () => {
    expect(level('not_in_statistics', out, '2021-04-14')).toBeNull();
    const w = warning('not_in_statistics', out, '2021-04-15');
    expect(w?.level).toBe('yellow');
    expect(w?.text).toBe('2021年3月15日开工，已31天仍未纳入固定资产投资统计');
    expect(w?.figures).toEqual({ actualStartDate: '2021-03-15', daysSinceStart: 31, monthsSinceStart: '1.0' });
  });

  it('is yellow at exactly two months and red the day after', () => {
    expect(level('not_in_statistics', out, '2021-05-15')).toBe('yellow');
    expect(level('not_in_statistics', out, '2021-05-16')).toBe('red');
  });

  it('raises nothing once in statistics, or before the start', () => {
    expect(level('not_in_statistics', { ...out, inStatisticsSince: '2021-04-01' }, '2021-05-16')).toBeNull();
    expect(level('not_in_statistics', { ...out, inStatisticsSince: '2021-06-01' }, '2021-05-16')).toBe('red');
    expect(
      level('not_in_statistics', { ...out, actualStartDate: null, stage: 'construction' }, '2021-05-16'),
    ).toBeNull();
  });

  it('measures months exactly, a month after 31 January being 28 February', () => {
    expect(monthsElapsed('2021-01-31', '2021-02-28')).toEqual({ num: 31n, den: 31n });
    expect(monthsElapsed('2021-03-15', '2021-05-16')).toEqual({ num: 2n * 31n + 1n, den: 31n });
  });
});

describe('milestone overdue', () => {
  it('raises nothing until plans exist', () => {
    expect(level('milestone_overdue', {}, '2021-05-20')).toBeNull();
    expect(level('milestone_overdue', { milestones: [] }, '2021-05-20')).toBeNull();
  });

  it('grades the most overdue node that is not done', () => {
    const milestones = [
      { name: '主体结构封顶', plannedOn: '2021-05-12', doneOn: null },
      { name: '取得施工许可证', plannedOn: '2021-03-01', doneOn: '2021-03-05' },
    ];
    const w = warning('milestone_overdue', { milestones }, '2021-05-20');
    expect(w?.level).toBe('red');
    expect(w?.text).toBe('1个节点逾期未完成，最长逾期8天（主体结构封顶）');
    expect(level('milestone_overdue', { milestones }, '2021-05-19')).toBe('yellow');
  });
});

describe('every rule together', () => {
  it('returns each warning once, in rule order, with the preset and version', () => {
    const lagging = snapshot({
      plannedStartDate: '2021-01-10',
      actualStartDate: null,
      stage: 'preparation',
      inStatisticsSince: null,
      completedYtd: 0n,
      lastReportedPeriod: null,
      openProblems: [{ id: 9, dueOn: '2021-05-01' }],
    });
    const warnings = evaluateWarnings(lagging, YINCHUAN_PRESET, '2021-05-20');
    expect(warnings.map((w) => [w.rule, w.level])).toEqual([
      ['investment_behind_pace', 'red'],
      ['start_overdue', 'red'],
      ['report_missing', 'red'],
      ['problem_overdue', 'red'],
    ]);
    expect(() => evaluateWarnings(lagging, YINCHUAN_PRESET, '2021-5-20')).toThrow(RangeError);
  });
  it('raises nothing for a new library entry without a plan, dates or reports', () => {
    const bare = snapshot({
      stage: 'reserve',
      plannedStartDate: null,
      plannedCompletionDate: null,
      actualStartDate: null,
      inStatisticsSince: null,
      annualPlan: null,
      completedYtd: 0n,
      lastReportedPeriod: null,
      reportingFrom: null,
    });
    expect(evaluateWarnings(bare, YINCHUAN_PRESET, '2021-12-31')).toEqual([]);
    expect(evaluateWarnings(bare, SANYA_PRESET, '2021-12-31')).toEqual([]);
  });

  it('runs only the rules the preset configures', () => {
    const onlyStart = { ...YINCHUAN_PRESET, rules: { start_overdue: YINCHUAN_PRESET.rules.start_overdue } };
    const lagging = snapshot({
      plannedStartDate: '2021-01-10',
      actualStartDate: null,
      stage: 'preparation',
      completedYtd: 0n,
    });
    expect(evaluateWarnings(lagging, onlyStart, '2021-05-20').map((w) => w.rule)).toEqual(['start_overdue']);
  });
});

describe('a district missing its monthly target (Sanya)', () => {
  const config = SANYA_PRESET.districtRules.district_target_missed;
  const month = (period: string, target: string, completed: string) => ({
    period,
    target: wan(target),
    completed: wan(completed),
  });

  it('is yellow for the last ended month missed and red for two running', () => {
    if (!config) throw new Error('the Sanya preset has the district rule');
    const months = [month('2021-03', '100', '90'), month('2021-04', '100', '99.99')];
    const red = evaluateDistrictTarget({ regionCode: '460202', months }, config, 'sanya', '2021-05-20');
    expect(red).toMatchObject({ level: 'red', figures: { monthsMissed: 2, period: '2021-04' } });
    expect(red?.text).toBe('连续2个月未完成月度投资目标（2021年4月完成 99.99万元，目标 100万元）');
    const one = [month('2021-03', '100', '100'), month('2021-04', '100', '50')];
    expect(evaluateDistrictTarget({ regionCode: '460202', months: one }, config, 'sanya', '2021-05-20')?.level).toBe(
      'yellow',
    );
    const met = [month('2021-03', '100', '50'), month('2021-04', '100', '100')];
    expect(evaluateDistrictTarget({ regionCode: '460202', months: met }, config, 'sanya', '2021-05-20')).toBeNull();
    expect(evaluateDistrictTarget({ regionCode: '460202', months: [] }, config, 'sanya', '2021-05-20')).toBeNull();
  });
});
