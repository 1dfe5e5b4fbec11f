import { describe, expect, it } from 'vitest';
import { drillOrder } from './drill.ts';

describe('drillOrder', () => {
  it('orders by the measure of the figure clicked, largest first', () => {
    expect(drillOrder('all', { measure: 'completedYtd' })).toEqual({ sort: 'completedYtd', order: 'desc' });
    expect(drillOrder('all', { measure: 'annualPlan' })).toEqual({ sort: 'annualPlan', order: 'desc' });
  });

  it('falls back to the metric’s own measure: starts by start date, counts by total investment', () => {
    expect(drillOrder('started')).toEqual({ sort: 'startedOn', order: 'desc' });
    expect(drillOrder('overPlan150')).toEqual({ sort: 'completedYtd', order: 'desc' });
    expect(drillOrder('notStarted')).toEqual({ sort: 'totalInvestment', order: 'desc' });
  });

  it('lets a chosen column and direction win, names ascending by default', () => {
    expect(drillOrder('all', { measure: 'completedYtd', sort: 'annualPlan', order: 'asc' })).toEqual({
      sort: 'annualPlan',
      order: 'asc',
    });
    expect(drillOrder('all', { sort: 'name' })).toEqual({ sort: 'name', order: 'asc' });
  });
});
