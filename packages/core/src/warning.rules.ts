/**
 * The warning rules: each a pure function of a project's data as of a date (the application's date) and the rule's
 * configuration, raising nothing or one warning with its level, the figures that raised it and the sentence users
 * read. `evaluateWarnings` runs every rule a preset configures. The time-elapsed pace (序时进度) is defined here once.
 */
import { chineseDate } from './bulletin.format.ts';
import { DEFAULT_STAGES } from './codelists.ts';
import {
  addMonths,
  dateParts,
  dayNumber,
  daysBetween,
  isMonthEnd,
  monthIndex,
  periodOfMonthIndex,
} from './iso-date.ts';
import { divRound, formatWanRounded, percent, type Fen } from './money.ts';
import type {
  DistrictTargetConfig,
  DistrictWarning,
  ProjectWarning,
  Threshold,
  WarningFigures,
  WarningLevel,
  WarningPreset,
  WarningRuleConfig,
  WarningRuleId,
} from './warning.contract.ts';
import { WARNING_RULE_IDS } from './warning.contract.ts';

/** What the rules read of a project, as of the evaluation date. Dates are ISO strings; amounts are fen. */
export interface WarningProjectSnapshot {
  projectId: number;
  /** Lifecycle stage code; used only when a start or completion date is missing. */
  stage: string;
  plannedStartDate: string | null;
  plannedCompletionDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  /** Since when the project is in the fixed-asset investment statistics (入统), null when it is not. */
  inStatisticsSince: string | null;
  /** The annual planned investment of the as-of date's year; null (or 0) when the project has no plan. */
  annualPlan: Fen | null;
  /** Investment completed in the as-of date's year, from the reports counted as of that date. */
  completedYtd: Fen;
  /** The latest month (`YYYY-MM`) with a submitted report; null when none. */
  lastReportedPeriod: string | null;
  /** The first month (`YYYY-MM`) the project had to report; null when it does not report (no warning then). */
  reportingFrom: string | null;
  /** The project's open problems (not verified and closed) with their current due dates. */
  openProblems: readonly { id: number; dueOn: string | null }[];
  /** Milestone plan nodes; absent until plans exist (the milestone rule then raises nothing). */
  milestones?: readonly { name: string; plannedOn: string; doneOn: string | null }[] | null;
}

/** What a rule raises before the preset's identity is added. */
interface Raised {
  level: WarningLevel;
  figures: WarningFigures;
  text: string;
}

/** An exact measure num/den (den > 0), compared with thresholds without floating point. */
interface Measure {
  num: bigint;
  den: bigint;
}

const whole = (value: number): Measure => ({ num: BigInt(value), den: 1n });

/** Whether a measure meets a threshold (whose value has at most two decimals). */
export function meetsThreshold(threshold: Threshold, measure: Measure): boolean {
  const hundredths = BigInt(Math.round(threshold.value * 100));
  const scaled = measure.num * 100n;
  const bound = hundredths * measure.den;
  switch (threshold.op) {
    case 'at_least':
      return scaled >= bound;
    case 'over':
      return scaled > bound;
  }
}

/** The level a measure reaches under a yellow and a red threshold, or null below yellow. */
function levelOf(config: { yellow: Threshold; red: Threshold }, measure: Measure): WarningLevel | null {
  if (meetsThreshold(config.red, measure)) return 'red';
  return meetsThreshold(config.yellow, measure) ? 'yellow' : null;
}

/** Fen as 万元 for a sentence: rounded to two decimals, trailing zeros dropped ('120', '310.5'). */
export function wanText(fen: Fen): string {
  const text = formatWanRounded(fen, 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A percent measure as text with `decimals` places. */
function percentOf(measure: Measure, decimals: number): string {
  return percent(measure.num, measure.den * 100n, decimals) ?? '0';
}

/** '2021-04' → '2021年4月'. */
function chinesePeriod(period: string): string {
  const { year, month } = dateParts(`${period}-01`);
  return `${year}年${month}月`;
}

/**
 * The time-elapsed pace (序时进度) as of a date: the months of the year that have ended, out of twelve. Counted by
 * months, not days, because investment is reported monthly (a month's figure exists only once the month is over)
 * and bulletins quote the pace so ("1-4月序时进度33.3%"); a daily job then does not raise a warning merely because
 * a day passed. A month counts from its last day on: as of 2021-05-20 the pace is 4/12, as of 2021-05-31 5/12.
 */
export function timeElapsedPace(asOf: string): { months: number; share: Measure } {
  const { month } = dateParts(asOf);
  const months = isMonthEnd(asOf) ? month : month - 1;
  return { months, share: { num: BigInt(months), den: 12n } };
}

const STARTED_STAGES = new Set(DEFAULT_STAGES.slice(2).map((stage) => stage.code));
const COMPLETED_STAGES = new Set(DEFAULT_STAGES.slice(4).map((stage) => stage.code));

/** Started as of the date: by the actual start date, or by a started-or-later stage when the date is unknown. */
function isStarted(snapshot: WarningProjectSnapshot, asOf: string): boolean {
  if (snapshot.actualStartDate !== null) return snapshot.actualStartDate <= asOf;
  return STARTED_STAGES.has(snapshot.stage);
}

function isCompleted(snapshot: WarningProjectSnapshot, asOf: string): boolean {
  if (snapshot.actualCompletionDate !== null) return snapshot.actualCompletionDate <= asOf;
  return COMPLETED_STAGES.has(snapshot.stage);
}

/** 序时进度滞后: year-to-date investment behind the time-elapsed pace; nothing without a plan or in January. */
export function investmentBehindPace(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'investment_behind_pace'>,
  asOf: string,
): Raised | null {
  const plan = snapshot.annualPlan;
  const { months, share } = timeElapsedPace(asOf);
  if (plan === null || plan <= 0n || months === 0) return null;
  const done = snapshot.completedYtd;
  // Points: (months/12 − done/plan) × 100; share: (plan×months/12 − done) / (plan×months/12) × 100.
  const gap = 100n * (BigInt(months) * plan - 12n * done);
  const measure: Measure =
    config.basis === 'points' ? { num: gap, den: 12n * plan } : { num: gap, den: BigInt(months) * plan };
  const level = levelOf(config, measure);
  if (!level) return null;
  const paceAmount = divRound(plan * BigInt(months), 12n);
  const rate = percent(done, plan, 1) ?? '0';
  const pace = percentOf({ num: share.num * 100n, den: share.den }, 1);
  const figures: WarningFigures = {
    basis: config.basis,
    annualPlan: wanText(plan),
    completedYtd: wanText(done),
    completionRate: rate,
    elapsedMonths: months,
    pace,
    paceAmount: wanText(paceAmount),
    behind: percentOf(measure, config.basis === 'points' ? 1 : 0),
  };
  const text =
    config.basis === 'points'
      ? `完成 ${wanText(done)}万元（${rate}%），序时进度 ${pace}%（应完成 ${wanText(paceAmount)}万元），落后 ${percentOf(measure, 1)}个百分点`
      : `完成 ${wanText(done)}万元，序时进度应完成 ${wanText(paceAmount)}万元，落后 ${percentOf(measure, 0)}%`;
  return { level, figures, text };
}

/** Month ends passed since the month of `planned` (0 within that month), when the date itself has passed. */
function monthsMissedSince(planned: string, asOf: string): number | null {
  if (planned >= asOf) return null;
  return monthIndex(asOf) - monthIndex(planned);
}

/** 应开工未开工: the planned start passed without a start; counted in month ends missed. */
export function startOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'start_overdue'>,
  asOf: string,
): Raised | null {
  const planned = snapshot.plannedStartDate;
  if (planned === null || isStarted(snapshot, asOf)) return null;
  const months = monthsMissedSince(planned, asOf);
  if (months === null) return null;
  const level = levelOf(config, whole(months));
  if (!level) return null;
  return {
    level,
    figures: { plannedStartDate: planned, monthsMissed: months },
    text: `计划${chineseDate(planned)}开工，截至${chineseDate(asOf)}仍未开工，已连续${months}个月未按计划开工`,
  };
}

/** 应竣工未竣工: the planned completion passed without completion; counted in month ends missed. */
export function completionOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'completion_overdue'>,
  asOf: string,
): Raised | null {
  const planned = snapshot.plannedCompletionDate;
  if (planned === null || isCompleted(snapshot, asOf)) return null;
  const months = monthsMissedSince(planned, asOf);
  if (months === null) return null;
  const level = levelOf(config, whole(months));
  if (!level) return null;
  return {
    level,
    figures: { plannedCompletionDate: planned, monthsMissed: months },
    text: `计划${chineseDate(planned)}竣工，截至${chineseDate(asOf)}仍未竣工，已逾期${months}个月`,
  };
}

/** The last month whose report deadline (day `deadlineDay` of the next month) is before the date. */
export function lastDuePeriod(asOf: string, deadlineDay: number): string {
  const { day } = dateParts(asOf);
  return periodOfMonthIndex(monthIndex(asOf) - (day > deadlineDay ? 1 : 2));
}

/** 月报未报: monthly reports past their deadline and not submitted, counted from the first missing month. */
export function reportMissing(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'report_missing'>,
  asOf: string,
): Raised | null {
  if (snapshot.reportingFrom === null) return null;
  const lastDue = monthIndex(lastDuePeriod(asOf, config.deadlineDay));
  const afterReported = snapshot.lastReportedPeriod === null ? -Infinity : monthIndex(snapshot.lastReportedPeriod) + 1;
  const firstMissing = Math.max(monthIndex(snapshot.reportingFrom), afterReported);
  const missing = lastDue - firstMissing + 1;
  if (missing <= 0) return null;
  const level = levelOf(config, whole(missing));
  if (!level) return null;
  const from = periodOfMonthIndex(firstMissing);
  const last = snapshot.lastReportedPeriod;
  return {
    level,
    figures: { periodsMissing: missing, firstMissingPeriod: from, lastReportedPeriod: last },
    text:
      `${chinesePeriod(from)}起${missing}期月报逾期未报（次月${config.deadlineDay}日截止）` +
      (last === null ? '，尚无已报月报' : `，最近报送为${chinesePeriod(last)}`),
  };
}

/** The most overdue of dated items: how many are past due and the worst, in calendar days. */
function mostOverdue<T extends { dueOn: string | null }>(items: readonly T[], asOf: string) {
  let count = 0;
  let worst: { item: T; days: number } | null = null;
  const today = dayNumber(asOf);
  for (const item of items) {
    if (item.dueOn === null || item.dueOn >= asOf) continue;
    count += 1;
    const days = today - dayNumber(item.dueOn);
    if (!worst || days > worst.days) worst = { item, days };
  }
  return worst ? { count, worst } : null;
}

/** 问题逾期: open problems past their due date; measured by the most overdue, in calendar days. */
export function problemOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'problem_overdue'>,
  asOf: string,
): Raised | null {
  const overdue = mostOverdue(snapshot.openProblems, asOf);
  if (!overdue) return null;
  const level = levelOf(config, whole(overdue.worst.days));
  if (!level) return null;
  return {
    level,
    figures: {
      overdueProblems: overdue.count,
      maxDaysOverdue: overdue.worst.days,
      worstProblemId: overdue.worst.item.id,
    },
    text: `${overdue.count}个问题逾期未办结，最长逾期${overdue.worst.days}天`,
  };
}

/** Months from `from` to `to` as an exact fraction: whole months by the same day, then the part of the next. */
export function monthsElapsed(from: string, to: string): Measure {
  let months = monthIndex(to) - monthIndex(from);
  if (addMonths(from, months) > to) months -= 1;
  const anniversary = addMonths(from, months);
  const span = BigInt(daysBetween(anniversary, addMonths(from, months + 1)));
  return { num: BigInt(months) * span + BigInt(daysBetween(anniversary, to)), den: span };
}

/** 开工未入统: started but not entered into the statistics; measured in months since the actual start. */
export function notInStatistics(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'not_in_statistics'>,
  asOf: string,
): Raised | null {
  const started = snapshot.actualStartDate;
  if (started === null || started > asOf) return null;
  if (snapshot.inStatisticsSince !== null && snapshot.inStatisticsSince <= asOf) return null;
  const measure = monthsElapsed(started, asOf);
  const level = levelOf(config, measure);
  if (!level) return null;
  const days = daysBetween(started, asOf);
  return {
    level,
    figures: { actualStartDate: started, daysSinceStart: days, monthsSinceStart: percentOf(measure, 1) },
    text: `${chineseDate(started)}开工，已${days}天仍未纳入固定资产投资统计`,
  };
}

/** 节点逾期: milestone plan nodes past their planned date and not done; nothing until plans exist. */
export function milestoneOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'milestone_overdue'>,
  asOf: string,
): Raised | null {
  const open = (snapshot.milestones ?? [])
    .filter((node) => node.doneOn === null || node.doneOn > asOf)
    .map((node) => ({ name: node.name, dueOn: node.plannedOn }));
  const overdue = mostOverdue(open, asOf);
  if (!overdue) return null;
  const level = levelOf(config, whole(overdue.worst.days));
  if (!level) return null;
  return {
    level,
    figures: {
      overdueMilestones: overdue.count,
      maxDaysOverdue: overdue.worst.days,
      worstMilestone: overdue.worst.item.name,
    },
    text: `${overdue.count}个节点逾期未完成，最长逾期${overdue.worst.days}天（${overdue.worst.item.name}）`,
  };
}

/** Runs one rule of the preset (null when the preset leaves it out), adding the rule's version. */
function evaluateRule(
  rule: WarningRuleId,
  snapshot: WarningProjectSnapshot,
  preset: WarningPreset,
  asOf: string,
): (Raised & { version: number }) | null {
  const withVersion = (config: { version: number }, raised: Raised | null) =>
    raised && { ...raised, version: config.version };
  const { rules } = preset;
  switch (rule) {
    case 'investment_behind_pace':
      return rules.investment_behind_pace
        ? withVersion(rules.investment_behind_pace, investmentBehindPace(snapshot, rules.investment_behind_pace, asOf))
        : null;
    case 'start_overdue':
      return rules.start_overdue
        ? withVersion(rules.start_overdue, startOverdue(snapshot, rules.start_overdue, asOf))
        : null;
    case 'completion_overdue':
      return rules.completion_overdue
        ? withVersion(rules.completion_overdue, completionOverdue(snapshot, rules.completion_overdue, asOf))
        : null;
    case 'report_missing':
      return rules.report_missing
        ? withVersion(rules.report_missing, reportMissing(snapshot, rules.report_missing, asOf))
        : null;
    case 'problem_overdue':
      return rules.problem_overdue
        ? withVersion(rules.problem_overdue, problemOverdue(snapshot, rules.problem_overdue, asOf))
        : null;
    case 'not_in_statistics':
      return rules.not_in_statistics
        ? withVersion(rules.not_in_statistics, notInStatistics(snapshot, rules.not_in_statistics, asOf))
        : null;
    case 'milestone_overdue':
      return rules.milestone_overdue
        ? withVersion(rules.milestone_overdue, milestoneOverdue(snapshot, rules.milestone_overdue, asOf))
        : null;
  }
}

/** Every warning the preset's rules raise for a project as of a date, in the order of WARNING_RULE_IDS. */
export function evaluateWarnings(
  snapshot: WarningProjectSnapshot,
  preset: WarningPreset,
  asOf: string,
): ProjectWarning[] {
  dateParts(asOf);
  const warnings: ProjectWarning[] = [];
  for (const rule of WARNING_RULE_IDS) {
    const raised = evaluateRule(rule, snapshot, preset, asOf);
    if (raised) warnings.push({ projectId: snapshot.projectId, rule, presetId: preset.id, ...raised });
  }
  return warnings;
}

/** A district's monthly investment targets and what it completed, by month (`YYYY-MM`). */
export interface DistrictTargetSnapshot {
  regionCode: string;
  months: readonly { period: string; target: Fen; completed: Fen }[];
}

/**
 * 县区月度目标未完成 (Sanya): consecutive ended months, back from the latest, in which the district completed less
 * than its target; a month without a target ends the run. Needs district figures (sums of its projects' monthly
 * amounts and the targets the city set), so it is evaluated per district, not per project.
 */
export function evaluateDistrictTarget(
  district: DistrictTargetSnapshot,
  config: DistrictTargetConfig,
  presetId: string,
  asOf: string,
): DistrictWarning | null {
  const byPeriod = new Map(district.months.map((month) => [month.period, month]));
  const lastEnded = monthIndex(asOf) - (isMonthEnd(asOf) ? 0 : 1);
  let run = 0;
  for (let index = lastEnded; ; index -= 1) {
    const month = byPeriod.get(periodOfMonthIndex(index));
    if (!month || month.completed >= month.target) break;
    run += 1;
  }
  const latest = byPeriod.get(periodOfMonthIndex(lastEnded));
  const level = levelOf(config, whole(run));
  if (!level || !latest) return null;
  return {
    regionCode: district.regionCode,
    rule: 'district_target_missed',
    presetId,
    version: config.version,
    level,
    figures: {
      monthsMissed: run,
      period: latest.period,
      target: wanText(latest.target),
      completed: wanText(latest.completed),
    },
    text: `连续${run}个月未完成月度投资目标（${chinesePeriod(latest.period)}完成 ${wanText(latest.completed)}万元，目标 ${wanText(latest.target)}万元）`,
  };
}
