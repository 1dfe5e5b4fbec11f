/**
 * The project form's values and their conversion to and from the API: dates as dayjs, money as typed text,
 * empty text as null. Also the diff that makes a PATCH carry only the changed fields.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatWan, parseWan, type ProjectCreateInputJson, type ProjectOutput } from '@keyprojects/core';

export interface AnnualPlanValues {
  year?: number | null;
  plannedInvestment?: string;
  nature?: string;
  plannedNewStart?: boolean;
}

export interface FundingSourceValues {
  kind?: string;
  applied?: string;
  approved?: string;
  issued?: string;
}

export interface ProjectFormValues {
  code?: string;
  name?: string;
  ownerOrgId?: number;
  regionCode?: string;
  levels?: string[];
  category?: string;
  industry?: string | null;
  nature?: string;
  constructionContent?: string | null;
  address?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  totalInvestment?: string;
  plannedStartDate?: Dayjs | null;
  plannedCompletionDate?: Dayjs | null;
  plannedProductionDate?: Dayjs | null;
  actualStartDate?: Dayjs | null;
  actualCompletionDate?: Dayjs | null;
  actualProductionDate?: Dayjs | null;
  stage?: string;
  financingModel?: string | null;
  serviceOfficerId?: number | null;
  responsibleLeader?: string | null;
  responsibleUnit?: string | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
  tags?: string[];
  inStatistics?: boolean;
  inStatisticsSince?: Dayjs | null;
  annualPlans?: AnnualPlanValues[];
  fundingSources?: FundingSourceValues[];
}

/** The request body before validation: the contract's input keys with whatever the user typed. */
export type ProjectPayload = Record<keyof ProjectCreateInputJson, unknown>;

const date = (value: string | null): Dayjs | null => (value ? dayjs(value) : null);
const dateText = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);
const textOrNull = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);
/** Normalises a typed amount so that "12500" and "12500.00" compare equal; leaves bad input for the validator. */
const money = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  if (!text) return undefined;
  const fen = parseWan(text);
  return fen === null ? text : formatWan(fen);
};

/** Form values for a new project. */
export function emptyFormValues(regionCode: string | undefined): ProjectFormValues {
  return {
    regionCode,
    levels: [],
    nature: 'new',
    stage: 'preparation',
    tags: [],
    inStatistics: false,
    annualPlans: [],
    fundingSources: [],
  };
}

/** Form values showing an existing project. */
export function toFormValues(project: ProjectOutput): ProjectFormValues {
  return {
    code: project.code,
    name: project.name,
    ownerOrgId: project.ownerOrgId,
    regionCode: project.regionCode,
    levels: [...project.levels],
    category: project.category,
    industry: project.industry,
    nature: project.nature,
    constructionContent: project.constructionContent,
    address: project.address,
    longitude: project.longitude,
    latitude: project.latitude,
    totalInvestment: project.totalInvestment,
    plannedStartDate: date(project.plannedStartDate),
    plannedCompletionDate: date(project.plannedCompletionDate),
    plannedProductionDate: date(project.plannedProductionDate),
    actualStartDate: date(project.actualStartDate),
    actualCompletionDate: date(project.actualCompletionDate),
    actualProductionDate: date(project.actualProductionDate),
    stage: project.stage,
    financingModel: project.financingModel,
    serviceOfficerId: project.serviceOfficerId,
    responsibleLeader: project.responsibleLeader,
    responsibleUnit: project.responsibleUnit,
    contactPerson: project.contactPerson,
    contactPhone: project.contactPhone,
    tags: [...project.tags],
    inStatistics: project.inStatistics,
    inStatisticsSince: date(project.inStatisticsSince),
    annualPlans: project.annualPlans.map((plan) => ({ ...plan })),
    fundingSources: project.fundingSources.map((source) => ({ ...source })),
  };
}

/** The request body for the form's values (validated afterwards by the core contract). */
export function toPayload(values: ProjectFormValues): ProjectPayload {
  return {
    code: values.code?.trim(),
    name: values.name?.trim(),
    ownerOrgId: values.ownerOrgId,
    regionCode: values.regionCode,
    levels: values.levels ?? [],
    category: values.category,
    industry: values.industry ?? null,
    nature: values.nature,
    constructionContent: textOrNull(values.constructionContent),
    address: textOrNull(values.address),
    longitude: values.longitude ?? null,
    latitude: values.latitude ?? null,
    totalInvestment: money(values.totalInvestment),
    plannedStartDate: dateText(values.plannedStartDate),
    plannedCompletionDate: dateText(values.plannedCompletionDate),
    plannedProductionDate: dateText(values.plannedProductionDate),
    actualStartDate: dateText(values.actualStartDate),
    actualCompletionDate: dateText(values.actualCompletionDate),
    actualProductionDate: dateText(values.actualProductionDate),
    stage: values.stage,
    financingModel: values.financingModel ?? null,
    serviceOfficerId: values.serviceOfficerId ?? null,
    responsibleLeader: textOrNull(values.responsibleLeader),
    responsibleUnit: textOrNull(values.responsibleUnit),
    contactPerson: textOrNull(values.contactPerson),
    contactPhone: textOrNull(values.contactPhone),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    inStatistics: values.inStatistics ?? false,
    inStatisticsSince: dateText(values.inStatisticsSince),
    annualPlans: (values.annualPlans ?? []).map((plan) => ({
      year: plan.year ?? undefined,
      plannedInvestment: money(plan.plannedInvestment),
      nature: plan.nature,
      plannedNewStart: plan.plannedNewStart ?? false,
    })),
    fundingSources: (values.fundingSources ?? []).map((source) => ({
      kind: source.kind,
      applied: money(source.applied) ?? '0',
      approved: money(source.approved) ?? '0',
      issued: money(source.issued) ?? '0',
    })),
  };
}

/** The fields of `next` that differ from `previous` (the PATCH body). */
export function changedFields(previous: ProjectPayload, next: ProjectPayload): Partial<ProjectPayload> {
  const changes: Partial<ProjectPayload> = {};
  for (const key of Object.keys(next) as (keyof ProjectPayload)[]) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes;
}

/** The form field name for an API error path: `annualPlans.0.plannedInvestment` → ['annualPlans', 0, 'plannedInvestment']. */
export function fieldNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
