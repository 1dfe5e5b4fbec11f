/** The attraction pipeline's moves, the six lists and the yearly counts, on a lead in every state. */
import { describe, expect, it } from 'vitest';
import { attractionYearCounts, leadMoveRefusal, sixListOf } from './attraction.ts';

describe('moving a lead', () => {
  it('goes one step forward before the contract, and may be dropped until it is a project', () => {
    expect(leadMoveRefusal('talks', 'framework', null)).toBeNull();
    expect(leadMoveRefusal('framework', 'contract', null)).toBeNull();
    expect(leadMoveRefusal('talks', 'contract', null)).toBe('attraction.moveNotAllowed');
    expect(leadMoveRefusal('contract', 'talks', null)).toBe('attraction.moveNotAllowed');
    expect(leadMoveRefusal('contract', 'dropped', null)).toBeNull();
    expect(leadMoveRefusal('registered', 'dropped', 'construction')).toBe('attraction.moveNotAllowed');
  });

  it('registers only by converting into a project, and upgrades only at full capacity', () => {
    expect(leadMoveRefusal('contract', 'registered', null)).toBe('attraction.registerByConversion');
    expect(leadMoveRefusal('registered', 'upgrade', 'production')).toBe('attraction.upgradeNeedsCapacity');
    expect(leadMoveRefusal('registered', 'upgrade', 'full_capacity')).toBeNull();
  });
});

describe('the six lists', () => {
  it('places a lead in every state on its list', () => {
    expect(sixListOf('talks', null)).toBe('attraction');
    expect(sixListOf('contract', null)).toBe('attraction');
    expect(sixListOf('registered', 'preparation')).toBe('start');
    expect(sixListOf('registered', 'construction')).toBe('construction');
    expect(sixListOf('registered', 'production')).toBe('production');
    expect(sixListOf('registered', 'full_capacity')).toBe('capacity');
    expect(sixListOf('upgrade', 'full_capacity')).toBe('upgrade');
    expect(sixListOf('dropped', null)).toBeNull();
  });
});

describe('planned / signed / landed', () => {
  it('counts each lead in every stage it reached that year', () => {
    const leads = [
      { createdOn: '2021-01-10', contractOn: '2021-03-02', registeredOn: '2021-04-20' },
      { createdOn: '2021-02-01', contractOn: '2021-05-06', registeredOn: null },
      { createdOn: '2020-11-30', contractOn: '2021-01-15', registeredOn: '2021-02-01' },
      { createdOn: '2021-05-01', contractOn: null, registeredOn: null },
    ];
    expect(attractionYearCounts(leads, 2021)).toEqual({ planned: 3, signed: 3, landed: 2 });
    expect(attractionYearCounts(leads, 2020)).toEqual({ planned: 1, signed: 0, landed: 0 });
  });
});
