/**
 * The financing list's exports (GET /api/v1/exports/{name}.xlsx): the needs (DRC), a published edition (also the
 * institutions) and the matches (an institution its own), each from the list's own service and presenter.
 */
import {
  FINANCING_INSTRUMENT_LABELS,
  financingEditionExportQuery,
  financingListExportQuery,
  MATCH_STATE_LABELS,
  type FinancingEditionExportQuery,
  type FinancingEditionItem,
  type FinancingListExportQuery,
  type FinancingMatch,
  type FinancingNeed,
} from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import { errors } from '../../errors.ts';
import { sheetOfItems, type ExportColumns, type ExportDefinition } from '../ledger/exports/export.definition.ts';
import { appToday } from '../funding/funding.repository.ts';
import { editionDetail, listEditions, listMatches, listNeeds } from './financing.service.ts';

// What a published need shows; the declared needs' sheet adds the project's code, the date and what was signed.
const NEED_COLUMNS: ExportColumns<Omit<FinancingEditionItem, 'needId'>> = [
  { column: { header: '项目名称', width: 40, kind: 'text' }, value: (i) => i.projectName },
  { column: { header: '所在地区', width: 14, kind: 'text' }, value: (i) => i.regionName },
  { column: { header: '融资金额（万元）', width: 16, kind: 'money' }, value: (i) => i.amount },
  {
    column: { header: '融资方式', width: 12, kind: 'text' },
    value: (i) => FINANCING_INSTRUMENT_LABELS[i.instrument].zh,
  },
  { column: { header: '期限（月）', width: 10, kind: 'integer' }, value: (i) => i.termMonths },
  { column: { header: '资金用途', width: 40, kind: 'text' }, value: (i) => i.purpose },
  { column: { header: '担保方式', width: 24, kind: 'text' }, value: (i) => i.collateral },
];

const DECLARED_COLUMNS: ExportColumns<FinancingNeed> = [
  { column: { header: '项目代码', width: 28, kind: 'text' }, value: (i) => i.projectCode },
  ...NEED_COLUMNS,
  { column: { header: '申报日期', width: 12, kind: 'date' }, value: (i) => i.declaredOn },
  { column: { header: '已签约（万元）', width: 16, kind: 'money' }, value: (i) => i.signed },
];

const MATCH_COLUMNS: ExportColumns<FinancingMatch> = [
  { column: { header: '期次', width: 10, kind: 'text' }, value: (m) => m.editionCode },
  { column: { header: '项目名称', width: 40, kind: 'text' }, value: (m) => m.projectName },
  { column: { header: '所在地区', width: 14, kind: 'text' }, value: (m) => m.regionName },
  { column: { header: '需求金额（万元）', width: 16, kind: 'money' }, value: (m) => m.needAmount },
  { column: { header: '金融机构', width: 24, kind: 'text' }, value: (m) => m.institution },
  { column: { header: '对接状态', width: 10, kind: 'text' }, value: (m) => MATCH_STATE_LABELS[m.state].zh },
  { column: { header: '签约金额（万元）', width: 16, kind: 'money' }, value: (m) => m.signedAmount },
  { column: { header: '备注', width: 30, kind: 'text' }, value: (m) => m.note },
];

const depsOf = async (db: Parameters<typeof appToday>[0] & Parameters<ExportDefinition<unknown>['sheet']>[0]) => ({
  db,
  clock: fixedClock(await appToday(db)),
});

/** The needs the actor sees, as GET /financing/needs. */
export const financingNeedsExport: ExportDefinition<FinancingListExportQuery> = {
  name: 'financing-needs',
  summary: '导出融资需求（与 GET /financing/needs 相同的范围）',
  fileName: '融资需求',
  permission: 'financing.read',
  query: financingListExportQuery,
  async sheet(db, actor) {
    return sheetOfItems('融资需求', DECLARED_COLUMNS, (await listNeeds(await depsOf(db), actor)).items);
  },
};

/** A published edition's needs (default the latest), as GET /financing/editions/:id. */
export const financingEditionExport: ExportDefinition<FinancingEditionExportQuery> = {
  name: 'financing-edition',
  summary: '导出一期已发布的融资需求清单',
  fileName: '融资需求清单',
  permission: 'financing.edition.read',
  query: financingEditionExportQuery,
  async sheet(db, actor, query) {
    const deps = await depsOf(db);
    // Without an edition named, the latest published one.
    const id = query.editionId ?? (await listEditions(deps, actor)).items[0]?.id;
    if (id === undefined) throw errors.notFound();
    const edition = await editionDetail(deps, actor, id);
    return sheetOfItems<Omit<FinancingEditionItem, 'needId'>>(`${edition.code}期`, NEED_COLUMNS, edition.items);
  },
};

/** The matches the actor sees, as GET /financing/matches. */
export const financingMatchesExport: ExportDefinition<FinancingListExportQuery> = {
  name: 'financing-matches',
  summary: '导出融资对接情况（金融机构只含本机构）',
  fileName: '融资对接情况',
  permission: 'financing.edition.read',
  query: financingListExportQuery,
  async sheet(db, actor) {
    return sheetOfItems('融资对接', MATCH_COLUMNS, (await listMatches(await depsOf(db), actor)).items);
  },
};
