/**
 * "Why these points": a term's formula and value in the words a district office reads, in both languages. The
 * ranking page, the CLI and the published edition's export all explain a score with these texts, so the same term
 * never reads two ways.
 */
import { PROJECT_CATEGORY_LABELS, type Codelist } from './codelists.ts';
import type { Locale } from './messages.ts';
import { formatYi } from './money.ts';
import type { RankingFormula } from './ranking.contract.ts';
import type { IndicatorValue } from './ranking.score.ts';

/** The codes project indicators take, in words: how a project started in the year, and its category. */
export const RANKING_CODE_LABELS: Codelist<string> = {
  new_started: { zh: '新开工', en: 'New start' },
  continuing: { zh: '续建', en: 'Continuing' },
  ...PROJECT_CATEGORY_LABELS,
};
const codeText = (code: string, locale: Locale) => RANKING_CODE_LABELS[code]?.[locale] ?? code;

const pts = (points: number) => (points > 0 ? `+${String(points)}` : String(points));

/** The formula as a sentence: "新开工 +5；续建 +2", "60 × 完成/计划（封顶 1）", "≥10亿元 20；≥5亿元 10；其余 3". */
export function formulaText(formula: RankingFormula, locale: Locale): string {
  const zh = locale === 'zh';
  switch (formula.kind) {
    case 'by_value':
      return Object.entries(formula.points)
        .map(([code, points]) => `${codeText(code, locale)} ${pts(points)}`)
        .join(zh ? '；' : '; ');
    case 'flag':
      return zh ? `是 ${pts(formula.points)}` : `yes ${pts(formula.points)}`;
    case 'tiers':
      return [
        ...formula.tiers.map((tier) => `≥${tier.atLeastYi}${zh ? '亿元' : ' 亿元'} ${String(tier.points)}`),
        `${zh ? '其余' : 'otherwise'} ${String(formula.otherwise)}`,
      ].join(zh ? '；' : '; ');
    case 'proportional':
      return zh
        ? `${String(formula.points)} × 比值（封顶 ${String(formula.cap)}）`
        : `${String(formula.points)} × ratio (capped at ${String(formula.cap)})`;
    case 'per_item':
      return zh ? `每个 ${pts(formula.points)}` : `${pts(formula.points)} each`;
    case 'relative':
      return formula.better === 'higher'
        ? zh
          ? `${String(formula.points)} × 本单位值 / 最高值`
          : `${String(formula.points)} × value / best`
        : zh
          ? `${String(formula.points)} × (最低值 + 1) / (本单位值 + 1)`
          : `${String(formula.points)} × (lowest + 1) / (value + 1)`;
    case 'adjustment':
      return zh
        ? `每项 ${String(formula.min)} 至 ${String(formula.max)} 分`
        : `${String(formula.min)} to ${String(formula.max)} points each`;
  }
}

/** A value as read: amounts in 亿元 (two decimals), ratios as percentages, flags as 是/否, adjustments summed. */
export function valueText(value: IndicatorValue, locale: Locale): string {
  const zh = locale === 'zh';
  if (value === null) return zh ? '无数据' : 'no data';
  if (typeof value === 'boolean') return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  if (typeof value === 'bigint') return `${formatYi(value, 2)}亿元`;
  if (typeof value === 'string') return codeText(value, locale);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.map((entry) => `${entry.reason} ${pts(entry.points)}`).join(zh ? '；' : '; ') || (zh ? '无' : 'none');
  if (value.denominator <= 0n) return zh ? '计划为 0' : 'plan is 0';
  return `${formatYi(value.numerator, 2)} / ${formatYi(value.denominator, 2)}亿元`;
}
