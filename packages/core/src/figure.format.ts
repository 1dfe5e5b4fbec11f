/**
 * The number style of the bulletin (通报), which the dashboard shows by default so that a leader reads the same
 * figure on the screen and on paper: money in 亿元 to one decimal without separators (1528.2), rates to one
 * decimal (77.3), both rounded half away from zero from the exact values, never from a rounded one; and the exact
 * value behind each for a tooltip (15,282,012.34万元, 77.26%). Pure, over bigint fen: no floating point.
 */
import { formatWan, formatYi, parseWan, percent, type Fen } from './money.ts';

/** Puts thousands separators into the whole part of a plain decimal string ('1234567.5' → '1,234,567.5'). */
export function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function toFen(amount: Fen | string): Fen | null {
  return typeof amount === 'bigint' ? amount : parseWan(amount);
}

/**
 * An amount as the bulletin writes it, in 亿元 without the unit: fen or the API's 万元 text → '1528.2'. The text
 * itself when it is not an amount (so a bad value shows rather than vanishes).
 */
export function yiFigure(amount: Fen | string): string {
  const fen = toFen(amount);
  return fen === null ? String(amount) : formatYi(fen, 1);
}

/** The exact amount behind a rounded one, for its tooltip: '15,282,012.34' (万元, every fen, grouped). */
export function exactWanFigure(amount: Fen | string): string {
  const fen = toFen(amount);
  return fen === null ? String(amount) : groupThousands(formatWan(fen, 2));
}

/** A rate as the bulletin writes it, without '%': numerator / denominator → '77.3'; null when the denominator is 0. */
export function rateFigure(numerator: bigint, denominator: bigint): string | null {
  return percent(numerator, denominator, 1);
}

/** What the three headline rates are computed from: counts, and money as fen or the API's 万元 text. */
export interface FigureRateInputs {
  projects: number;
  startedOrResumed: number;
  plannedNewStarts: number;
  startedPlannedNew: number;
  completedYtd: Fen | string;
  annualPlan: Fen | string;
}

/**
 * The headline rates in the bulletin's style, from the same numerators and denominators as statistics.ts
 * `withRates` (开复工率 = 开复工 ÷ 项目, 新开工率 = 计划新开工中已开工 ÷ 计划新开工, 投资完成率 = 完成 ÷ 年度计划),
 * so that 299 / 387 reads 77.3 and not the 77.26 → 77.3 of a rate rounded twice.
 */
export function figureRates(f: FigureRateInputs): {
  startRate: string | null;
  newStartRate: string | null;
  completionRate: string | null;
} {
  const completed = toFen(f.completedYtd);
  const plan = toFen(f.annualPlan);
  return {
    startRate: rateFigure(BigInt(f.startedOrResumed), BigInt(f.projects)),
    newStartRate: rateFigure(BigInt(f.startedPlannedNew), BigInt(f.plannedNewStarts)),
    completionRate: completed === null || plan === null ? null : rateFigure(completed, plan),
  };
}
