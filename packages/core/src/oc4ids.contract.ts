/**
 * The part of OC4IDS 0.9 (Open Contracting for Infrastructure Data Standard) that KeyProjects writes and
 * reads, as zod schemas: the package the export answers with (its OpenAPI document too), the subset of an
 * incoming package the import maps, and the import's answer. The full check of an incoming package is the
 * server's (ajv over the official JSON Schema); these schemas only type the fields we use.
 */
import { z } from 'zod';
import { projectListQuery } from './project.contract.ts';

/** The OC4IDS schema version our packages declare (major.minor, as the package schema asks). */
export const OC4IDS_VERSION = '0.9';

/** The projectStatus codelist (closed). */
export const OC4IDS_PROJECT_STATUSES = [
  'identification',
  'preparation',
  'implementation',
  'completion',
  'maintenance',
  'decommissioning',
  'decommissioned',
  'cancelled',
] as const;
/** A projectStatus code. */
export type Oc4idsProjectStatus = (typeof OC4IDS_PROJECT_STATUSES)[number];

const dateTime = z.string().meta({ description: 'ISO 8601 日期时间', example: '2021-04-01T00:00:00+08:00' });

const period = z.object({
  startDate: dateTime.optional(),
  endDate: dateTime.optional(),
  durationInDays: z.number().int().optional(),
});
/** An OC4IDS period (dates as date-times). */
export type Oc4idsPeriod = z.output<typeof period>;

const value = z.object({
  amount: z.number().meta({ description: '金额（元，最多两位小数）' }),
  currency: z.string().optional().meta({ example: 'CNY' }),
});
/** An amount with its currency. */
export type Oc4idsValue = z.output<typeof value>;

const identifier = z.object({ scheme: z.string(), id: z.string(), legalName: z.string().optional() });

const organization = z.object({
  id: z.string(),
  name: z.string(),
  identifier: identifier.optional(),
  roles: z.array(z.string()),
});
/** A party as the export writes it. */
export type Oc4idsOrganization = z.output<typeof organization>;

const location = z.object({
  id: z.string(),
  geometry: z
    .object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number(), z.number()]).meta({ description: '[经度, 纬度]（WGS 84）' }),
    })
    .optional(),
  address: z
    .object({ streetAddress: z.string().optional(), region: z.string(), countryName: z.string().optional() })
    .optional(),
});
/** A project location as the export writes it. */
export type Oc4idsLocation = z.output<typeof location>;

const observation = z.object({
  id: z.string(),
  period: period.optional(),
  value: value.optional(),
  measure: z.string().optional(),
  unit: z.object({ name: z.string(), scheme: z.string(), id: z.string() }).optional(),
  notes: z.string().optional(),
});

const metric = z.object({
  id: z.enum(['financialProgress', 'physicalProgress']),
  title: z.string(),
  observations: z.array(observation),
});
/** A progress metric with its observations. */
export type Oc4idsMetric = z.output<typeof metric>;

/** The milestoneType codelist (open; these are its codes). */
export const OC4IDS_MILESTONE_TYPES = [
  'preProcurement',
  'approval',
  'engagement',
  'assessment',
  'delivery',
  'reporting',
  'financing',
  'payment',
  'procurement',
  'contractClose',
] as const;
/** A milestoneType code. */
export type Oc4idsMilestoneType = (typeof OC4IDS_MILESTONE_TYPES)[number];
/** The milestoneStatus codelist (closed). */
export const OC4IDS_MILESTONE_STATUSES = ['scheduled', 'met', 'notMet', 'partiallyMet'] as const;

const milestone = z.object({
  id: z.string().meta({ description: '计划节点的键，或 lifecycle-<转换 id>' }),
  title: z.string().optional(),
  type: z.enum(OC4IDS_MILESTONE_TYPES).optional(),
  code: z.string().optional().meta({ description: 'milestoneCode，如 commencement、completion' }),
  description: z.string().optional(),
  dueDate: dateTime.optional(),
  dateMet: dateTime.optional(),
  dateModified: dateTime.optional().meta({ description: '判定状态所依据的日期（系统业务日期）' }),
  status: z.enum(OC4IDS_MILESTONE_STATUSES).optional(),
});
/** A milestone as the export writes it. */
export type Oc4idsMilestone = z.output<typeof milestone>;

/** One project as the export writes it (a subset of project-schema.json). */
export const oc4idsProject = z.object({
  id: z.string(),
  identifiers: z.array(z.object({ id: z.string(), scheme: z.string().optional() })).optional(),
  updated: dateTime,
  language: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  status: z.enum(OC4IDS_PROJECT_STATUSES).optional(),
  sector: z.array(z.string()).optional(),
  additionalClassifications: z
    .array(z.object({ scheme: z.string(), id: z.string(), description: z.string() }))
    .optional(),
  period: period.optional(),
  implementationPeriod: period.optional(),
  assetLifetime: period.optional(),
  budget: z.object({ amount: value }).optional(),
  locations: z.array(location).optional(),
  parties: z.array(organization).optional(),
  publicAuthority: z.object({ id: z.string(), name: z.string() }).optional(),
  metrics: z.array(metric).optional(),
  milestones: z.array(milestone).optional(),
});
/** One exported project. */
export type Oc4idsProject = z.output<typeof oc4idsProject>;

/** The project package the export answers with (project-package-schema.json). */
export const oc4idsPackage = z
  .object({
    uri: z.string(),
    publishedDate: dateTime,
    publisher: z.object({ name: z.string(), scheme: z.string().optional(), uid: z.string().optional() }),
    version: z.string(),
    projects: z.array(oc4idsProject),
  })
  .meta({
    id: 'Oc4idsProjectPackage',
    description:
      'OC4IDS 0.9 项目数据包（https://standard.open-contracting.org/infrastructure/latest/en/reference/package/）',
  });
/** The exported package. */
export type Oc4idsPackage = z.output<typeof oc4idsPackage>;

const listFilters = projectListQuery.shape;

/** The export's filters: those of the project list, without paging or sorting (the export takes every match). */
export const oc4idsExportQuery = z
  .strictObject({
    q: listFilters.q,
    regionCode: listFilters.regionCode,
    level: listFilters.level,
    category: listFilters.category,
    nature: listFilters.nature,
    industry: listFilters.industry,
    stage: listFilters.stage,
    tag: listFilters.tag,
    minInvestment: listFilters.minInvestment,
    maxInvestment: listFilters.maxInvestment,
    planYear: listFilters.planYear,
  })
  .superRefine((query, ctx) => {
    if (
      query.minInvestment !== undefined &&
      query.maxInvestment !== undefined &&
      query.minInvestment > query.maxInvestment
    ) {
      ctx.addIssue({ code: 'custom', message: 'range.order', path: ['maxInvestment'] });
    }
  });
/** The export's filters after parsing. */
export type Oc4idsExportQuery = z.output<typeof oc4idsExportQuery>;
/** The export's filters as a client sends them. */
export type Oc4idsExportQueryJson = z.input<typeof oc4idsExportQuery>;

const text = z.string();
const importPeriod = z.looseObject({ startDate: text.optional(), endDate: text.optional() });
const importAddress = z.looseObject({
  streetAddress: text.optional(),
  locality: text.optional(),
  region: text.optional(),
  postalCode: text.optional(),
  countryName: text.optional(),
});

/** The fields of an incoming milestone the import maps (dates as published; the import checks them). */
export const oc4idsImportMilestone = z.looseObject({
  id: text,
  title: text.optional(),
  type: text.optional(),
  dueDate: text.optional(),
  dateMet: text.optional(),
  status: z.enum(OC4IDS_MILESTONE_STATUSES).optional(),
});
/** The mapped fields of one incoming milestone. */
export type Oc4idsImportMilestone = z.output<typeof oc4idsImportMilestone>;

/** The fields of an incoming OC4IDS project that the import maps; everything else is left in the file. */
export const oc4idsImportProject = z.looseObject({
  id: text,
  identifiers: z.array(z.looseObject({ id: text, scheme: text.optional() })).optional(),
  title: text.optional(),
  description: text.optional(),
  status: z.enum(OC4IDS_PROJECT_STATUSES).optional(),
  sector: z.array(text).optional(),
  period: importPeriod.optional(),
  assetLifetime: importPeriod.optional(),
  budget: z
    .looseObject({ amount: z.looseObject({ amount: z.number().optional(), currency: text.optional() }).optional() })
    .optional(),
  locations: z
    .array(
      z.looseObject({
        geometry: z.looseObject({ type: text.optional(), coordinates: z.array(z.unknown()).optional() }).optional(),
        address: importAddress.optional(),
      }),
    )
    .optional(),
  publicAuthority: z.looseObject({ id: text.optional(), name: text.optional() }).optional(),
  parties: z
    .array(z.looseObject({ id: text.optional(), name: text.optional(), roles: z.array(text).optional() }))
    .optional(),
  milestones: z.array(oc4idsImportMilestone).optional(),
});
/** The mapped fields of one incoming project. */
export type Oc4idsImportProject = z.output<typeof oc4idsImportProject>;

/**
 * The body of POST /oc4ids/import: any JSON object. The server checks it against the official JSON Schema (ajv),
 * which names every bad field; this schema only documents it.
 */
export const oc4idsImportBody = z.record(z.string(), z.unknown()).meta({
  title: 'OC4IDS project package',
  description:
    'OC4IDS 0.9 项目数据包（project-package-schema.json）。先按官方 JSON Schema 校验，错误逐字段返回（路径如 projects.0.budget.amount.amount）。',
});
/** The import's body as sent. */
export type Oc4idsImportBody = z.output<typeof oc4idsImportBody>;

/** The fields of an incoming package that the import uses. */
export const oc4idsImportPackage = z.looseObject({ uri: text, projects: z.array(oc4idsImportProject) });
/** The mapped fields of an incoming package. */
export type Oc4idsImportPackage = z.output<typeof oc4idsImportPackage>;

/** What happened to each incoming project. */
export const OC4IDS_IMPORT_RESULTS = ['created', 'updated', 'unchanged'] as const;

/** What an import did, project by project: the ids let an importer outside the sandbox find what it made. */
export const oc4idsImportResult = z.object({
  regionCode: z.string().meta({ description: '导入项目所在的沙箱区域' }),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  projects: z.array(
    z.object({
      oc4idsId: z.string(),
      projectId: z.number().int(),
      code: z.string(),
      result: z.enum(OC4IDS_IMPORT_RESULTS),
    }),
  ),
});
/** The import's answer. */
export type Oc4idsImportResult = z.output<typeof oc4idsImportResult>;
