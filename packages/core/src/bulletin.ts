/**
 * Bulletins (通报): a dated Chinese text with the counts, totals, rates, year-on-year changes and named examples
 * of a region's key projects, written from a template with named placeholders ({{截至日期}}, {{总投资}} …, see
 * bulletin.placeholders.ts). Each non-blank line of a template is a paragraph. Pure: the server gathers the
 * figures, this module checks templates and writes the text.
 */
import { message, type Locale, type MessageKey, type MessageParams } from './messages.ts';
import { percent } from './money.ts';
import type { RegionLevel } from './region.ts';
import { diffFigures, withRates } from './statistics.ts';
import type { Figures } from './statistics.types.ts';
import {
  chineseDate,
  chineseMonthDay,
  countChangeText,
  rateChangeText,
  rateText,
  scopeWord,
  yiChangeText,
  yiText,
} from './bulletin.format.ts';
import { BULLETIN_PLACEHOLDERS, bulletinPlaceholder, type BulletinPlaceholderKey } from './bulletin.placeholders.ts';
import {
  fillPlaceholderTemplate,
  parsePlaceholderTemplate,
  type TemplateIssue,
  type TemplateSegment,
} from './placeholder.template.ts';

import { fundingSentence, type FundingSummary } from './funding.summary.ts';
export * from './bulletin.format.ts';
export * from './bulletin.placeholders.ts';
export * from './bulletin.template.ts';

/** The longest template body accepted, in characters. */
export const BULLETIN_TEMPLATE_MAX_LENGTH = 20_000;

/** Everything a bulletin is written from. */
export interface BulletinData {
  /** The as-of date, YYYY-MM-DD. */
  asOf: string;
  /** The region the bulletin covers ('' when it covers no region, e.g. an owner's own projects). */
  regionName: string;
  regionLevel: RegionLevel | null;
  /** Figures as of `asOf`, and as of the same day a year earlier. */
  current: Figures;
  previous: Figures;
  /** The same for the industrial projects (category 'industry'). */
  industry: { current: Figures; previous: Figures };
  /** Names of the largest new projects started this year, largest first (the template shows up to three). */
  startedExamples: readonly string[];
  /** The warnings and problems summary; '' until warnings exist. */
  warningsSummary: string;
  /** Funding secured as of `asOf`, one summary per source kind (special bonds, central budget); none when absent. */
  funding?: readonly FundingSummary[];
}

/** Figures of an empty set of projects (a category with no project a year ago). */
export function emptyFigures(): Figures {
  const none = { count: 0, totalInvestment: 0n };
  return withRates({
    projects: 0,
    newProjects: 0,
    continuingProjects: 0,
    reserveProjects: 0,
    totalInvestment: 0n,
    annualPlan: 0n,
    startedOrResumed: 0,
    startedNew: 0,
    resumedContinuing: 0,
    plannedNewStarts: 0,
    startedPlannedNew: 0,
    completedYtd: 0n,
    completedInProduction: none,
    expectedCompletionByYearEnd: none,
    overPlan150: 0,
  });
}

/** How many named examples {{新开工重点项目}} shows. */
export const BULLETIN_EXAMPLE_COUNT = 3;

const startRateOf = (f: Figures) => percent(BigInt(f.startedOrResumed), BigInt(f.projects), 1);
const completionRateOf = (f: Figures) => percent(f.completedYtd, f.annualPlan, 1);

/** The text of every placeholder for the data: what {{name}} renders as. */
export function bulletinValues(data: BulletinData): Record<BulletinPlaceholderKey, string> {
  const { current: c, previous: p } = data;
  const diff = diffFigures(c, p);
  const industry = diffFigures(data.industry.current, data.industry.previous);
  return {
    asOfDate: chineseMonthDay(data.asOf),
    asOfDateFull: chineseDate(data.asOf),
    year: data.asOf.slice(0, 4),
    regionName: data.regionName,
    scope: scopeWord(data.regionName, data.regionLevel),
    projects: String(c.projects),
    newProjects: String(c.newProjects),
    continuingProjects: String(c.continuingProjects),
    reserveProjects: String(c.reserveProjects),
    totalInvestment: yiText(c.totalInvestment),
    annualPlan: yiText(c.annualPlan),
    startedOrResumed: String(c.startedOrResumed),
    startedNew: String(c.startedNew),
    resumedContinuing: String(c.resumedContinuing),
    startRate: rateText(BigInt(c.startedOrResumed), BigInt(c.projects)),
    plannedNewStarts: String(c.plannedNewStarts),
    startedPlannedNew: String(c.startedPlannedNew),
    newStartRate: rateText(BigInt(c.startedPlannedNew), BigInt(c.plannedNewStarts)),
    completedYtd: yiText(c.completedYtd),
    completionRate: rateText(c.completedYtd, c.annualPlan),
    overPlan150: String(c.overPlan150),
    inProductionSummary:
      c.completedInProduction.count === 0
        ? '暂无项目竣工投产'
        : `已竣工投产项目${c.completedInProduction.count}个，总投资${yiText(c.completedInProduction.totalInvestment)}`,
    inProductionCount: String(c.completedInProduction.count),
    inProductionInvestment: yiText(c.completedInProduction.totalInvestment),
    expectedSummary:
      c.expectedCompletionByYearEnd.count === 0
        ? '年底前暂无其他计划竣工项目'
        : `预计年底前还将有${c.expectedCompletionByYearEnd.count}个项目竣工投产，` +
          `总投资${yiText(c.expectedCompletionByYearEnd.totalInvestment)}`,
    expectedCount: String(c.expectedCompletionByYearEnd.count),
    expectedInvestment: yiText(c.expectedCompletionByYearEnd.totalInvestment),
    projectsChange: countChangeText(diff.projects),
    totalInvestmentChange: yiChangeText(diff.totalInvestment),
    annualPlanChange: yiChangeText(diff.annualPlan),
    startedOrResumedChange: countChangeText(diff.startedOrResumed),
    completedYtdChange: yiChangeText(diff.completedYtd),
    startRateChange: rateChangeText(startRateOf(c), startRateOf(p)),
    completionRateChange: rateChangeText(completionRateOf(c), completionRateOf(p)),
    industryProjects: String(data.industry.current.projects),
    industryTotalInvestment: yiText(data.industry.current.totalInvestment),
    industryStartedOrResumed: String(data.industry.current.startedOrResumed),
    industryProjectsChange: countChangeText(industry.projects),
    industryTotalInvestmentChange: yiChangeText(industry.totalInvestment),
    industryStartedOrResumedChange: countChangeText(industry.startedOrResumed),
    startedExamples: data.startedExamples.slice(0, BULLETIN_EXAMPLE_COUNT).join('、'),
    warningsSummary: data.warningsSummary.trim(),
    centralBudgetSummary: fundingText(data.funding, 'central_budget'),
    specialBondSummary: fundingText(data.funding, 'special_bond'),
  };
}

/** The seed's sentence for one source kind, or '' (its paragraph left out) when no project has that funding. */
function fundingText(funding: BulletinData['funding'], kind: FundingSummary['kind']): string {
  const summary = funding?.find((s) => s.kind === kind);
  return summary && summary.projects > 0 ? fundingSentence(summary, 'zh') : '';
}

/** A piece of a template line: literal text or a known placeholder. */
export type BulletinSegment = TemplateSegment<BulletinPlaceholderKey>;

/** Why a template cannot be used. */
export type BulletinTemplateIssue = TemplateIssue;

/** Splits a template into its paragraphs' segments, or says what is wrong with it (every unknown name at once). */
export function parseBulletinTemplate(
  body: string,
): { ok: true; paragraphs: BulletinSegment[][] } | { ok: false; issue: BulletinTemplateIssue } {
  return parsePlaceholderTemplate(body, (name) => bulletinPlaceholder(name)?.key, BULLETIN_TEMPLATE_MAX_LENGTH);
}

/** What is wrong with a template, or null when it can be used. */
export function validateBulletinTemplate(body: string): BulletinTemplateIssue | null {
  const parsed = parseBulletinTemplate(body);
  return parsed.ok ? null : parsed.issue;
}

/** The issue as a message of the one catalogue (messages.ts) and its parameters, for an error naming the field. */
export function bulletinTemplateIssueKey(issue: BulletinTemplateIssue): { key: MessageKey; params: MessageParams } {
  switch (issue.kind) {
    case 'empty':
      return { key: 'bulletin.template.empty', params: {} };
    case 'tooLong':
      return { key: 'bulletin.template.tooLong', params: { limit: issue.limit } };
    case 'unknownPlaceholders':
      return {
        key: 'bulletin.template.unknownPlaceholders',
        params: { names: issue.names.map((name) => `{{${name}}}`).join('、') },
      };
    case 'unbalancedBraces':
      return { key: 'bulletin.template.unbalancedBraces', params: { near: issue.near } };
  }
}

/** The issue in words, for the template editor: names every unknown placeholder as written. */
export function bulletinTemplateIssueMessage(issue: BulletinTemplateIssue, locale: Locale): string {
  const { key, params } = bulletinTemplateIssueKey(issue);
  return message(key, locale, params);
}

/** A bulletin as written: its paragraphs, and the text (paragraphs separated by a blank line). */
export interface RenderedBulletin {
  paragraphs: string[];
  text: string;
}

const OPTIONAL_KEYS: ReadonlySet<string> = new Set(
  BULLETIN_PLACEHOLDERS.filter((placeholder) => placeholder.optional).map((placeholder) => placeholder.key),
);

/**
 * Writes the bulletin: each template paragraph with its placeholders filled in. A paragraph in which an optional
 * placeholder ({{新开工重点项目}}, {{预警问题摘要}} …) renders empty is left out, so no sentence is left
 * half-written. Throws a RangeError for a template `validateBulletinTemplate` refuses.
 */
export function renderBulletin(body: string, data: BulletinData): RenderedBulletin {
  const parsed = parseBulletinTemplate(body);
  if (!parsed.ok) throw new RangeError(bulletinTemplateIssueMessage(parsed.issue, 'en'));
  const paragraphs = fillPlaceholderTemplate(parsed.paragraphs, bulletinValues(data), OPTIONAL_KEYS);
  return { paragraphs, text: paragraphs.join('\n\n') };
}

/** The bulletin's title for a region: 大庆市重点项目建设情况通报 (without a region: 重点项目建设情况通报). */
export function bulletinTitle(regionName: string): string {
  return `${regionName}重点项目建设情况通报`;
}
