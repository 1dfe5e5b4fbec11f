/**
 * The monthly-report ledger (月报台账): one row per project for one reporting period, keyed by the project
 * code, with the figures the report API takes (ReportInput) under the headers district ledgers use. Columns
 * marked not importable (name, owner, region, state, plan, year-to-date, rate) are written by the template
 * and the 'monthly-reports' export for people to read and ignored on import, so an exported period imports
 * back unchanged. The period itself is chosen on import, not read from the sheet.
 */
import type { Label } from './codelists.ts';
import {
  cellBoolean,
  cellDate,
  cellMoney,
  cellNumber,
  cellText,
  normaliseLabel,
  type CellResult,
  type LedgerCell,
} from './ledger.cells.ts';
import { headerMatcher, type LedgerColumnDef, type LedgerColumnKind } from './ledger.columns.ts';

/** The columns a monthly-report ledger can have. */
export type ReportLedgerKey =
  | 'code'
  | 'name'
  | 'owner'
  | 'region'
  | 'state'
  | 'annualPlan'
  | 'completedThisMonth'
  | 'completedYtd'
  | 'completionRate'
  | 'progressText'
  | 'progressPercent'
  | 'workers'
  | 'machines'
  | 'stage'
  | 'started'
  | 'startedOn';

/** The keys a row's report is made of: the ReportInput fields the ledger carries, in that order. */
export const REPORT_LEDGER_FIELDS = [
  'completedThisMonth',
  'progressText',
  'progressPercent',
  'workers',
  'machines',
  'stage',
  'started',
  'startedOn',
] as const satisfies readonly ReportLedgerKey[];
/** A report field of the ledger. */
export type ReportLedgerField = (typeof REPORT_LEDGER_FIELDS)[number];

type Def = LedgerColumnDef<ReportLedgerKey>;
const readOnly: Label = {
  zh: '仅供阅读，导入时忽略',
  en: 'For reading only; ignored on import',
};
const col = (
  key: ReportLedgerKey,
  header: Label,
  kind: LedgerColumnKind,
  width: number,
  note: Label,
  extra: Partial<Pick<Def, 'synonyms' | 'required' | 'importable'>> = {},
): Def => ({
  key,
  header,
  kind,
  width,
  note,
  synonyms: extra.synonyms ?? [],
  required: extra.required ?? false,
  importable: extra.importable ?? true,
});

/** The monthly-report ledger's columns in template and export order. */
export const REPORT_LEDGER_COLUMNS: readonly Def[] = [
  col(
    'code',
    { zh: '投资项目统一代码', en: 'Project code' },
    'text',
    26,
    {
      zh: '必填。本账号可见项目的投资项目统一代码，每个项目一行',
      en: 'Required. The code of a project you can see; one row per project',
    },
    {
      required: true,
      synonyms: ['项目代码', '统一代码', '投资项目代码', '项目统一代码', '投资代码', '赋码'],
    },
  ),
  col('name', { zh: '项目名称', en: 'Name' }, 'text', 36, readOnly, { importable: false, synonyms: ['项目名'] }),
  col('owner', { zh: '项目单位', en: 'Owner' }, 'text', 28, readOnly, {
    importable: false,
    synonyms: ['建设单位', '业主单位', '项目业主'],
  }),
  col('region', { zh: '所属区域', en: 'Region' }, 'text', 12, readOnly, {
    importable: false,
    synonyms: ['所在区域', '所属区县', '县区', '区县'],
  }),
  col('state', { zh: '填报状态', en: 'State' }, 'text', 12, readOnly, {
    importable: false,
    synonyms: ['状态', '审核状态', '月报状态'],
  }),
  col('annualPlan', { zh: '年度计划投资（万元）', en: 'Annual plan (10k yuan)' }, 'money', 16, readOnly, {
    importable: false,
    synonyms: ['年度计划投资', '本年计划投资（万元）', '本年计划投资', '年度投资计划（万元）'],
  }),
  col(
    'completedThisMonth',
    { zh: '本月完成投资（万元）', en: 'Completed this month (10k yuan)' },
    'money',
    18,
    {
      zh: '必填。万元，最多六位小数；可为负数以核减前几个月，但本年累计不能小于零',
      en: 'Required. In 10k yuan, at most six decimals; may be negative to correct earlier months, but the year-to-date may not fall below zero',
    },
    {
      required: true,
      synonyms: [
        '本月完成投资',
        '本月完成投资额（万元）',
        '本月完成投资额',
        '当月完成投资（万元）',
        '当月完成投资',
        '月度完成投资（万元）',
        '本月完成',
        '当月完成',
      ],
    },
  ),
  col('completedYtd', { zh: '本年累计完成投资（万元）', en: 'Completed this year (10k yuan)' }, 'money', 18, readOnly, {
    importable: false,
    synonyms: ['本年累计完成投资', '年度累计完成投资（万元）', '年度累计完成投资', '本年累计完成（万元）'],
  }),
  col('completionRate', { zh: '投资完成率', en: 'Completion rate' }, 'number', 12, readOnly, {
    importable: false,
    synonyms: ['年度投资完成率', '完成率', '投资完成率（%）'],
  }),
  col(
    'progressText',
    { zh: '形象进度', en: 'Progress' },
    'text',
    36,
    {
      zh: '选填，不超过 1000 字，如“主体结构封顶”',
      en: 'Optional, at most 1000 characters, e.g. 主体结构封顶',
    },
    {
      synonyms: ['工程形象进度', '形象进度说明', '项目进展情况', '进展情况', '本月进展', '建设进展'],
    },
  ),
  col(
    'progressPercent',
    { zh: '形象进度（%）', en: 'Progress (%)' },
    'number',
    12,
    {
      zh: '选填。0–100 的数字，可带 %',
      en: 'Optional. A number from 0 to 100, a % sign allowed',
    },
    {
      synonyms: ['形象进度百分比', '工程进度（%）', '完成进度（%）', '形象进度比例'],
    },
  ),
  col(
    'workers',
    { zh: '施工人数', en: 'Workers' },
    'number',
    10,
    {
      zh: '选填。现场施工人数，整数',
      en: 'Optional. Workers on site, a whole number',
    },
    {
      synonyms: ['在岗人数', '现场施工人数', '用工人数', '务工人数', '施工人数（人）'],
    },
  ),
  col(
    'machines',
    { zh: '施工机械（台）', en: 'Machines' },
    'number',
    12,
    {
      zh: '选填。现场机械台数，整数',
      en: 'Optional. Machines on site, a whole number',
    },
    {
      synonyms: ['施工机械', '机械台数', '施工机械台数', '机械设备（台套）', '投入机械'],
    },
  ),
  col(
    'stage',
    { zh: '建设阶段', en: 'Stage' },
    'reference',
    10,
    {
      zh: '选填，从下拉列表选择',
      en: 'Optional, from the list',
    },
    {
      synonyms: ['项目阶段', '所处阶段', '当前阶段', '进展阶段'],
    },
  ),
  col(
    'started',
    { zh: '是否开工', en: 'Started' },
    'boolean',
    10,
    {
      zh: '选填：是或否（本年度新开工或复工）；填“是”时须填写开工日期',
      en: 'Optional: 是 or 否 (started or resumed this year); 是 needs the start date',
    },
    {
      synonyms: ['是否开复工', '是否已开工', '开工情况', '开复工情况', '已开工'],
    },
  ),
  col(
    'startedOn',
    { zh: '开工日期', en: 'Started on' },
    'date',
    14,
    {
      zh: '本年度内、不晚于统计截止日；Excel 日期，或 YYYY-MM-DD、YYYY/M/D 形式的文本',
      en: 'Within the year and not after the cut-off; an Excel date, or text as YYYY-MM-DD or YYYY/M/D',
    },
    {
      synonyms: ['开复工日期', '开工时间', '实际开工日期', '实际开工时间', '复工日期'],
    },
  ),
];

/** Headers of columns ledgers carry for people only. */
export const REPORT_LEDGER_IGNORED_HEADERS = ['序号', '备注', '说明', '提交时间'] as const;

/** Recognises a monthly-report ledger header. */
export const matchReportLedgerHeader = headerMatcher(REPORT_LEDGER_COLUMNS, [], REPORT_LEDGER_IGNORED_HEADERS);

const COLUMN_BY_KEY = new Map(REPORT_LEDGER_COLUMNS.map((column) => [column.key, column]));

/** The column definition of a key. */
export function reportLedgerColumn(key: ReportLedgerKey): Def {
  const column = COLUMN_BY_KEY.get(key);
  if (!column) throw new Error(`no report ledger column ${key}`);
  return column;
}

/** The data sheet of the monthly-report ledger. */
export const REPORT_LEDGER_SHEET = '月报台账';

/** A percentage cell: a number (35 means 35%), or text such as “35” or “35%”. */
export function cellPercent(cell: LedgerCell): CellResult<number> {
  if (cell.type !== 'text') return cellNumber(cell);
  const trimmed = cell.text.trim().replace(/[%％]$/, '');
  return cellNumber({ type: 'text', text: trimmed === '' ? cell.text : trimmed });
}

const STARTED_WORDS = new Map([
  [normaliseLabel('已开工'), true],
  [normaliseLabel('已开复工'), true],
  [normaliseLabel('已复工'), true],
  [normaliseLabel('开工'), true],
  [normaliseLabel('未开工'), false],
  [normaliseLabel('未开复工'), false],
]);

/** A started cell: 是/否 and the usual spellings, also 已开工 / 未开工. */
export function cellStarted(cell: LedgerCell): CellResult<boolean> {
  if (cell.type === 'text') {
    const word = STARTED_WORDS.get(normaliseLabel(cell.text));
    if (word !== undefined) return { ok: true, value: word };
  }
  return cellBoolean(cell);
}

/** A converted report ledger cell. */
export type ReportCellValue = string | number | bigint | boolean | null;

/** Reads a cell of a report field (the stage as its label; the server resolves it). */
export function readReportCell(key: ReportLedgerField | 'code', cell: LedgerCell): CellResult<ReportCellValue> {
  switch (key) {
    case 'code':
    case 'progressText':
    case 'stage':
      return cellText(cell);
    case 'completedThisMonth':
      return cellMoney(cell);
    case 'progressPercent':
      return cellPercent(cell);
    case 'workers':
    case 'machines':
      return cellNumber(cell);
    case 'started':
      return cellStarted(cell);
    case 'startedOn':
      return cellDate(cell);
  }
}
