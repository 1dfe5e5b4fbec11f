/**
 * The two warning presets shipped (DOMAIN.md "Keeping projects moving"): Yinchuan's and Sanya's thresholds. One is
 * active per region; a city administrator switches or edits them (the contract in warning.contract.ts checks every
 * edit). Where the cities' published rules say nothing about a rule, both presets use this project's defaults,
 * marked as such below.
 *
 * Sanya's district rule ("a district that misses its monthly target → yellow, two months running → red") needs
 * district figures: monthly targets set by the city and the district's completed investment per month. It is the
 * preset's `districtRules.district_target_missed`, evaluated per district by `evaluateDistrictTarget`. Its
 * per-project part is the investment rule on the `share` basis ("below pace by up to half → yellow, by more → red").
 */
import type { Threshold, WarningPreset } from './warning.contract.ts';

/** A threshold met at `value` and above. */
export const thresholdAtLeast = (value: number): Threshold => ({ op: 'at_least', value });
/** A threshold met only above `value`. */
export const thresholdOver = (value: number): Threshold => ({ op: 'over', value });

/** This project's defaults for the rules neither city publishes thresholds for. */
const COMMON_RULES = {
  // Planned completion missed: yellow once the planned month is over, red after three months (mirrors the start rule).
  completion_overdue: { version: 1, yellow: thresholdAtLeast(1), red: thresholdAtLeast(3) },
  // Monthly report missing: due on the 5th of the next month (the server's REPORT_DEADLINE_DAY default);
  // yellow for one missed report, red for two running.
  report_missing: { version: 1, deadlineDay: 5, yellow: thresholdAtLeast(1), red: thresholdAtLeast(2) },
  // A problem past its due date: yellow from the first day, red after more than a week (7 calendar days).
  problem_overdue: { version: 1, yellow: thresholdAtLeast(1), red: thresholdOver(7) },
  // A milestone node past its planned date: likewise; raises nothing until milestone plans exist.
  milestone_overdue: { version: 1, yellow: thresholdAtLeast(1), red: thresholdOver(7) },
} satisfies Partial<WarningPreset['rules']>;

/** Yinchuan's start and statistics rules (Sanya publishes none and uses them too). */
const YINCHUAN_START_RULES = {
  start_overdue: { version: 1, yellow: thresholdAtLeast(1), red: thresholdAtLeast(3) },
  not_in_statistics: { version: 1, yellow: thresholdAtLeast(1), red: thresholdOver(2) },
} satisfies Partial<WarningPreset['rules']>;

/**
 * Yinchuan (银川): planned start this month missed → yellow, three months running → red; year-to-date investment
 * 10–30 percentage points behind the time-elapsed pace → yellow, over 30 → red; not in statistics a month after
 * start → yellow, over two months → red.
 */
export const YINCHUAN_PRESET: WarningPreset = {
  id: 'yinchuan',
  version: 1,
  label: { zh: '银川标准', en: 'Yinchuan thresholds' },
  rules: {
    investment_behind_pace: { version: 1, basis: 'points', yellow: thresholdAtLeast(10), red: thresholdOver(30) },
    ...YINCHUAN_START_RULES,
    ...COMMON_RULES,
  },
  districtRules: {},
};

/**
 * Sanya (三亚): below the pace by up to half → yellow, by more → red (the share of the pace's amount not done);
 * a district missing its monthly target → yellow, two months running → red. The start and statistics rules, which
 * Sanya does not publish, follow Yinchuan's.
 */
export const SANYA_PRESET: WarningPreset = {
  id: 'sanya',
  version: 1,
  label: { zh: '三亚标准', en: 'Sanya thresholds' },
  rules: {
    investment_behind_pace: { version: 1, basis: 'share', yellow: thresholdOver(0), red: thresholdOver(50) },
    ...YINCHUAN_START_RULES,
    ...COMMON_RULES,
  },
  districtRules: { district_target_missed: { version: 1, yellow: thresholdAtLeast(1), red: thresholdAtLeast(2) } },
};

/** The shipped presets by id. */
export const WARNING_PRESETS: Readonly<Record<string, WarningPreset>> = {
  [YINCHUAN_PRESET.id]: YINCHUAN_PRESET,
  [SANYA_PRESET.id]: SANYA_PRESET,
};
