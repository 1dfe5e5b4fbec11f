import { describe, expect, it } from 'vitest';
import { rankingEditionListQuery, rankingQuery, rankingWhatIfBody } from './ranking.api.contract.ts';
import { RANKING_PRESETS } from './ranking.presets.ts';

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the rankings API contract', () => {
  it('takes a scheme with a period of its kind', () => {
    expect(rankingQuery.parse({ scheme: 'yanan', period: '2021-05' })).toEqual({ scheme: 'yanan', period: '2021-05' });
    expect(rankingQuery.safeParse({ scheme: 'henan', period: '2021-Q1', regionCode: '230600' }).success).toBe(true);
  });

  it('refuses an unknown scheme, a malformed period and a period of another kind, by field', () => {
    expect(pathsOf(rankingQuery.safeParse({ scheme: 'shanghai', period: '2021-05' }))).toEqual({
      scheme: 'ranking.schemeUnknown',
    });
    expect(pathsOf(rankingQuery.safeParse({ scheme: 'yanan', period: '2021-5' }))).toEqual({
      period: 'ranking.periodInvalid',
    });
    expect(pathsOf(rankingQuery.safeParse({ scheme: 'yanan', period: '2021-Q2' }))).toEqual({
      period: 'ranking.periodKind',
    });
    expect(pathsOf(rankingEditionListQuery.safeParse({ period: 'May' }))).toEqual({ period: 'ranking.periodInvalid' });
  });

  it("checks a what-if's terms as a scheme's, naming the field", () => {
    const terms = structuredClone(RANKING_PRESETS.yanan.terms);
    expect(rankingWhatIfBody.safeParse({ scheme: 'yanan', period: '2021-05', terms }).success).toBe(true);
    const bad = terms.map((term) =>
      term.indicator === 'provincial_project' ? { ...term, formula: { kind: 'flag', points: 'many' } } : term,
    );
    expect(pathsOf(rankingWhatIfBody.safeParse({ scheme: 'yanan', period: '2021-05', terms: bad }))).toEqual({
      'terms.4.formula.points': 'ranking.pointsInvalid',
    });
    const mismatch = [{ indicator: 'plan_scale', formula: { kind: 'flag', points: 3 } }];
    expect(pathsOf(rankingWhatIfBody.safeParse({ scheme: 'yanan', period: '2021-05', terms: mismatch }))).toEqual({
      'terms.0.formula.kind': 'ranking.formulaMismatch',
    });
    const unknown = [{ indicator: 'luck', formula: { kind: 'flag', points: 3 } }];
    expect(pathsOf(rankingWhatIfBody.safeParse({ scheme: 'yanan', period: '2021-05', terms: unknown }))).toEqual({
      'terms.0.indicator': 'ranking.indicatorUnknown',
    });
  });
});
