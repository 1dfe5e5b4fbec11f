/**
 * The daily notice (日通报) and the weekly dispatch report (周调度) as Chinese text: figures of a period (warnings
 * raised and cleared, active red and yellow, problems opened, resolved, closed and overdue, by district and by
 * responsible unit, named examples) poured into a template with placeholders (notice.placeholders.ts) by the same
 * machinery as the bulletin (placeholder.template.ts). Pure: the server gathers the figures.
 */
import { chineseDate, chineseMonthDay, scopeWord } from './bulletin.format.ts';
import { addDays, daysBetween } from './iso-date.ts';
import type { RegionLevel } from './region.ts';
import type { WarningLevel } from './warning.contract.ts';
import {
  NOTICE_PLACEHOLDERS,
  noticePlaceholderKey,
  type NoticeKind,
  type NoticePlaceholderKey,
} from './notice.placeholders.ts';
import { fillPlaceholderTemplate, parsePlaceholderTemplate, type TemplateIssue } from './placeholder.template.ts';

export * from './notice.placeholders.ts';

/** The longest notice template accepted, in characters (the bulletin's limit). */
export const NOTICE_TEMPLATE_MAX_LENGTH = 20_000;

/** How many named examples of each kind a notice quotes. */
export const NOTICE_EXAMPLE_COUNT = 3;

/** The period a notice covers: the day itself, or the seven days ending on it (周调度). */
export function noticePeriod(kind: NoticeKind, date: string): { from: string; to: string } {
  return { from: kind === 'daily' ? date : addDays(date, -6), to: date };
}

/** A district's line: its active warnings and overdue problems. */
export interface NoticeDistrictFigures {
  name: string;
  activeRed: number;
  activeYellow: number;
  problemsOverdue: number;
}

/** A responsible unit's line: its problems not closed yet, and how many of them are overdue. */
export interface NoticeUnitFigures {
  name: string;
  problemsOpen: number;
  problemsOverdue: number;
}

/** A project quoted for its warning: the warning's own text holds the figures that raised it. */
export interface NoticeWarningExample {
  projectName: string;
  districtName: string;
  level: WarningLevel;
  text: string;
}

/** A problem quoted as overdue. */
export interface NoticeOverdueExample {
  projectName: string;
  title: string;
  unitName: string | null;
  dueOn: string;
}

/** Everything a notice is written from. */
export interface NoticeData {
  kind: NoticeKind;
  /** The period, YYYY-MM-DD, both ends included. */
  from: string;
  to: string;
  regionName: string;
  regionLevel: RegionLevel | null;
  warningsRaised: { red: number; yellow: number };
  warningsCleared: number;
  activeRed: number;
  activeYellow: number;
  problemsOpened: number;
  problemsResolved: number;
  problemsClosed: number;
  problemsOpen: number;
  problemsOverdue: number;
  districts: readonly NoticeDistrictFigures[];
  units: readonly NoticeUnitFigures[];
  warningExamples: readonly NoticeWarningExample[];
  overdueExamples: readonly NoticeOverdueExample[];
}

/** '萨尔图区红色预警2个、黄色预警3个、逾期问题1个' — the parts that are not zero; '' when all are. */
export function districtSentence(d: NoticeDistrictFigures): string {
  const parts = [
    d.activeRed > 0 ? `红色预警${d.activeRed}个` : '',
    d.activeYellow > 0 ? `黄色预警${d.activeYellow}个` : '',
    d.problemsOverdue > 0 ? `逾期问题${d.problemsOverdue}个` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : `${d.name}${parts.join('、')}`;
}

/** '市自然资源局在办问题3个、其中逾期1个' ('' for a unit with nothing open). */
export function unitSentence(u: NoticeUnitFigures): string {
  if (u.problemsOpen === 0) return '';
  return `${u.name}在办问题${u.problemsOpen}个${u.problemsOverdue > 0 ? `、其中逾期${u.problemsOverdue}个` : ''}`;
}

/** 'XX项目（萨尔图区）完成投资120万元，序时进度应完成310万元，落后61%'. */
export function warningExampleSentence(e: NoticeWarningExample): string {
  const where = e.districtName ? `（${e.districtName}）` : '';
  return `${e.projectName}${where}${e.text}`;
}

/** 'XX项目“用地报批”（责任单位：市自然资源局，应于5月10日前解决，已逾期10天）' as of `asOf`. */
export function overdueExampleSentence(e: NoticeOverdueExample, asOf: string): string {
  const unit = e.unitName ? `责任单位：${e.unitName}，` : '';
  return `${e.projectName}“${e.title}”（${unit}应于${chineseMonthDay(e.dueOn)}前解决，已逾期${daysBetween(e.dueOn, asOf)}天）`;
}

const worstFirst = <T>(items: readonly T[], weight: (item: T) => number[]) =>
  [...items].sort((a, b) => {
    const wa = weight(a);
    const wb = weight(b);
    for (let i = 0; i < wa.length; i += 1) if ((wa[i] ?? 0) !== (wb[i] ?? 0)) return (wb[i] ?? 0) - (wa[i] ?? 0);
    return 0;
  });

/** The text of every placeholder for the data. */
export function noticeValues(data: NoticeData): Record<NoticePlaceholderKey, string> {
  const districts = worstFirst(data.districts, (d) => [d.activeRed, d.problemsOverdue, d.activeYellow]);
  const units = worstFirst(data.units, (u) => [u.problemsOverdue, u.problemsOpen]);
  const warnings = worstFirst(data.warningExamples, (e) => [e.level === 'red' ? 1 : 0]);
  const overdue = [...data.overdueExamples].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const joined = (parts: string[]) => parts.filter((part) => part !== '').join('；');
  return {
    date: chineseMonthDay(data.to),
    dateFull: chineseDate(data.to),
    period:
      data.from === data.to ? chineseMonthDay(data.to) : `${chineseMonthDay(data.from)}至${chineseMonthDay(data.to)}`,
    regionName: data.regionName,
    scope: scopeWord(data.regionName, data.regionLevel),
    warningsRaised: String(data.warningsRaised.red + data.warningsRaised.yellow),
    redRaised: String(data.warningsRaised.red),
    yellowRaised: String(data.warningsRaised.yellow),
    warningsCleared: String(data.warningsCleared),
    activeRed: String(data.activeRed),
    activeYellow: String(data.activeYellow),
    problemsOpened: String(data.problemsOpened),
    problemsResolved: String(data.problemsResolved),
    problemsClosed: String(data.problemsClosed),
    problemsOpen: String(data.problemsOpen),
    problemsOverdue: String(data.problemsOverdue),
    byDistrict: joined(districts.map(districtSentence)),
    byUnit: joined(units.map(unitSentence)),
    warningExamples: joined(warnings.slice(0, NOTICE_EXAMPLE_COUNT).map(warningExampleSentence)),
    overdueExamples: joined(
      overdue.slice(0, NOTICE_EXAMPLE_COUNT).map((example) => overdueExampleSentence(example, data.to)),
    ),
  };
}

/** Splits a notice template into paragraphs, or says what is wrong with it (the bulletin's issues). */
export function parseNoticeTemplate(body: string) {
  return parsePlaceholderTemplate(body, noticePlaceholderKey, NOTICE_TEMPLATE_MAX_LENGTH);
}

/** What is wrong with a notice template, or null when it can be used. */
export function validateNoticeTemplate(body: string): TemplateIssue | null {
  const parsed = parseNoticeTemplate(body);
  return parsed.ok ? null : parsed.issue;
}

const OPTIONAL_KEYS: ReadonlySet<string> = new Set(NOTICE_PLACEHOLDERS.filter((x) => x.optional).map((x) => x.key));

/** Writes the notice's paragraphs; a RangeError for a template validateNoticeTemplate refuses. */
export function renderNotice(body: string, data: NoticeData): { paragraphs: string[]; text: string } {
  const parsed = parseNoticeTemplate(body);
  if (!parsed.ok) throw new RangeError(`unusable notice template: ${parsed.issue.kind}`);
  const paragraphs = fillPlaceholderTemplate(parsed.paragraphs, noticeValues(data), OPTIONAL_KEYS);
  return { paragraphs, text: paragraphs.join('\n\n') };
}

/** 大庆市重点项目建设日通报 / 大庆市重点项目周调度情况. */
export function noticeTitle(kind: NoticeKind, regionName: string): string {
  return kind === 'daily' ? `${regionName}重点项目建设日通报` : `${regionName}重点项目周调度情况`;
}

/** （2021年5月20日） or （2021年5月14日至5月20日）. */
export function noticeDateLine(from: string, to: string): string {
  return from === to ? `（${chineseDate(to)}）` : `（${chineseDate(from)}至${chineseMonthDay(to)}）`;
}
