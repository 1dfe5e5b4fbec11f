import { describe, expect, it } from 'vitest';
import { closedOnTime, leagueTable, median, type LeagueProblem } from './problem.league.ts';
import { CHINA_CALENDAR, workCalendar } from './workday.ts';

const calendar = workCalendar(CHINA_CALENDAR);
const base = { unitName: '', dueOn: '2021-05-13', state: 'open', resolvedOn: null, grade: null, overdueNow: false };
const p = (unitId: number, overrides: Partial<LeagueProblem>): LeagueProblem =>
  ({ ...base, unitId, unitName: `单位${unitId}`, assignedOn: '2021-05-06', ...overrides }) as LeagueProblem;

describe('the league table', () => {
  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts a problem closed on time only when verified and resolved by its due date', () => {
    expect(closedOnTime(p(1, { state: 'verified_closed', resolvedOn: '2021-05-13', grade: 'good' }))).toBe(true);
    expect(closedOnTime(p(1, { state: 'verified_closed', resolvedOn: '2021-05-14', grade: 'good' }))).toBe(false);
    expect(closedOnTime(p(1, { state: 'resolved', resolvedOn: '2021-05-10' }))).toBe(false);
  });

  it('gives each unit its figures on a known set and ranks them', () => {
    const rows = leagueTable(
      [
        // Unit 1: three received, two closed on time, one late; 3, 5 and 8 working days from Thu 05-06 (Saturday
        // 05-08 is an adjusted working day, so Thu → Mon 05-10 is 3).
        p(1, { state: 'verified_closed', resolvedOn: '2021-05-10', grade: 'excellent' }),
        p(1, { state: 'verified_closed', resolvedOn: '2021-05-12', grade: 'good' }),
        p(1, { state: 'verified_closed', resolvedOn: '2021-05-17', grade: 'pass' }),
        // Unit 2: two received, one overdue now, one resolved awaiting verification (the Labour Day holiday
        // 05-01..05 does not count: Thu 04-29 → Thu 05-06 is 2 working days, 04-30 and 05-06).
        p(2, { assignedOn: '2021-04-29', state: 'in_progress', overdueNow: true }),
        p(2, { assignedOn: '2021-04-29', state: 'resolved', resolvedOn: '2021-05-06' }),
        // Outside the period: not counted.
        p(3, { assignedOn: '2021-03-01' }),
      ],
      calendar,
      { from: '2021-04-01', to: '2021-05-20' },
    );
    expect(rows).toEqual([
      {
        rank: 1,
        unitId: 1,
        unitName: '单位1',
        received: 3,
        closed: 3,
        closedOnTime: 2,
        onTimeRate: 2 / 3,
        medianWorkingDaysToClose: 5,
        overdueNow: 0,
        grades: { excellent: 1, good: 1, pass: 1, fail: 0 },
      },
      {
        rank: 2,
        unitId: 2,
        unitName: '单位2',
        received: 2,
        closed: 0,
        closedOnTime: 0,
        onTimeRate: 0,
        medianWorkingDaysToClose: 2,
        overdueNow: 1,
        grades: { excellent: 0, good: 0, pass: 0, fail: 0 },
      },
    ]);
  });
});
