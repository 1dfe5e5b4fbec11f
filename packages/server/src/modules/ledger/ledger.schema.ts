/** The import preview/result and job shapes, as zod schemas for the OpenAPI document and as types. */
import { z } from 'zod';

/** A problem of a row (or of the header row), at a column. */
export const rowIssue = z.object({
  row: z.number().int().meta({ description: 'Excel 行号' }),
  column: z.string().nullable().meta({ description: '列字母（如 F）', example: 'F' }),
  header: z.string().nullable().meta({ description: '文件中的列名' }),
  field: z.string().nullable(),
  message: z.string(),
});
/** A problem of a row at a column. */
export type RowIssue = z.infer<typeof rowIssue>;

/** One field of a row: its value before (null for a new record) and after. */
export const fieldChange = z.object({
  field: z.string(),
  header: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
/** One changed field. */
export type FieldChange = z.infer<typeof fieldChange>;

/** What a data row does: create, update, nothing, skipped or invalid. */
export const rowOutcome = z.object({
  row: z.number().int(),
  key: z.string().nullable().meta({ description: '行的键（项目代码）' }),
  action: z.enum(['create', 'update', 'unchanged', 'skipped', 'invalid']),
  id: z.number().int().optional().meta({ description: '已存在记录的 id（更新、未变）' }),
  reason: z.string().optional(),
  changes: z.array(fieldChange).optional().meta({ description: '逐字段的变更：新建时为各字段的值，更新时为修改前后' }),
});
/** What a data row does. */
export type RowOutcome = z.infer<typeof rowOutcome>;

/** A column the import leaves alone, and why. */
export const ignoredColumn = z.object({
  column: z.string(),
  header: z.string(),
  reason: z.enum(['unknown', 'derived', 'ignored', 'duplicate']),
  message: z.string(),
});
/** A column the import leaves alone. */
export type IgnoredColumn = z.infer<typeof ignoredColumn>;

/** The preview (dryRun) or the result of a commit. */
export const importResult = z
  .object({
    kind: z.string(),
    dryRun: z.boolean(),
    committed: z.boolean().meta({ description: '是否已写入（全部写入或全部不写入）' }),
    sheet: z.string(),
    headerRow: z.number().int(),
    columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string() })),
    ignoredColumns: z.array(ignoredColumn),
    summary: z.object({
      rows: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
      invalid: z.number().int(),
      errors: z.number().int(),
    }),
    rows: z.array(rowOutcome),
    errors: z.array(rowIssue),
    truncated: z.boolean().meta({ description: '行明细或错误过多时只列出前面部分（计数完整）' }),
  })
  .meta({ id: 'LedgerImportResult' });
/** The preview or the result of a commit. */
export type ImportResult = z.infer<typeof importResult>;

/** An import running in the background, as polled. */
export const importJob = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    phase: z.enum(['reading', 'validating', 'writing', 'done']),
    processed: z.number().int(),
    total: z.number().int(),
    result: importResult.optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'LedgerImportJob' });
/** An import job as polled. */
export type ImportJob = z.infer<typeof importJob>;
