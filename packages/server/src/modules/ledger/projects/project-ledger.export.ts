/**
 * The 'projects' export: the project list the user sees (same filters, sort and scope) as a project ledger
 * with the template's columns, so the file can be edited and imported back; money in 万元 with a 亿元 total
 * beside it, and the plan year's planned investment.
 */
import {
  ANNUAL_PLAN_COLUMN,
  FINANCING_MODEL_LABELS,
  INDUSTRY_SECTION_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEDGER_COLUMNS,
  PROJECT_LEDGER_SHEET,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  formatWan,
  formatYi,
  projectListQuery,
  type LedgerColumnDef,
  type ProjectLedgerKey,
  type ProjectListQuery,
} from '@keyprojects/core';
import type { XlsxColumn, XlsxColumnKind, XlsxValue } from '../../../io/xlsx.writer.ts';
import { latestPlanYear } from '../../project/project.repository.ts';
import type { ExportDefinition } from '../exports/export.definition.ts';
import { xlsxKindOf } from '../import/import.template.ts';
import { exportRows, type ExportRow } from './project-ledger.export.query.ts';

/** Total investment in 亿元 keeps its own format; every other column is written as its ledger kind. */
function kindOf(column: LedgerColumnDef<ProjectLedgerKey>): XlsxColumnKind {
  return column.key === 'totalInvestmentYi' ? 'moneyYi' : xlsxKindOf(column);
}

/** A row's value in a ledger column (zh labels; money as exact decimal strings). */
function valueOf(key: ProjectLedgerKey, row: ExportRow): XlsxValue {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'owner':
      return row.ownerName;
    case 'ownerCreditCode':
      return row.ownerCreditCode;
    case 'region':
      return row.regionName;
    case 'levels':
      return row.levels.map((level) => PROJECT_LEVEL_LABELS[level].zh).join('、');
    case 'category':
      return PROJECT_CATEGORY_LABELS[row.category].zh;
    case 'industry':
      return row.industry ? INDUSTRY_SECTION_LABELS[row.industry].zh : null;
    case 'nature':
      return PROJECT_NATURE_LABELS[row.nature].zh;
    case 'constructionContent':
      return row.construction_content;
    case 'address':
      return row.address;
    case 'longitude':
      return row.longitude;
    case 'latitude':
      return row.latitude;
    case 'totalInvestment':
      return formatWan(row.total_investment);
    case 'totalInvestmentYi':
      // Ten decimals of 亿元 are exactly one fen: the cell holds the exact amount, the format shows two.
      return formatYi(row.total_investment, 10);
    case 'annualPlan':
      return row.annualPlan === null ? null : formatWan(row.annualPlan);
    case 'plannedStartDate':
      return row.planned_start_date;
    case 'plannedCompletionDate':
      return row.planned_completion_date;
    case 'plannedProductionDate':
      return row.planned_production_date;
    case 'actualStartDate':
      return row.actual_start_date;
    case 'actualCompletionDate':
      return row.actual_completion_date;
    case 'actualProductionDate':
      return row.actual_production_date;
    case 'stage':
      return row.stageName ?? row.stage;
    case 'financingModel':
      return row.financing_model ? FINANCING_MODEL_LABELS[row.financing_model].zh : null;
    case 'serviceOfficer':
      return row.serviceOfficerName;
    case 'responsibleLeader':
      return row.responsible_leader;
    case 'contactPerson':
      return row.contact_person;
    case 'contactPhone':
      return row.contact_phone;
    case 'tags':
      return row.tags.join('、');
    case 'inStatistics':
      return row.in_statistics ? '是' : '否';
    case 'inStatisticsSince':
      return row.in_statistics_since;
  }
}

/** The export's columns: the ledger's, with the plan year's column after the 亿元 total. */
export function projectExportColumns(planYear: number | null): { key: ProjectLedgerKey; column: XlsxColumn }[] {
  const columns = PROJECT_LEDGER_COLUMNS.flatMap((definition) => {
    const entry = {
      key: definition.key,
      column: { header: definition.header.zh, width: definition.width, kind: kindOf(definition) },
    };
    if (definition.key !== 'totalInvestmentYi' || planYear === null) return [entry];
    const plan = {
      header: ANNUAL_PLAN_COLUMN.headerFor(planYear),
      width: ANNUAL_PLAN_COLUMN.width,
      kind: 'money' as const,
    };
    return [entry, { key: ANNUAL_PLAN_COLUMN.key, column: plan }];
  });
  return columns;
}

/** The 'projects' export definition. */
export const projectsExport: ExportDefinition<ProjectListQuery> = {
  name: 'projects',
  summary: '导出项目列表（项目台账 xlsx，可修改后再导入）',
  fileName: PROJECT_LEDGER_SHEET,
  permission: 'project.read',
  query: projectListQuery,
  async sheet(db, actor, query) {
    const planYear = query.planYear ?? (await latestPlanYear(db));
    const columns = projectExportColumns(planYear);
    async function* rows() {
      for await (const batch of exportRows(db, actor, query, planYear)) {
        yield batch.map((row) => columns.map(({ key }) => valueOf(key, row)));
      }
    }
    return { name: PROJECT_LEDGER_SHEET, columns: columns.map(({ column }) => column), rows: rows() };
  },
};
