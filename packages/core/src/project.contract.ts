/**
 * The project's API contract, shared by the server (validation, OpenAPI) and the web (forms, labels).
 * Money travels as decimal strings in 万元; dates as YYYY-MM-DD; codes from codelists.ts.
 */
import { z } from 'zod';
import {
  FINANCING_MODELS,
  FUNDING_SOURCE_KINDS,
  INDUSTRY_SECTIONS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_NATURES,
  type Label,
} from './codelists.ts';
import { idSchema } from './id.ts';
import { isStorableFen, parseWan, type Fen } from './money.ts';
import { hasProjectCodeShape } from './project-code.ts';

const text = (max: number) => z.string({ error: 'required' }).trim().max(max, { error: 'text.tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'text.empty' });
const optionalText = (max: number) => text(max).nullish();

/**
 * A 万元 amount given as a decimal string or number (JSON), or as fen already parsed (a bigint, from an Excel cell),
 * checked and output as `Fen`; negatives only when allowed.
 */
export function moneyWanSchema(options: { allowNegative?: boolean } = {}) {
  return z
    .union([z.string(), z.number(), z.bigint()], { error: 'money.invalid' })
    .transform((value, ctx): Fen => {
      const fen = typeof value === 'bigint' ? value : parseWan(value);
      if (fen === null) {
        ctx.addIssue({ code: 'custom', message: 'money.invalid' });
        return z.NEVER;
      }
      if (fen < 0n && !options.allowNegative) {
        ctx.addIssue({ code: 'custom', message: 'money.negative' });
        return z.NEVER;
      }
      if (!isStorableFen(fen)) {
        ctx.addIssue({ code: 'custom', message: 'money.tooLarge' });
        return z.NEVER;
      }
      return fen;
    })
    .meta({ description: '金额（万元）：十进制字符串或数字，最多六位小数', example: '12500.00' });
}

/** A non-negative 万元 amount (`Fen` after parsing). */
export const moneyWan = moneyWanSchema();

export const isoDate = z
  .string({ error: 'date.invalid' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'date.invalid' })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      error: 'date.invalid',
    },
  );

/**
 * The date figures are computed as of (statistics, bulletins). They are compared with the same day a year
 * earlier, so the year before must be a date too: years before 1001 made that comparison a server error.
 */
export const asOfDate = isoDate.refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
  error: 'date.outOfRange',
});

export const regionCode = z.string({ error: 'required' }).regex(/^\d{6}$/, { error: 'region.unknown' });
export const projectCode = z
  .string({ error: 'required' })
  .trim()
  .refine(hasProjectCodeShape, { error: 'projectCode.malformed' })
  .meta({ example: '2103-230602-04-01-123456' });

export const fundingSourceInput = z.object({
  kind: z.enum(FUNDING_SOURCE_KINDS),
  applied: moneyWan.prefault('0'),
  approved: moneyWan.prefault('0'),
  issued: moneyWan.prefault('0'),
});

export const annualPlanInput = z.object({
  year: z.number().int().min(2000).max(2100),
  plannedInvestment: moneyWan,
  nature: z.enum(PROJECT_NATURES),
  plannedNewStart: z.boolean().default(false),
});

/** Every editable field of a project. Create requires those without a default; update takes any subset. */
const projectFields = {
  code: projectCode,
  name: requiredText(200),
  ownerOrgId: idSchema,
  regionCode,
  levels: z.array(z.enum(PROJECT_LEVELS)).min(1, { error: 'required' }).max(3),
  category: z.enum(PROJECT_CATEGORIES),
  industry: z.enum(INDUSTRY_SECTIONS).nullish(),
  nature: z.enum(PROJECT_NATURES),
  constructionContent: optionalText(2000),
  address: optionalText(200),
  longitude: z.number().min(73).max(136).nullish(),
  latitude: z.number().min(3).max(54).nullish(),
  totalInvestment: moneyWan,
  plannedStartDate: isoDate.nullish(),
  plannedCompletionDate: isoDate.nullish(),
  plannedProductionDate: isoDate.nullish(),
  actualStartDate: isoDate.nullish(),
  actualCompletionDate: isoDate.nullish(),
  actualProductionDate: isoDate.nullish(),
  stage: z.string().trim().min(1).max(40).default('preparation'),
  financingModel: z.enum(FINANCING_MODELS).nullish(),
  serviceOfficerId: idSchema.nullish(),
  responsibleLeader: optionalText(50),
  responsibleUnit: optionalText(100),
  contactPerson: optionalText(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/, { error: 'text.tooLong' })
    .nullish(),
  tags: z.array(requiredText(20)).max(20).default([]),
  inStatistics: z.boolean().default(false),
  inStatisticsSince: isoDate.nullish(),
  fundingSources: z.array(fundingSourceInput).max(20).default([]),
  annualPlans: z.array(annualPlanInput).max(30).default([]),
};

function checkCrossFields(
  value: {
    longitude?: number | null;
    latitude?: number | null;
    plannedStartDate?: string | null;
    plannedCompletionDate?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  const hasLon = value.longitude !== undefined && value.longitude !== null;
  const hasLat = value.latitude !== undefined && value.latitude !== null;
  if (hasLon !== hasLat)
    ctx.addIssue({ code: 'custom', message: 'coordinates.pair', path: [hasLon ? 'latitude' : 'longitude'] });
  if (value.plannedStartDate && value.plannedCompletionDate && value.plannedCompletionDate < value.plannedStartDate) {
    ctx.addIssue({ code: 'custom', message: 'dates.order', path: ['plannedCompletionDate'] });
  }
}

export const projectCreateInput = z.strictObject(projectFields).superRefine(checkCrossFields);
export type ProjectCreateInput = z.output<typeof projectCreateInput>;
/** A new project as a client sends it (money as 万元 strings or numbers, defaults not yet applied). */
export type ProjectCreateInputJson = z.input<typeof projectCreateInput>;

/** An update names only the fields it changes; defaults do not apply, so an absent field is left alone. */
export const projectUpdateInput = z
  .strictObject({
    ...projectFields,
    stage: projectFields.stage.unwrap(),
    tags: projectFields.tags.unwrap(),
    inStatistics: projectFields.inStatistics.unwrap(),
    fundingSources: projectFields.fundingSources.unwrap(),
    annualPlans: projectFields.annualPlans.unwrap(),
  })
  .partial()
  .superRefine(checkCrossFields);
export type ProjectUpdateInput = z.output<typeof projectUpdateInput>;
/** A project change as a client sends it. */
export type ProjectUpdateInputJson = z.input<typeof projectUpdateInput>;

/** A project's planned and actual start, completion and production dates, in the order forms and ledgers show them. */
export const PROJECT_SCHEDULE_FIELDS = [
  'plannedStartDate',
  'plannedCompletionDate',
  'plannedProductionDate',
  'actualStartDate',
  'actualCompletionDate',
  'actualProductionDate',
] as const;

export const PROJECT_SORT_FIELDS = [
  'code',
  'name',
  'regionCode',
  'totalInvestment',
  'annualPlan',
  'plannedStartDate',
  'createdAt',
  'updatedAt',
] as const;
export type ProjectSortField = (typeof PROJECT_SORT_FIELDS)[number];

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const projectListQuery = z
  .strictObject({
    page: queryInt(1, 1_000_000).default(1),
    pageSize: queryInt(1, 200).default(20),
    sort: z.enum(PROJECT_SORT_FIELDS, { error: 'sort.unknown' }).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
    regionCode: regionCode.optional(),
    level: z.enum(PROJECT_LEVELS).optional(),
    category: z.enum(PROJECT_CATEGORIES).optional(),
    nature: z.enum(PROJECT_NATURES).optional(),
    industry: z.enum(INDUSTRY_SECTIONS).optional(),
    stage: z.string().trim().max(40, { error: 'text.tooLong' }).optional(),
    tag: z.string().trim().max(20, { error: 'text.tooLong' }).optional(),
    minInvestment: moneyWan.optional(),
    maxInvestment: moneyWan.optional(),
    planYear: queryInt(2000, 2100).optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.minInvestment !== undefined &&
      value.maxInvestment !== undefined &&
      value.minInvestment > value.maxInvestment
    ) {
      ctx.addIssue({ code: 'custom', message: 'range.order', path: ['maxInvestment'] });
    }
  });
export type ProjectListQuery = z.output<typeof projectListQuery>;
/** The list's query as a client sends it (before coercion and defaults). */
export type ProjectListQueryJson = z.input<typeof projectListQuery>;

const moneyOut = z.string().meta({ description: '金额（万元）', example: '12500.00' });
const nullableDate = z.string().nullable();

export const projectOutput = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  ownerOrgId: z.number().int(),
  ownerName: z.string(),
  ownerCreditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  levels: z.array(z.enum(PROJECT_LEVELS)),
  category: z.enum(PROJECT_CATEGORIES),
  industry: z.enum(INDUSTRY_SECTIONS).nullable(),
  nature: z.enum(PROJECT_NATURES),
  constructionContent: z.string().nullable(),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  totalInvestment: moneyOut,
  plannedStartDate: nullableDate,
  plannedCompletionDate: nullableDate,
  plannedProductionDate: nullableDate,
  actualStartDate: nullableDate,
  actualCompletionDate: nullableDate,
  actualProductionDate: nullableDate,
  stage: z.string(),
  financingModel: z.enum(FINANCING_MODELS).nullable(),
  serviceOfficerId: z.number().int().nullable(),
  serviceOfficerName: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  tags: z.array(z.string()),
  inStatistics: z.boolean(),
  inStatisticsSince: nullableDate,
  fundingSources: z.array(
    z.object({ kind: z.enum(FUNDING_SOURCE_KINDS), applied: moneyOut, approved: moneyOut, issued: moneyOut }),
  ),
  annualPlans: z.array(
    z.object({
      year: z.number().int(),
      plannedInvestment: moneyOut,
      nature: z.enum(PROJECT_NATURES),
      plannedNewStart: z.boolean(),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectOutput = z.output<typeof projectOutput>;

export const projectListItem = projectOutput
  .pick({
    id: true,
    code: true,
    name: true,
    ownerName: true,
    regionCode: true,
    regionName: true,
    levels: true,
    category: true,
    industry: true,
    nature: true,
    totalInvestment: true,
    plannedStartDate: true,
    plannedCompletionDate: true,
    actualStartDate: true,
    stage: true,
    tags: true,
    inStatistics: true,
    version: true,
    updatedAt: true,
  })
  .extend({ annualPlan: moneyOut.nullable().meta({ description: '所选年度计划投资（万元）' }) });
export type ProjectListItem = z.output<typeof projectListItem>;

export const projectListOutput = z.object({
  items: z.array(projectListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  planYear: z.number().int().nullable(),
});
export type ProjectListOutput = z.output<typeof projectListOutput>;

/** Field labels for messages and forms. */
export const PROJECT_FIELD_LABELS: Record<
  | keyof typeof projectFields
  | 'page'
  | 'pageSize'
  | 'sort'
  | 'order'
  | 'q'
  | 'minInvestment'
  | 'maxInvestment'
  | 'level'
  | 'planYear'
  | 'tag',
  Label
> = {
  code: { zh: '投资项目统一代码', en: 'Project code' },
  name: { zh: '项目名称', en: 'Name' },
  ownerOrgId: { zh: '项目单位', en: 'Owner' },
  regionCode: { zh: '所属区域', en: 'Region' },
  levels: { zh: '项目级别', en: 'Levels' },
  level: { zh: '项目级别', en: 'Level' },
  category: { zh: '项目类别', en: 'Category' },
  industry: { zh: '所属行业', en: 'Industry' },
  nature: { zh: '建设性质', en: 'Nature' },
  constructionContent: { zh: '建设内容', en: 'Construction content' },
  address: { zh: '建设地点', en: 'Address' },
  longitude: { zh: '经度', en: 'Longitude' },
  latitude: { zh: '纬度', en: 'Latitude' },
  totalInvestment: { zh: '总投资（万元）', en: 'Total investment (10k yuan)' },
  plannedStartDate: { zh: '计划开工日期', en: 'Planned start' },
  plannedCompletionDate: { zh: '计划竣工日期', en: 'Planned completion' },
  plannedProductionDate: { zh: '计划投产日期', en: 'Planned production' },
  actualStartDate: { zh: '实际开工日期', en: 'Actual start' },
  actualCompletionDate: { zh: '实际竣工日期', en: 'Actual completion' },
  actualProductionDate: { zh: '实际投产日期', en: 'Actual production' },
  stage: { zh: '建设阶段', en: 'Stage' },
  financingModel: { zh: '融资模式', en: 'Financing model' },
  serviceOfficerId: { zh: '首席服务员', en: 'Service officer' },
  responsibleLeader: { zh: '包联领导', en: 'Responsible leader' },
  responsibleUnit: { zh: '责任单位', en: 'Responsible unit' },
  contactPerson: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  tags: { zh: '标签', en: 'Tags' },
  inStatistics: { zh: '是否入统', en: 'In statistics' },
  inStatisticsSince: { zh: '入统时间', en: 'In statistics since' },
  fundingSources: { zh: '资金来源', en: 'Funding sources' },
  annualPlans: { zh: '年度计划', en: 'Annual plans' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  sort: { zh: '排序字段', en: 'Sort field' },
  order: { zh: '排序方向', en: 'Sort order' },
  q: { zh: '关键词', en: 'Search text' },
  minInvestment: { zh: '最小总投资', en: 'Minimum investment' },
  maxInvestment: { zh: '最大总投资', en: 'Maximum investment' },
  planYear: { zh: '计划年度', en: 'Plan year' },
  tag: { zh: '标签', en: 'Tag' },
};
