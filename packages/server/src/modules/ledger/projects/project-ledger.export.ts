/**
 * The 'projects' export: the project list the user sees (same filters, sort and scope) as a project ledger
 * with the template's columns, so the file can be edited and imported back; money in 万元 with a 亿元 total
 * beside it, and the plan year's planned investment. Each row starts from the project presenter (toProjectOutput),
 * as the API shows the project.
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
  formatYi,
  parseWan,
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

/** A project's value in a ledger column, from the presenter's output (zh labels; money as exact 万元 text). */
function valueOf(key: ProjectLedgerKey, row: ExportRow, planYear: number | null): XlsxValue {
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
      return row.constructionContent;
    case 'address':
      return row.address;
    case 'longitude':
      return row.longitude;
    case 'latitude':
      return row.latitude;
    case 'totalInvestment':
      return row.totalInvestment;
    case 'totalInvestmentYi':
      // Ten decimals of 亿元 are exactly one fen: the cell holds the exact amount, the format shows two.
      return formatYi(parseWan(row.totalInvestment) ?? 0n, 10);
    case 'annualPlan':
      return row.annualPlans.find((plan) => plan.year === planYear)?.plannedInvestment ?? null;
    case 'plannedStartDate':
      return row.plannedStartDate;
    case 'plannedCompletionDate':
      return row.plannedCompletionDate;
    case 'plannedProductionDate':
      return row.plannedProductionDate;
    case 'actualStartDate':
      return row.actualStartDate;
    case 'actualCompletionDate':
      return row.actualCompletionDate;
    case 'actualProductionDate':
      return row.actualProductionDate;
    case 'stage':
      return row.stageName ?? row.stage;
    case 'financingModel':
      return row.financingModel ? FINANCING_MODEL_LABELS[row.financingModel].zh : null;
    case 'serviceOfficer':
      return row.serviceOfficerName;
    case 'responsibleLeader':
      return row.responsibleLeader;
    case 'responsibleUnit':
      return row.responsibleUnit;
    // Office-only columns: a report's figures, never in the project export.
    case 'completedYtd':
    case 'progressText':
      return null;
    case 'contactPerson':
      return row.contactPerson;
    case 'contactPhone':
      return row.contactPhone;
    case 'tags':
      return row.tags.join('、');
    case 'inStatistics':
      return row.inStatistics ? '是' : '否';
    case 'inStatisticsSince':
      return row.inStatisticsSince;
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
        yield batch.map((row) => columns.map(({ key }) => valueOf(key, row, planYear)));
      }
    }
    return { name: PROJECT_LEDGER_SHEET, columns: columns.map(({ column }) => column), rows: rows() };
  },
};
