/**
 * Backwards plans with dates worked out by hand (inclusive days; a node ends the day before its successor starts),
 * including the five-stage template's three permits run side by side; the earliest target; delays; the windows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_TEMPLATE, FIVE_STAGES_TEMPLATE } from './lifecycle.contract.ts';
import {
  earliestTarget,
  generateBackwards,
  monthWindow,
  nodeDelay,
  weekWindow,
  type ScheduledNode,
} from './plan.schedule.ts';

const five = FIVE_STAGES_TEMPLATE.definition;
const byKey = (nodes: ScheduledNode[] | { error: string }) => {
  if ('error' in nodes) throw new Error(nodes.error);
  return Object.fromEntries(nodes.map((n) => [n.key, [n.plannedStart, n.plannedEnd]]));
};

describe('generateBackwards', () => {
  // From 立项审批 (approvals, step 0) to the end of the approvals stage, target 2021-12-31:
  // 施工许可 15 d: 12-17..12-31; 初步设计 45 d: 11-02..12-16; the three permits end 11-01 (the day before 11-02):
  // 用地 45 d from 09-18, 规划 30 d from 10-03, 环评能评 40 d from 09-23; 立项 20 d ends the day before the
  // earliest of them (09-18): 08-29..09-17.
  it('lays the parallel permits side by side, each ending the day before design starts', () => {
    const nodes = generateBackwards(five, { stageIndex: 1, stepIndex: 0 }, '2021-12-31', 'approvals');
    expect(byKey(nodes)).toEqual({
      project_approval: ['2021-08-29', '2021-09-17'],
      land_use: ['2021-09-18', '2021-11-01'],
      planning_permit: ['2021-10-03', '2021-11-01'],
      environment_energy: ['2021-09-23', '2021-11-01'],
      design_drawings: ['2021-11-02', '2021-12-16'],
      construction_permit: ['2021-12-17', '2021-12-31'],
    });
    if ('error' in nodes) return;
    expect(nodes.find((n) => n.key === 'design_drawings')?.after).toEqual([
      'land_use',
      'planning_permit',
      'environment_energy',
    ]);
  });

  // Default template from construction (stepless stages): full capacity is a one-day milestone on the target
  // (2023-06-30), production 180 d ends 06-29 and starts 2023-01-01, completion 60 d 2022-11-02..2022-12-31,
  // construction 540 d ends 2022-11-01 and starts 2022-11-01 − 539 = 2021-05-11.
  it('plans stages without steps with their durations and a one-day milestone when they have none', () => {
    const nodes = generateBackwards(
      DEFAULT_LIFECYCLE_TEMPLATE.definition,
      { stageIndex: 3, stepIndex: -1 },
      '2023-06-30',
    );
    expect(byKey(nodes)).toEqual({
      construction: ['2021-05-11', '2022-11-01'],
      completed: ['2022-11-02', '2022-12-31'],
      production: ['2023-01-01', '2023-06-29'],
      full_capacity: ['2023-06-30', '2023-06-30'],
    });
  });

  it('keeps the current step (under way) and drops the done ones; refuses an unknown stage', () => {
    const nodes = byKey(
      generateBackwards(
        DEFAULT_LIFECYCLE_TEMPLATE.definition,
        { stageIndex: 1, stepIndex: 2 },
        '2021-12-31',
        'started',
      ),
    );
    // 开工 1 d on 12-31; 施工准备 30 d 12-01..12-30; 初步设计 45 d 10-17..11-30.
    expect(nodes).toEqual({
      design_drawings: ['2021-10-17', '2021-11-30'],
      site_preparation: ['2021-12-01', '2021-12-30'],
      started: ['2021-12-31', '2021-12-31'],
    });
    expect(generateBackwards(five, null, '2021-12-31', 'nowhere')).toEqual({ error: 'plan.untilStageUnknown' });
  });
});

describe('earliestTarget', () => {
  // Critical path through the permits: 20 + 45 (用地, the longest of the three) + 45 + 15 = 125 days, the first
  // starting on 2021-05-20: 2021-05-20 + 124 = 2021-09-21.
  it('is today plus the critical path, and a plan to it starts today', () => {
    const from = { stageIndex: 1, stepIndex: 0 };
    expect(earliestTarget(five, from, '2021-05-20', 'approvals')).toBe('2021-09-21');
    expect(byKey(generateBackwards(five, from, '2021-09-21', 'approvals')).project_approval?.[0]).toBe('2021-05-20');
  });

  it('is null when nothing is left to plan', () => {
    expect(earliestTarget(five, { stageIndex: 2, stepIndex: 0 }, '2021-05-20', 'approvals')).toBeNull();
  });
});

describe('nodeDelay', () => {
  it('counts a late finish, an open node past its date, and nothing for on time', () => {
    expect(nodeDelay('2021-05-10', '2021-05-15', 'done', '2021-05-20')).toEqual({ delayDays: 5, overdue: false });
    expect(nodeDelay('2021-05-10', '2021-05-08', 'done', '2021-05-20')).toEqual({ delayDays: 0, overdue: false });
    expect(nodeDelay('2021-05-10', null, 'in_progress', '2021-05-20')).toEqual({ delayDays: 10, overdue: true });
    expect(nodeDelay('2021-05-20', null, 'pending', '2021-05-20')).toEqual({ delayDays: 0, overdue: false });
  });
});

describe('windows', () => {
  // 2021-05-20 is a Thursday: the week runs Monday 05-17 to Sunday 05-23.
  it('gives Monday to Sunday and the calendar month', () => {
    expect(weekWindow('2021-05-20')).toEqual({ from: '2021-05-17', to: '2021-05-23' });
    expect(weekWindow('2021-05-23')).toEqual({ from: '2021-05-17', to: '2021-05-23' });
    expect(weekWindow('2021-05-17')).toEqual({ from: '2021-05-17', to: '2021-05-23' });
    expect(monthWindow('2021-02-10')).toEqual({ from: '2021-02-01', to: '2021-02-28' });
  });
});
