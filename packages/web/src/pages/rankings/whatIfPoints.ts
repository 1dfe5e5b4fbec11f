/**
 * The numbers of a term's formula that the what-if panel lets an official change (the points of each code or tier,
 * the full points of a rate, the bounds of an adjustment), and the formula rebuilt with the changed numbers. The
 * server checks the changed terms as it checks a scheme, so nothing here decides what is valid.
 */
import { RANKING_CODE_LABELS, type Locale, type RankingFormula } from '@keyprojects/core';

export interface EditablePoint {
  key: string;
  /** What the number is, in the reader's words: 新开工, ≥10亿元, 其余, 下限 … (empty for a formula's only number). */
  label: string;
  value: number;
}

const WORDS = {
  zh: { otherwise: '其余', yes: '是', min: '下限', max: '上限', yi: '亿元' },
  en: { otherwise: 'otherwise', yes: 'yes', min: 'min', max: 'max', yi: ' 亿元' },
} as const;

/** The editable numbers of a formula, in the order the formula's text reads them. */
export function editablePoints(formula: RankingFormula, locale: Locale): EditablePoint[] {
  const words = WORDS[locale];
  switch (formula.kind) {
    case 'by_value':
      return Object.entries(formula.points).map(([code, value]) => ({
        key: code,
        label: RANKING_CODE_LABELS[code]?.[locale] ?? code,
        value,
      }));
    case 'tiers':
      return [
        ...formula.tiers.map((tier, index) => ({
          key: `tier${String(index)}`,
          label: `≥${tier.atLeastYi}${words.yi}`,
          value: tier.points,
        })),
        { key: 'otherwise', label: words.otherwise, value: formula.otherwise },
      ];
    case 'flag':
      return [{ key: 'points', label: words.yes, value: formula.points }];
    case 'adjustment':
      return [
        { key: 'min', label: words.min, value: formula.min },
        { key: 'max', label: words.max, value: formula.max },
      ];
    case 'proportional':
    case 'per_item':
    case 'relative':
      return [{ key: 'points', label: '', value: formula.points }];
  }
}

/** The formula with the numbers given by key (a key not given keeps its number). */
export function withPoints(formula: RankingFormula, values: Readonly<Record<string, number>>): RankingFormula {
  const pick = (key: string, fallback: number) => values[key] ?? fallback;
  switch (formula.kind) {
    case 'by_value':
      return {
        ...formula,
        points: Object.fromEntries(Object.entries(formula.points).map(([code, value]) => [code, pick(code, value)])),
      };
    case 'tiers':
      return {
        ...formula,
        tiers: formula.tiers.map((tier, index) => ({ ...tier, points: pick(`tier${String(index)}`, tier.points) })),
        otherwise: pick('otherwise', formula.otherwise),
      };
    case 'adjustment':
      return { ...formula, min: pick('min', formula.min), max: pick('max', formula.max) };
    case 'flag':
    case 'proportional':
    case 'per_item':
    case 'relative':
      return { ...formula, points: pick('points', formula.points) };
  }
}
