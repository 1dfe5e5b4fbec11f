import { describe, expect, it } from 'vitest';
import { reapplyMine, threeWayDiff } from './edit-conflict.ts';

const base = { name: '道路', total: '100.00', tags: ['a'], phone: null as string | null, stage: 'preparation' };

describe('threeWayDiff', () => {
  it('lists only the fields someone changed, each with who changed it', () => {
    const theirs = { ...base, total: '120.00', tags: ['a', 'b'], stage: 'construction' };
    const mine = { ...base, name: '道路一期', total: '130.00', stage: 'construction' };
    expect(threeWayDiff(base, theirs, mine)).toEqual([
      { field: 'name', kind: 'mine', base: '道路', theirs: '道路', mine: '道路一期' },
      { field: 'total', kind: 'conflict', base: '100.00', theirs: '120.00', mine: '130.00' },
      { field: 'tags', kind: 'theirs', base: ['a'], theirs: ['a', 'b'], mine: ['a'] },
      { field: 'stage', kind: 'same', base: 'preparation', theirs: 'construction', mine: 'construction' },
    ]);
  });

  it('is empty when nobody changed anything', () => {
    expect(threeWayDiff(base, { ...base, tags: ['a'] }, { ...base })).toEqual([]);
  });

  it('compares arrays and objects by value, and null against a value as a change', () => {
    const theirs = { ...base, phone: '0459-1234567' };
    const changes = threeWayDiff(base, theirs, { ...base, tags: [...base.tags] });
    expect(changes).toEqual([{ field: 'phone', kind: 'theirs', base: null, theirs: '0459-1234567', mine: null }]);
  });
});

describe('reapplyMine', () => {
  const theirs = { ...base, total: '120.00', tags: ['a', 'b'] };
  const mine = { ...base, name: '道路一期', total: '130.00' };
  const changes = threeWayDiff(base, theirs, mine);

  it('keeps their changes and re-applies mine, mine winning a conflict by default', () => {
    expect(reapplyMine(changes, theirs, mine)).toEqual({ ...theirs, name: '道路一期', total: '130.00' });
  });

  it('takes their value of a conflicting field when the editor chooses it', () => {
    expect(reapplyMine(changes, theirs, mine, new Set(['total']))).toEqual({ ...theirs, name: '道路一期' });
  });

  it('merges values of another shape by the diff of their payloads (form values by payload keys)', () => {
    const theirsForm = { ...theirs, extra: 1 };
    const mineForm = { ...mine, extra: 2 };
    expect(reapplyMine(changes, theirsForm, mineForm)).toEqual({ ...theirsForm, name: '道路一期', total: '130.00' });
  });
});
