/**
 * The warning rules: each a pure function of a project's data as of a date (the application's date) and the rule's
 * configuration, raising nothing or one warning with its level, the figures that raised it and the sentence users
 * read. `evaluateWarnings` runs every rule a preset configures; the measures are in warning.measure.ts.
 */
import { chineseDate } from './bulletin.format.ts';
import { DEFAULT_STAGES } from './codelists.ts';
import { dateParts, daysBetween, monthIndex, periodOfMonthIndex } from './iso-date.ts';
import { divRound, percent } from './money.ts';
import type { Fen } from './money.ts';
import type {
  ProjectWarning,
  Threshold,
  WarningFigures,
  WarningLevel,
  WarningPreset,
  WarningRuleConfig,
  WarningRuleId,
} from './warning.contract.ts';
import { WARNING_RULE_IDS } from './warning.contract.ts';
import {
  chinesePeriod,
  warningLevelOf,
  monthsElapsed,
  mostOverdueItem,
  measureText,
  timeElapsedPace,
  wanText,
  wholeMeasure,
  type WarningMeasure,
} from './warning.measure.ts';

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

/** What the rules share across projects in one evaluation, besides the preset. */
export interface WarningContext {
  /** Report deadlines set for particular months (`YYYY-MM` → ISO date); other months use the rule's deadline day. */
  reportDeadlines?: ReadonlyMap<string, string>;
}

/** What a rule raises before the preset's identity is added. */
export interface RaisedWarning {
  level: WarningLevel;
  figures: WarningFigures;
  text: string;
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
): RaisedWarning | null {
  const plan = snapshot.annualPlan;
  const { months, share } = timeElapsedPace(asOf);
  if (plan === null || plan <= 0n || months === 0) return null;
  const done = snapshot.completedYtd;
  // Points: (months/12 − done/plan) × 100; share: (plan×months/12 − done) / (plan×months/12) × 100.
  const gap = 100n * (BigInt(months) * plan - 12n * done);
  const measure: WarningMeasure =
    config.basis === 'points' ? { num: gap, den: 12n * plan } : { num: gap, den: BigInt(months) * plan };
  const level = warningLevelOf(config, measure);
  if (!level) return null;
  const paceAmount = divRound(plan * BigInt(months), 12n);
  const rate = percent(done, plan, 1) ?? '0';
  const pace = measureText({ num: share.num * 100n, den: share.den }, 1);
  const figures: WarningFigures = {
    basis: config.basis,
    annualPlan: wanText(plan),
    completedYtd: wanText(done),
    completionRate: rate,
    elapsedMonths: months,
    pace,
    paceAmount: wanText(paceAmount),
    behind: measureText(measure, config.basis === 'points' ? 1 : 0),
  };
  const text =
    config.basis === 'points'
      ? `完成 ${wanText(done)}万元（${rate}%），序时进度 ${pace}%（应完成 ${wanText(paceAmount)}万元），落后 ${measureText(measure, 1)}个百分点`
      : `完成 ${wanText(done)}万元，序时进度应完成 ${wanText(paceAmount)}万元，落后 ${measureText(measure, 0)}%`;
  return { level, figures, text };
}

/**
 * A planned date not met as of the date, graded by the month ends passed since its month (0 within that month):
 * null when there is no plan, it was met, the date has not passed, or the count is below yellow.
 */
function missedPlannedDate(
  planned: string | null,
  met: boolean,
  config: { yellow: Threshold; red: Threshold },
  asOf: string,
): { planned: string; months: number; level: WarningLevel } | null {
  if (planned === null || met || planned >= asOf) return null;
  const months = monthIndex(asOf) - monthIndex(planned);
  const level = warningLevelOf(config, wholeMeasure(months));
  return level && { planned, months, level };
}

/** 应开工未开工: the planned start passed without a start; counted in month ends missed. */
export function startOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'start_overdue'>,
  asOf: string,
): RaisedWarning | null {
  const missed = missedPlannedDate(snapshot.plannedStartDate, isStarted(snapshot, asOf), config, asOf);
  if (!missed) return null;
  const { planned, months, level } = missed;
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
): RaisedWarning | null {
  const missed = missedPlannedDate(snapshot.plannedCompletionDate, isCompleted(snapshot, asOf), config, asOf);
  if (!missed) return null;
  const { planned, months, level } = missed;
  return {
    level,
    figures: { plannedCompletionDate: planned, monthsMissed: months },
    text: `计划${chineseDate(planned)}竣工，截至${chineseDate(asOf)}仍未竣工，已逾期${months}个月`,
  };
}

/**
 * The report deadline of a month (`YYYY-MM`): the date set for that period when there is one (a city may move a
 * deadline, e.g. past a holiday), else day `deadlineDay` of the following month.
 */
export function reportDeadline(period: string, deadlineDay: number, context: WarningContext = {}): string {
  const set = context.reportDeadlines?.get(period);
  if (set !== undefined) return set;
  return `${periodOfMonthIndex(monthIndex(period) + 1)}-${String(deadlineDay).padStart(2, '0')}`;
}

/** 月报未报: monthly reports past their deadline and not submitted, counted from the first missing month. */
export function reportMissing(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'report_missing'>,
  asOf: string,
  context: WarningContext = {},
): RaisedWarning | null {
  if (snapshot.reportingFrom === null) return null;
  const afterReported = snapshot.lastReportedPeriod === null ? -Infinity : monthIndex(snapshot.lastReportedPeriod) + 1;
  let missing = 0;
  let first: { period: string; deadline: string } | null = null;
  // Up to the month of the date: a later month's deadline cannot have passed.
  for (let index = Math.max(monthIndex(snapshot.reportingFrom), afterReported); index <= monthIndex(asOf); index += 1) {
    const period = periodOfMonthIndex(index);
    const deadline = reportDeadline(period, config.deadlineDay, context);
    if (deadline >= asOf) continue;
    missing += 1;
    first ??= { period, deadline };
  }
  if (!first) return null;
  const level = warningLevelOf(config, wholeMeasure(missing));
  if (!level) return null;
  const last = snapshot.lastReportedPeriod;
  return {
    level,
    figures: {
      periodsMissing: missing,
      firstMissingPeriod: first.period,
      deadline: first.deadline,
      lastReportedPeriod: last,
    },
    text:
      `${chinesePeriod(first.period)}起${missing}期月报逾期未报（${chinesePeriod(first.period)}月报${chineseDate(first.deadline)}截止）` +
      (last === null ? '，尚无已报月报' : `，最近报送为${chinesePeriod(last)}`),
  };
}

/** 问题逾期: open problems past their due date; measured by the most overdue, in calendar days. */
export function problemOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'problem_overdue'>,
  asOf: string,
): RaisedWarning | null {
  const overdue = mostOverdueItem(snapshot.openProblems, asOf);
  if (!overdue) return null;
  const level = warningLevelOf(config, wholeMeasure(overdue.worst.days));
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

/** 开工未入统: started but not entered into the statistics; measured in months since the actual start. */
export function notInStatistics(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'not_in_statistics'>,
  asOf: string,
): RaisedWarning | null {
  const started = snapshot.actualStartDate;
  if (started === null || started > asOf) return null;
  if (snapshot.inStatisticsSince !== null && snapshot.inStatisticsSince <= asOf) return null;
  const measure = monthsElapsed(started, asOf);
  const level = warningLevelOf(config, measure);
  if (!level) return null;
  const days = daysBetween(started, asOf);
  return {
    level,
    figures: { actualStartDate: started, daysSinceStart: days, monthsSinceStart: measureText(measure, 1) },
    text: `${chineseDate(started)}开工，已${days}天仍未纳入固定资产投资统计`,
  };
}

/** 节点逾期: milestone plan nodes past their planned date and not done; nothing until plans exist. */
export function milestoneOverdue(
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<'milestone_overdue'>,
  asOf: string,
): RaisedWarning | null {
  const open = (snapshot.milestones ?? [])
    .filter((node) => node.doneOn === null || node.doneOn > asOf)
    .map((node) => ({ name: node.name, dueOn: node.plannedOn }));
  const overdue = mostOverdueItem(open, asOf);
  if (!overdue) return null;
  const level = warningLevelOf(config, wholeMeasure(overdue.worst.days));
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

/** A rule: a pure function of a project's snapshot, the rule's configuration and the date. */
export type WarningRule<R extends WarningRuleId> = (
  snapshot: WarningProjectSnapshot,
  config: WarningRuleConfig<R>,
  asOf: string,
  context: WarningContext,
) => RaisedWarning | null;

/**
 * The rule registry: one function per rule id. A new rule (the milestone rule, once plans exist, reads
 * `snapshot.milestones`) is an id in the contract, a configuration schema there, and a function here.
 */
export const WARNING_RULES: { [R in WarningRuleId]: WarningRule<R> } = {
  investment_behind_pace: investmentBehindPace,
  start_overdue: startOverdue,
  completion_overdue: completionOverdue,
  report_missing: reportMissing,
  problem_overdue: problemOverdue,
  not_in_statistics: notInStatistics,
  milestone_overdue: milestoneOverdue,
};

/** Runs one rule with its configuration (nothing when the preset leaves the rule out), adding its id and version. */
function evaluateRule<R extends WarningRuleId>(
  rule: R,
  rules: { [K in WarningRuleId]?: WarningRuleConfig<K> },
  snapshot: WarningProjectSnapshot,
  asOf: string,
  context: WarningContext,
): (RaisedWarning & { rule: R; version: number }) | null {
  const config = rules[rule];
  if (!config) return null;
  const raised = WARNING_RULES[rule](snapshot, config, asOf, context);
  return raised && { ...raised, rule, version: config.version };
}

/**
 * Every warning the preset's rules raise for a project as of a date (the application's date), in the order of
 * WARNING_RULE_IDS. `context` carries what all projects share (report deadlines set for particular months).
 */
export function evaluateWarnings(
  snapshot: WarningProjectSnapshot,
  preset: WarningPreset,
  asOf: string,
  context: WarningContext = {},
): ProjectWarning[] {
  dateParts(asOf);
  const warnings: ProjectWarning[] = [];
  for (const rule of WARNING_RULE_IDS) {
    const raised = evaluateRule(rule, preset.rules, snapshot, asOf, context);
    if (raised) warnings.push({ projectId: snapshot.projectId, presetId: preset.id, ...raised });
  }
  return warnings;
}
