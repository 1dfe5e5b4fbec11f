/** The data-quality score worked out by hand for a punctual project, a late one without photos, and their district. */
import { describe, expect, it } from 'vitest';
import { districtDataQuality, projectDataQuality } from './data-quality.ts';

const punctual = projectDataQuality({
  due: 5,
  onTime: 5,
  late: 0,
  withPhotos: 5,
  monthsBehind: 0,
  correctionsAfterLock: 0,
  warningsIgnored: 0,
});
// 5 due, 2 on time, 2 late, 1 missing: 40 × (4 + 2)/10 = 24; one month behind 7.5; 1 photo of 4 filed: 6.25;
// one correction after lock 5; three warnings ignored 10 − 6 = 4 → 46.75
const sloppy = projectDataQuality({
  due: 5,
  onTime: 2,
  late: 2,
  withPhotos: 1,
  monthsBehind: 1,
  correctionsAfterLock: 1,
  warningsIgnored: 3,
});

describe('the data-quality score', () => {
  it('gives a punctual project with evidence full marks', () => {
    expect(punctual.hundredths).toBe(10000);
  });

  it('takes points off a late project without photos, term by term', () => {
    expect(sloppy.terms).toEqual({ timeliness: 2400, freshness: 750, evidence: 625, corrections: 500, warnings: 400 });
    expect(sloppy.hundredths).toBe(4675);
  });

  it('never goes below zero and gives full marks when nothing is due yet', () => {
    const worst = projectDataQuality({
      due: 3,
      onTime: 0,
      late: 0,
      withPhotos: 0,
      monthsBehind: null,
      correctionsAfterLock: 4,
      warningsIgnored: 9,
    });
    expect(worst.hundredths).toBe(0);
    const fresh = projectDataQuality({
      due: 0,
      onTime: 0,
      late: 0,
      withPhotos: 0,
      monthsBehind: null,
      correctionsAfterLock: 0,
      warningsIgnored: 0,
    });
    expect(fresh.hundredths).toBe(10000);
  });

  it("scores a district as the mean of its projects' terms, which sum to its score", () => {
    const district = districtDataQuality([punctual, sloppy]);
    expect(district?.terms).toEqual({
      timeliness: 3200,
      freshness: 1125,
      evidence: 1563,
      corrections: 750,
      warnings: 700,
    });
    expect(district?.hundredths).toBe(7338);
    expect(districtDataQuality([])).toBeNull();
  });
});
