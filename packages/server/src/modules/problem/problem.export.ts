/**
 * The problem list and the league table as Excel (GET /problems/export, GET /problems/league/export): the same
 * items the API answers, through the shared xlsx writer (formula-safe text, real numbers), audited as exports.
 */
import {
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_GRADE_LABELS,
  PROBLEM_STATE_LABELS,
  STEP_CLOCK_STATE_LABELS,
  type ProblemLeagueQuery,
  type ProblemListItem,
  type ProblemListQuery,
} from '@keyprojects/core';
import { xlsxBuffer, type XlsxColumn, type XlsxValue } from '../../io/xlsx.writer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { problemLeague } from './problem.league.service.ts';
import { allMatchingProblems, type ProblemDeps } from './problem.service.ts';

type Column<T> = { column: XlsxColumn; value: (item: T) => XlsxValue };

const LIST_COLUMNS: readonly Column<ProblemListItem>[] = [
  { column: { header: '编号', width: 8, kind: 'integer' }, value: (p) => p.id },
  { column: { header: '项目代码', width: 26, kind: 'text' }, value: (p) => p.projectCode },
  { column: { header: '项目名称', width: 30, kind: 'text' }, value: (p) => p.projectName },
  { column: { header: '问题', width: 36, kind: 'text' }, value: (p) => p.title },
  { column: { header: '类别', width: 12, kind: 'text' }, value: (p) => PROBLEM_CATEGORY_LABELS[p.category].zh },
  { column: { header: '状态', width: 14, kind: 'text' }, value: (p) => PROBLEM_STATE_LABELS[p.state].zh },
  { column: { header: '责任单位', width: 24, kind: 'text' }, value: (p) => p.unitName },
  { column: { header: '责任人', width: 10, kind: 'text' }, value: (p) => p.assigneeName },
  { column: { header: '提出日期', width: 12, kind: 'date' }, value: (p) => p.raisedOn },
  { column: { header: '交办日期', width: 12, kind: 'date' }, value: (p) => p.assignedOn },
  { column: { header: '办结时限', width: 12, kind: 'date' }, value: (p) => p.dueOn },
  {
    column: { header: '时限状态', width: 12, kind: 'text' },
    value: (p) => (p.clockState ? STEP_CLOCK_STATE_LABELS[p.clockState].zh : null),
  },
  { column: { header: '逾期工作日', width: 10, kind: 'integer' }, value: (p) => p.workingDaysOverdue },
  { column: { header: '升级层级', width: 10, kind: 'integer' }, value: (p) => p.escalationLevel },
  { column: { header: '办结日期', width: 12, kind: 'date' }, value: (p) => p.resolvedOn },
  {
    column: { header: '验收等次', width: 10, kind: 'text' },
    value: (p) => (p.grade ? PROBLEM_GRADE_LABELS[p.grade].zh : null),
  },
];

const toBuffer = (name: string, columns: readonly XlsxColumn[], rows: readonly (readonly XlsxValue[])[]) =>
  xlsxBuffer([{ name, columns, rows }]);

/** The list's xlsx: every matching problem (paging ignored). */
export async function exportProblems(deps: ProblemDeps, actor: Actor, query: ProblemListQuery): Promise<Buffer> {
  const items = await allMatchingProblems(deps, actor, query);
  await recordAudit(deps.db, actor, {
    entityType: 'transfer',
    entityId: 'xlsx:problems',
    action: 'export',
    after: { ...query, rows: items.length },
  });
  return toBuffer(
    '问题清单',
    LIST_COLUMNS.map((c) => c.column),
    items.map((item) => LIST_COLUMNS.map((c) => c.value(item))),
  );
}

/** The league's xlsx. */
export async function exportLeague(deps: ProblemDeps, actor: Actor, query: ProblemLeagueQuery): Promise<Buffer> {
  const league = await problemLeague(deps, actor, query);
  await recordAudit(deps.db, actor, {
    entityType: 'transfer',
    entityId: 'xlsx:problem-league',
    action: 'export',
    after: { from: league.from, to: league.to, rows: league.rows.length },
  });
  const columns: XlsxColumn[] = [
    { header: '名次', width: 6, kind: 'integer' },
    { header: '责任单位', width: 28, kind: 'text' },
    { header: '交办数', width: 8, kind: 'integer' },
    { header: '已销号', width: 8, kind: 'integer' },
    { header: '按期销号', width: 10, kind: 'integer' },
    { header: '按期销号率', width: 10, kind: 'percent' },
    { header: '办结中位工作日', width: 12, kind: 'number' },
    { header: '当前逾期', width: 10, kind: 'integer' },
    { header: '优秀', width: 6, kind: 'integer' },
    { header: '良好', width: 6, kind: 'integer' },
    { header: '合格', width: 6, kind: 'integer' },
    { header: '不合格', width: 8, kind: 'integer' },
  ];
  return toBuffer(
    '责任单位排行',
    columns,
    league.rows.map((r) => [
      r.rank,
      r.unitName,
      r.received,
      r.closed,
      r.closedOnTime,
      r.onTimeRate === null ? null : (r.onTimeRate * 100).toFixed(1),
      r.medianWorkingDaysToClose,
      r.overdueNow,
      r.grades.excellent,
      r.grades.good,
      r.grades.pass,
      r.grades.fail,
    ]),
  );
}
