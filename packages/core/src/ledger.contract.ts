/**
 * The ledger's API contract (Excel in and out), shared by the server (validation, OpenAPI) and the web (its client):
 * the template and import queries, an import's preview or result, a background import job, and the error body of a
 * refused import (which carries the preview, so the user sees every bad row).
 */
import { z } from 'zod';
import { errorBody } from './common.contract.ts';

/** The kinds of ledger that can be imported and have a template. */
export const LEDGER_KINDS = ['projects', 'monthly-reports'] as const;
/** A kind of ledger. */
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A query flag written 'true'/'false', read as a boolean. */
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

/** Which ledger, and for monthly reports the reporting period (required then, a field-level 400 otherwise). */
const kindFields = {
  kind: z.enum(LEDGER_KINDS).default('projects').meta({
    description: '台账类型：projects 项目台账（默认）；monthly-reports 月报台账（须同时给出 year 和 month）',
  }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '月报台账的报送年度' }),
  month: z.coerce
    .number()
    .int()
    .min(1, { error: 'report.period' })
    .max(12, { error: 'report.period' })
    .optional()
    .meta({ description: '月报台账的报送月份（1–12）' }),
};

function requirePeriod(
  value: { kind: string; year?: number | undefined; month?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.kind !== 'monthly-reports') return;
  for (const field of ['year', 'month'] as const) {
    if (value[field] === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: [field] });
  }
}

/** GET /ledger/template.xlsx: which template. */
export const ledgerTemplateQuery = z.strictObject(kindFields).superRefine(requirePeriod);
/** Which template, as parsed. */
export type LedgerTemplateQuery = z.output<typeof ledgerTemplateQuery>;
/** Which template, as a client sends it. */
export type LedgerTemplateQueryJson = z.input<typeof ledgerTemplateQuery>;

/** A column letter of the sheet (A, AB). */
const columnLetter = z.string().regex(/^[A-Z]{1,3}$/, { error: 'ledger.mapping' });
/** A field the user maps a column to ('name', 'annualPlan.2021', 'completedYtd.2021-09'), or 'ignore'. */
const mappedField = z.string().regex(/^(ignore|[a-zA-Z]+(\.\d{4}(-\d{2})?)?)$/, { error: 'ledger.mapping' });

/** The user's corrections of the column mapping: column letter → field or 'ignore', sent as JSON text. */
export const ledgerColumnMapping = z.record(columnLetter, mappedField);
/** Column corrections. */
export type LedgerColumnMapping = z.output<typeof ledgerColumnMapping>;

const mappingParam = z
  .string()
  .max(4_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ledger.mapping' });
      return z.NEVER;
    }
  })
  .pipe(ledgerColumnMapping);

/** POST /ledger/import: preview or commit, now or as a job, and which ledger. */
export const ledgerImportQuery = z
  .strictObject({
    dryRun: flag('true').meta({ description: 'true：只预览不写入（默认）；false：全部写入或全部不写入' }),
    async: flag('false').meta({ description: 'true：作为后台任务执行，返回 202 与任务 id，轮询 /ledger/jobs/{id}' }),
    ...kindFields,
    region: z
      .string()
      .regex(/^\d{6}$/, { error: 'region.unknown' })
      .optional()
      .meta({ description: '项目台账：文件没有“所属区域”列时，整个文件的区域（6 位区划代码）' }),
    mapping: mappingParam.optional().meta({
      description:
        '项目台账：更正列的对应关系，JSON 文本，如 {"E":"annualPlan.2021","F":"completedYtd.2021-09","G":"ignore"}；项目台账的 year、month 为列名未写明年月时的数据所属年月',
    }),
  })
  .superRefine(requirePeriod);
/** How to import, as parsed. */
export type LedgerImportQuery = z.output<typeof ledgerImportQuery>;
/** How to import, as a client sends it. */
export type LedgerImportQueryJson = z.input<typeof ledgerImportQuery>;

/** GET /ledger/jobs/{id}: the job's id. */
export const ledgerJobParams = z.strictObject({ id: z.uuid() });
/** A job's id. */
export type LedgerJobParams = z.output<typeof ledgerJobParams>;

/** A problem of a row (or of the header row), at a column. */
export const ledgerRowIssue = z.object({
  row: z.number().int().meta({ description: 'Excel 行号' }),
  column: z.string().nullable().meta({ description: '列字母（如 F）', example: 'F' }),
  header: z.string().nullable().meta({ description: '文件中的列名' }),
  field: z.string().nullable(),
  message: z.string(),
});
/** A problem of a row at a column. */
export type LedgerRowIssue = z.output<typeof ledgerRowIssue>;

/** One field of a row: its value before (null for a new record) and after, as users read them (money in 万元). */
export const ledgerFieldChange = z.object({
  field: z.string(),
  header: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
/** One changed field. */
export type LedgerFieldChange = z.output<typeof ledgerFieldChange>;

/** What a data row does. */
export const LEDGER_ROW_ACTIONS = ['create', 'update', 'unchanged', 'skipped', 'invalid'] as const;
/** What a data row does. */
export type LedgerRowAction = (typeof LEDGER_ROW_ACTIONS)[number];

/** How a row without a project code found its project: an existing one by name, or a new one under an issued code. */
export const LEDGER_ROW_MATCHES = ['name', 'issued'] as const;
/** How a code-less row found its project. */
export type LedgerRowMatch = (typeof LEDGER_ROW_MATCHES)[number];

/** What a data row does: create, update, nothing, skipped or invalid. */
export const ledgerRowOutcome = z.object({
  row: z.number().int(),
  key: z.string().nullable().meta({ description: '行的键（项目代码）' }),
  action: z.enum(LEDGER_ROW_ACTIONS),
  id: z.number().int().optional().meta({ description: '已存在记录的 id（更新、未变）' }),
  reason: z.string().optional(),
  match: z.enum(LEDGER_ROW_MATCHES).optional().meta({
    description:
      '无项目代码的行如何对应项目：name 按项目名称对应到已有项目（键为其代码）；issued 无同名项目，新建并由导入签发代码',
  }),
  changes: z
    .array(ledgerFieldChange)
    .optional()
    .meta({ description: '逐字段的变更：新建时为各字段的值，更新时为修改前后' }),
});
/** What a data row does. */
export type LedgerRowOutcome = z.output<typeof ledgerRowOutcome>;

/** A column the import leaves alone, and why (already worded by the server). */
export const ledgerIgnoredColumn = z.object({
  column: z.string(),
  header: z.string(),
  reason: z.enum(['unknown', 'derived', 'ignored', 'duplicate']),
  message: z.string(),
});
/** A column the import leaves alone. */
export type LedgerIgnoredColumn = z.output<typeof ledgerIgnoredColumn>;

/** How many rows do what, and how many errors were found. */
export const ledgerImportSummary = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
  errors: z.number().int(),
});
/** The counts of an import. */
export type LedgerImportSummary = z.output<typeof ledgerImportSummary>;

/** The preview (dryRun) or the result of a commit: all rows written, or none. */
export const ledgerImportResult = z
  .object({
    kind: z.string(),
    dryRun: z.boolean(),
    committed: z.boolean().meta({ description: '是否已写入（全部写入或全部不写入）' }),
    sheet: z.string(),
    headerRow: z.number().int(),
    columns: z.array(
      z.object({
        column: z.string(),
        header: z.string().meta({ description: '文件中的列名（两行表头合并读出）' }),
        field: z.string().meta({ description: '对应字段，如 name、annualPlan.2021、completedYtd.2021-09' }),
        label: z.string().meta({ description: '字段名称' }),
        period: z.string().optional().meta({ description: '从列名读出的年度或年月，如 2021、2021-09' }),
        corrected: z.boolean().optional().meta({ description: '由用户更正的对应关系' }),
      }),
    ),
    ignoredColumns: z.array(ledgerIgnoredColumn),
    summary: ledgerImportSummary,
    rows: z.array(ledgerRowOutcome),
    errors: z.array(ledgerRowIssue),
    truncated: z.boolean().meta({ description: '行明细或错误过多时只列出前面部分（计数完整）' }),
    newOrganizations: z.array(z.string()).meta({ description: '文件中尚未登记、写入时将新建的单位' }),
    importId: z.string().optional().meta({ description: '写入成功时本次导入的 id（导入的月报数据记录来源）' }),
  })
  .meta({ id: 'LedgerImportResult' });
/** The preview or the result of a commit. */
export type LedgerImportResult = z.output<typeof ledgerImportResult>;

/** The phases of an import, as a job reports them. */
export const LEDGER_JOB_PHASES = ['reading', 'validating', 'writing', 'done'] as const;
/** A phase of an import. */
export type LedgerJobPhase = (typeof LEDGER_JOB_PHASES)[number];

/** An import running in the background, as polled. */
export const ledgerImportJob = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    phase: z.enum(LEDGER_JOB_PHASES),
    processed: z.number().int(),
    total: z.number().int(),
    result: ledgerImportResult.optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'LedgerImportJob' });
/** An import job as polled. */
export type LedgerImportJob = z.output<typeof ledgerImportJob>;

/** A commit refused because rows are invalid (400 'ledger.invalid'): the API's error body plus the preview. */
export const ledgerImportRejected = errorBody.extend({ result: ledgerImportResult.optional() });
/** A refused commit with its preview. */
export type LedgerImportRejected = z.output<typeof ledgerImportRejected>;
