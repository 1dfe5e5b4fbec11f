import { describe, expect, it } from 'vitest';
import { historyCurve, photosDeletable, withdrawCheck } from './report.history.ts';

describe('historyCurve', () => {
  it('accumulates the counted months and stops after the last month begun', () => {
    const points = historyCurve(
      new Map([
        [1, 100n],
        [3, 250n],
        [6, 999n],
      ]),
      1200n,
      4,
    );
    expect(points.map((p) => p.actualCumulative)).toEqual([
      100n,
      100n,
      350n,
      350n,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(points.map((p) => p.planCumulative)).toEqual([
      100n,
      200n,
      300n,
      400n,
      500n,
      600n,
      700n,
      800n,
      900n,
      1000n,
      1100n,
      1200n,
    ]);
  });

  it('rounds the pace down to the fen and ends on the whole plan', () => {
    const points = historyCurve(new Map(), 1000n, 12);
    expect(points[0]?.planCumulative).toBe(83n);
    expect(points[11]?.planCumulative).toBe(1000n);
    expect(points[11]?.actualCumulative).toBe(0n);
  });

  it('has no plan line without an annual plan, and keeps negative corrections in the sum', () => {
    const points = historyCurve(
      new Map([
        [1, 500n],
        [2, -200n],
      ]),
      null,
      2,
    );
    expect(points.slice(0, 3)).toEqual([
      { month: 1, planCumulative: null, actualCumulative: 500n },
      { month: 2, planCumulative: null, actualCumulative: 300n },
      { month: 3, planCumulative: null, actualCumulative: null },
    ]);
  });
});

describe('photosDeletable', () => {
  it('allows deleting until the city confirms, never in a locked period', () => {
    expect(photosDeletable('draft', false)).toBe(true);
    expect(photosDeletable('approved', false)).toBe(true);
    expect(photosDeletable('confirmed', false)).toBe(false);
    expect(photosDeletable('locked', false)).toBe(false);
    expect(photosDeletable('draft', true)).toBe(false);
  });
});

describe('withdrawCheck', () => {
  const owner = { id: 7, role: 'owner' as const };
  const staff = { id: 8, role: 'district_staff' as const };
  it('lets the owner withdraw a submitted report, and a reviewer only their own submission', () => {
    expect(withdrawCheck({ state: 'submitted', submittedBy: 7 }, owner)).toBe('ok');
    expect(withdrawCheck({ state: 'submitted', submittedBy: 8 }, staff)).toBe('ok');
    expect(withdrawCheck({ state: 'submitted', submittedBy: 7 }, staff)).toBe('notSubmitter');
  });
  it('refuses once a reviewer decided, and to roles that do not file', () => {
    for (const state of ['approved', 'returned', 'confirmed', 'draft', 'locked'] as const)
      expect(withdrawCheck({ state, submittedBy: 7 }, owner)).toBe('reviewed');
    expect(withdrawCheck({ state: 'submitted', submittedBy: 9 }, { id: 9, role: 'leader' })).toBe('forbidden');
  });
});
