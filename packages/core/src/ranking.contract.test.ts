/** The scheme contract refuses a bad scheme whole and names each issue's field (issue #13's bad input). */
import { describe, expect, it } from 'vitest';
import { rankingSchemeSchema, type RankingSchemeInput } from './ranking.contract.ts';
import { RANKING_PRESETS } from './ranking.presets.ts';

const base: RankingSchemeInput = {
  id: 'custom',
  name: '自定义方案',
  version: 1,
  unitKind: 'district',
  period: 'quarter',
  terms: [{ indicator: 'completion_rate', formula: { kind: 'relative', points: 50 } }],
};

/** `path: message` of each issue of a refused scheme. */
function issues(input: unknown): string[] {
  const result = rankingSchemeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the ranking scheme contract', () => {
  it('accepts the shipped presets and a plain scheme', () => {
    expect(RANKING_PRESETS.yanan.terms).toHaveLength(8);
    expect(
      RANKING_PRESETS.henan.terms.reduce(
        (sum, t) => sum + (t.formula.kind === 'relative' || t.formula.kind === 'proportional' ? t.formula.points : 0),
        0,
      ),
    ).toBe(100);
    expect(issues(base)).toEqual([]);
  });

  it('refuses an unknown indicator', () => {
    expect(issues({ ...base, terms: [{ indicator: 'gdp_growth', formula: { kind: 'relative', points: 5 } }] })).toEqual(
      ['terms.0.indicator: ranking.indicatorUnknown'],
    );
  });

  it('refuses weights that do not parse', () => {
    for (const points of ['25', Number.NaN, 1001, 0.125])
      expect(
        issues({ ...base, terms: [{ indicator: 'completion_rate', formula: { kind: 'relative', points } }] }),
      ).toEqual(['terms.0.formula.points: ranking.pointsInvalid']);
  });

  it('refuses a formula the indicator cannot take, a tier order, an adjustment order and an indicator twice', () => {
    expect(
      issues({
        ...base,
        terms: [
          { indicator: 'provincial_project', formula: { kind: 'relative', points: 5 } },
          {
            indicator: 'plan_scale',
            formula: {
              kind: 'tiers',
              tiers: [
                { atLeastYi: '1', points: 6 },
                { atLeastYi: '5', points: 10 },
              ],
              otherwise: 3,
            },
          },
          { indicator: 'criticism', formula: { kind: 'adjustment', min: -5, max: -20 } },
          { indicator: 'completion_rate', formula: { kind: 'relative', points: 5 } },
          { indicator: 'completion_rate', formula: { kind: 'proportional', points: 5 } },
        ],
      }),
    ).toEqual([
      'terms.0.formula.kind: ranking.formulaMismatch',
      'terms.1.formula.tiers: ranking.tierOrder',
      'terms.2.formula.max: ranking.adjustmentOrder',
      'terms.4.indicator: ranking.indicatorTwice',
    ]);
  });

  it('refuses a tier bound that is not an amount in 亿元', () => {
    expect(
      issues({
        ...base,
        terms: [
          {
            indicator: 'plan_scale',
            formula: { kind: 'tiers', tiers: [{ atLeastYi: '1e3', points: 6 }], otherwise: 0 },
          },
        ],
      }),
    ).toEqual(['terms.0.formula.tiers.0.atLeastYi: ranking.tierInvalid']);
  });
});
