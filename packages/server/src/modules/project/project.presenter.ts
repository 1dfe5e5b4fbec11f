/**
 * The one way a project becomes JSON: a detail row (with its side tables) to the contract's `projectOutput`,
 * a list row to `projectListItem`, and the audit snapshot (the output without its bookkeeping fields). The API,
 * the OC4IDS export, the bulk imports and the audit trail all start here; the ledger's SQL snapshot is pinned to
 * `projectSnapshot` by project-ledger.audit.test.ts.
 */
import type { Selectable } from 'kysely';
import { formatWan, type ProjectListItem, type ProjectOutput } from '@keyprojects/core';
import type { AnnualPlanTable, FundingSourceTable, ProjectTable } from '../../db/schema.ts';

/** A project row with the names it refers to, as the repository's `projectDetails` reads it. */
export type ProjectDetailRow = Selectable<ProjectTable> & {
  ownerName: string;
  ownerCreditCode: string | null;
  regionName: string;
  serviceOfficerName: string | null;
};
/** A funding source as the presenter needs it. */
export type FundingRow = Pick<Selectable<FundingSourceTable>, 'kind' | 'applied' | 'approved' | 'issued'>;
/** An annual plan as the presenter needs it. */
export type PlanRow = Pick<Selectable<AnnualPlanTable>, 'year' | 'planned_investment' | 'nature' | 'planned_new_start'>;

/** A project as the API shows it, from its detail row, funding sources (by kind) and plans (by year). */
export function toProjectOutput(
  row: ProjectDetailRow,
  funding: readonly FundingRow[],
  plans: readonly PlanRow[],
): ProjectOutput {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    ownerOrgId: row.owner_org_id,
    ownerName: row.ownerName,
    ownerCreditCode: row.ownerCreditCode,
    regionCode: row.region_code,
    regionName: row.regionName,
    levels: row.levels,
    category: row.category,
    industry: row.industry,
    nature: row.nature,
    constructionContent: row.construction_content,
    address: row.address,
    longitude: row.longitude === null ? null : Number(row.longitude),
    latitude: row.latitude === null ? null : Number(row.latitude),
    totalInvestment: formatWan(row.total_investment),
    plannedStartDate: row.planned_start_date,
    plannedCompletionDate: row.planned_completion_date,
    plannedProductionDate: row.planned_production_date,
    actualStartDate: row.actual_start_date,
    actualCompletionDate: row.actual_completion_date,
    actualProductionDate: row.actual_production_date,
    stage: row.stage,
    financingModel: row.financing_model,
    serviceOfficerId: row.service_officer_id,
    serviceOfficerName: row.serviceOfficerName,
    responsibleLeader: row.responsible_leader,
    responsibleUnit: row.responsible_unit,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    tags: row.tags,
    inStatistics: row.in_statistics,
    inStatisticsSince: row.in_statistics_since,
    fundingSources: funding.map((f) => ({
      kind: f.kind as ProjectOutput['fundingSources'][number]['kind'],
      applied: formatWan(f.applied),
      approved: formatWan(f.approved),
      issued: formatWan(f.issued),
    })),
    annualPlans: plans.map((p) => ({
      year: p.year,
      plannedInvestment: formatWan(p.planned_investment),
      nature: p.nature,
      plannedNewStart: p.planned_new_start,
    })),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The same function under the presenter's usual name. */
export const presentProject = toProjectOutput;

/** A row of the project list as the repository's `listProjects` selects it (amounts in fen). */
export type ProjectListRow = Omit<ProjectListItem, 'totalInvestment' | 'annualPlan' | 'updatedAt'> & {
  totalInvestment: bigint;
  annualPlan: bigint | null;
  updatedAt: Date;
};

/** A row of the project list as the API shows it. */
export function toProjectListItem(row: ProjectListRow): ProjectListItem {
  return {
    ...row,
    totalInvestment: formatWan(row.totalInvestment),
    annualPlan: row.annualPlan === null ? null : formatWan(row.annualPlan),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a project: every field but the bookkeeping ones (bulk imports audit the same). */
export function projectSnapshot(project: ProjectOutput): Omit<ProjectOutput, 'version' | 'createdAt' | 'updatedAt'> {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = project;
  return rest;
}
