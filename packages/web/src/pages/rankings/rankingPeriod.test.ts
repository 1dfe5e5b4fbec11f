/** The rankings page's period picker and the what-if panel's editable points. */
import { RANKING_PERIODS, RANKING_PRESETS, rankingSchemeSchema } from '@keyprojects/core';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate.ts';
import { periodChoices, periodLabel, periodOfDate } from './rankingPeriod.ts';
import { editablePoints, withPoints } from './whatIfPoints.ts';

const zh = (id: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('zh', id, vars);

describe('ranking periods from the application date', () => {
  it('names the period the date falls in, of each kind', () => {
    expect(RANKING_PERIODS.map((kind) => periodOfDate(kind, '2021-05-20'))).toEqual([
      '2021-05',
      '2021-Q2',
      '2021-H1',
      '2021',
    ]);
  });

  it('offers this year up to the current period and all of last year, newest first', () => {
    expect(periodChoices('quarter', '2021-05-20')).toEqual([
      '2021-Q2',
      '2021-Q1',
      '2020-Q4',
      '2020-Q3',
      '2020-Q2',
      '2020-Q1',
    ]);
    expect(periodChoices('month', '2021-02-01').slice(0, 3)).toEqual(['2021-02', '2021-01', '2020-12']);
  });

  it('reads each code in words', () => {
    expect(['2021-05', '2021-Q2', '2021-H2', '2021', 'bad'].map((code) => periodLabel(code, zh))).toEqual([
      '2021年5月',
      '2021年第2季度',
      '2021年下半年',
      '2021年',
      'bad',
    ]);
  });
});

describe('what-if points', () => {
  it('lists every number of a formula and rebuilds the scheme with the changed ones, still a valid scheme', () => {
    const yanan = RANKING_PRESETS.yanan;
    const scale = yanan.terms.find((term) => term.indicator === 'plan_scale');
    if (!scale) throw new Error('the preset has no plan_scale term');
    expect(editablePoints(scale.formula, 'zh').map((point) => [point.label, point.value])).toEqual([
      ['≥10亿元', 20],
      ['≥5亿元', 10],
      ['≥1亿元', 6],
      ['其余', 3],
    ]);
    const changed = withPoints(scale.formula, { tier0: 25, otherwise: 1 });
    expect(editablePoints(changed, 'zh').map((point) => point.value)).toEqual([25, 10, 6, 1]);
    const terms = yanan.terms.map((term) => (term === scale ? { ...term, formula: changed } : term));
    expect(rankingSchemeSchema.safeParse({ ...yanan, terms }).success).toBe(true);
  });

  it('keeps a formula unchanged when nothing is changed', () => {
    for (const term of RANKING_PRESETS.henan.terms) expect(withPoints(term.formula, {})).toEqual(term.formula);
  });
});
