/**
 * A ranking as Excel (GET /rankings/export.xlsx for a computed one, GET /rankings/editions/:id/export.xlsx for a
 * published one): sheet 1 one row per unit with its rank, score, movement and each term's points; sheet 2 every
 * term explained (indicator, value, formula, points), the same texts the API shows. The export is audited.
 */
import type { Kysely } from 'kysely';
import type { Actor, RankingQuery, RankingUnitItem } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { writeXlsx, type XlsxColumn, type XlsxSheetSource, type XlsxValue } from '../../io/xlsx.writer.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import type { ExportWriter } from '../ledger/exports/export.definition.ts';
import { getRanking, getRankingEdition } from './ranking.service.ts';

async function* once(rows: XlsxValue[][]) {
  await Promise.resolve();
  yield rows;
}

/** The two sheets of a ranking's units. */
export function rankingSheets(units: readonly RankingUnitItem[]): XlsxSheetSource[] {
  const terms = units[0]?.terms ?? [];
  const columns: XlsxColumn[] = [
    { header: '名次', width: 8, kind: 'integer' },
    { header: '单位', width: 16, kind: 'text' },
    { header: '总分', width: 10, kind: 'number' },
    { header: '升降', width: 8, kind: 'integer' },
    ...terms.map((term): XlsxColumn => ({ header: term.label, width: 14, kind: 'number' })),
  ];
  const rows = units.map((unit): XlsxValue[] => [
    unit.rank,
    unit.unitName,
    unit.hundredths / 100,
    unit.movement,
    ...unit.terms.map((term) => term.hundredths / 100),
  ]);
  const explained: XlsxColumn[] = [
    { header: '单位', width: 16, kind: 'text' },
    { header: '指标', width: 20, kind: 'text' },
    { header: '分组', width: 14, kind: 'text' },
    { header: '取值', width: 30, kind: 'text' },
    { header: '计分公式', width: 40, kind: 'text' },
    { header: '得分', width: 10, kind: 'number' },
  ];
  const why = units.flatMap((unit) =>
    unit.terms.map((term): XlsxValue[] => [
      unit.unitName,
      term.label,
      term.group,
      term.valueText,
      term.formulaText,
      term.hundredths / 100,
    ]),
  );
  return [
    { name: '排名', columns, rows: once(rows) },
    { name: '得分说明', columns: explained, rows: once(why) },
  ];
}

async function audited(db: Kysely<DB>, actor: Actor, what: string, details: Record<string, unknown>) {
  await recordTransfer(db, actor, { action: 'export', what, regionCode: actor.regionCode, details });
}

/** The computed ranking as a workbook writer (permission and data checked before any byte is sent). */
export async function exportRanking(
  db: Kysely<DB>,
  actor: Actor,
  query: RankingQuery,
  today: string,
): Promise<ExportWriter> {
  const result = await getRanking(db, actor, query, today);
  await audited(db, actor, 'xlsx:ranking', { query: { ...query } });
  return (out) => writeXlsx(out, rankingSheets(result.units));
}

/** A published edition as a workbook writer. */
export async function exportEdition(db: Kysely<DB>, actor: Actor, id: number, today: string): Promise<ExportWriter> {
  const edition = await getRankingEdition(db, actor, id, today);
  await audited(db, actor, 'xlsx:ranking-edition', { id });
  return (out) => writeXlsx(out, rankingSheets(edition.units));
}
