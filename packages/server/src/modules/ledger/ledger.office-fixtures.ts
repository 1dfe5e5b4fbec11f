/**
 * Test helpers for offices' own ledgers: a district's annual ledger built in code as offices lay it out (a title
 * row, a unit line, a two-row header of merged cells with the year over its plan and year-to-date columns, a
 * totals row, notes and a signature below), and an upload that passes the import's choices.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../../test/factories.ts';
import { multipart } from '../../../test/upload.ts';
import type { TestCell } from './ledger.fixtures.ts';

/** One project of an office ledger. */
export interface OfficeProject {
  /** Null: the row's code cell is left empty. */
  code: string | null;
  name: string;
  owner: string;
  level?: string;
  category?: string;
  nature?: string;
  total: TestCell;
  plan: TestCell;
  ytd: TestCell;
  progress?: string;
  unit?: string;
  leader?: string;
}

let serial = 0;

/** A valid office row in 萨尔图区 (area 230602) with a fresh code. */
export function officeProject(owner: string, overrides: Partial<OfficeProject> = {}): OfficeProject {
  serial += 1;
  return {
    code: `2103-230602-04-01-${String(810000 + serial)}`,
    name: `萨尔图区重点项目${serial}号`,
    owner,
    level: serial % 3 === 0 ? '市级' : '区重点',
    category: serial % 2 === 0 ? '基础设施' : '产业项目',
    nature: serial % 2 === 0 ? '续建' : '新开工',
    total: 10_000 + serial,
    plan: 3_000,
    ytd: 1_000 + serial,
    progress: '主体结构施工中',
    unit: '区住建局',
    leader: '王副区长',
    ...overrides,
  };
}

/** The columns of the office layout: top header, sub-header (null: merged with the top), and the cell of a project. */
const ALL_COLUMNS: { top: string; sub: string | null; cell: (p: OfficeProject, index: number) => TestCell }[] = [
  { top: '序号', sub: null, cell: (_p, index) => index + 1 },
  { top: '项目代码', sub: null, cell: (p) => p.code },
  { top: '项目名称', sub: null, cell: (p) => p.name },
  { top: '建设单位', sub: null, cell: (p) => p.owner },
  { top: '项目级别', sub: null, cell: (p) => p.level ?? null },
  { top: '项目类型', sub: null, cell: (p) => p.category ?? null },
  { top: '新建/续建', sub: null, cell: (p) => p.nature ?? null },
  { top: '总投资（万元）', sub: null, cell: (p) => p.total },
  { top: '2021年', sub: '计划投资', cell: (p) => p.plan },
  { top: '2021年', sub: '1-9月完成投资', cell: (p) => p.ytd },
  { top: '形象进度', sub: null, cell: (p) => p.progress ?? null },
  { top: '责任单位', sub: null, cell: (p) => p.unit ?? null },
  { top: '包联县级领导', sub: null, cell: (p) => p.leader ?? null },
];

/** The file's row number of the first project (title, unit line, two header rows above it). */
export const OFFICE_FIRST_ROW = 5;

/**
 * A district's annual ledger as an office keeps it; `headers` renames columns (top header → file header), `omit`
 * leaves columns out (by top header: many offices keep no 项目代码 column).
 */
export async function officeLedgerFile(
  projects: readonly OfficeProject[],
  options: { headers?: Record<string, string>; omit?: readonly string[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2021年');
  const columns = ALL_COLUMNS.filter((column) => !options.omit?.includes(column.top));
  const last = columns.length;
  const top = (column: (typeof columns)[number]) => options.headers?.[column.top] ?? column.top;
  sheet.addRow(['萨尔图区2021年重点项目推进情况台账']);
  sheet.mergeCells(1, 1, 1, last);
  sheet.addRow(['填报单位：萨尔图区发展和改革局', null, null, null, null, null, null, null, null, '单位：万元']);
  sheet.addRow(columns.map(top));
  sheet.addRow(columns.map((column) => column.sub ?? top(column)));
  columns.forEach((column, index) => {
    if (column.sub === null) sheet.mergeCells(3, index + 1, 4, index + 1);
  });
  const yearStart = columns.findIndex((column) => column.sub !== null) + 1;
  sheet.mergeCells(3, yearStart, 3, yearStart + 1);
  projects.forEach((project, index) => sheet.addRow(columns.map((column) => column.cell(project, index))));
  sheet.addRow(['合计', null, `${projects.length}个项目`, null, null, null, null, { formula: 'SUM(H5:H6)' }]);
  sheet.addRow(['注：1. 本表由各责任单位每月5日前报区发改局；2. 完成投资为当年累计数。']);
  sheet.addRow(['填表人：张三', null, null, '联系电话：0459-4600000', null, '审核人：李四']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The import's choices as a test passes them. */
export interface ImportChoices {
  dryRun?: boolean;
  region?: string;
  year?: number;
  month?: number;
  mapping?: Record<string, string>;
}

/** Uploads a ledger to POST /ledger/import with the import's choices. */
export function uploadWith(client: Client, file: Buffer, choices: ImportChoices = {}): Promise<LightMyRequestResponse> {
  const body = multipart(file);
  const search = new URLSearchParams({ dryRun: String(choices.dryRun ?? true) });
  if (choices.region) search.set('region', choices.region);
  if (choices.year) search.set('year', String(choices.year));
  if (choices.month) search.set('month', String(choices.month));
  if (choices.mapping) search.set('mapping', JSON.stringify(choices.mapping));
  return client.request({
    method: 'POST',
    url: `/api/v1/ledger/import?${search.toString()}`,
    payload: body.payload,
    headers: body.headers,
  });
}
