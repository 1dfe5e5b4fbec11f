import { describe, expect, it } from 'vitest';
import { filingProgress, sumFilingCounts, type FilingRow } from './report-desk.rules.ts';

const row = (regionCode: string, state: FilingRow['state'], submittedOn: string | null = null, confirmed = false) => ({
  regionCode,
  state,
  submittedOn,
  confirmed,
});

describe('filing progress', () => {
  const deadline = '2021-05-10';
  const rows: FilingRow[] = [
    row('230602', 'not_started'),
    row('230602', 'draft'),
    row('230602', 'returned', '2021-05-03'),
    row('230602', 'submitted', '2021-05-11'),
    row('230602', 'approved', '2021-05-10'),
    row('230603', 'confirmed', '2021-05-02', true),
    row('230603', 'locked', '2021-05-12', true),
    row('230603', 'locked', '2021-05-01', false),
  ];

  it('counts filed, approved, confirmed, missing and late per region and in total', () => {
    const { regions, total } = filingProgress(rows, deadline, '2021-05-20');
    expect(regions.get('230602')).toEqual({ expected: 5, filed: 2, approved: 1, confirmed: 0, missing: 3, late: 1 });
    expect(regions.get('230603')).toEqual({ expected: 3, filed: 3, approved: 3, confirmed: 2, missing: 0, late: 1 });
    expect(total).toEqual({ expected: 8, filed: 5, approved: 4, confirmed: 2, missing: 3, late: 2 });
  });

  it('does not count a returned report as filed or late, and a submission on the deadline day is on time', () => {
    const { total } = filingProgress(
      [row('230602', 'returned', '2021-06-01'), row('230602', 'submitted', deadline)],
      deadline,
      '2021-06-30',
    );
    expect(total).toMatchObject({ filed: 1, missing: 1, late: 0 });
  });

  it('counts a submission stored after the application date at that date (a replayed year)', () => {
    const filedNow = [row('230602', 'submitted', '2026-12-05')];
    expect(filingProgress(filedNow, '2021-05-10', '2021-05-08').total.late).toBe(0);
    expect(filingProgress(filedNow, '2021-05-10', '2021-05-20').total.late).toBe(1);
  });

  it('sums region rows into the total', () => {
    const { regions, total } = filingProgress(rows, deadline, '2021-05-20');
    expect(sumFilingCounts([...regions.values()])).toEqual(total);
  });
});
