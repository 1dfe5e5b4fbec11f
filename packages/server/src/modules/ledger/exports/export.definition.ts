/** What an export is made of, and preparing one for writing. */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Permission } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { heapBounded } from '../../../io/heap.bound.ts';
import { writeXlsx, type XlsxColumn, type XlsxSheetSource, type XlsxValue } from '../../../io/xlsx.writer.ts';
import { requirePermission, type Actor } from '../../auth/actor.ts';
import { recordTransfer } from '../../audit/audit.transfer.ts';

/** An export as its module defines it. */
export interface ExportDefinition<Q> {
  /** URL and CLI name, e.g. 'projects' → /exports/projects.xlsx. */
  name: string;
  /** OpenAPI summary. */
  summary: string;
  /** The downloaded file's name, without .xlsx. */
  fileName: string;
  permission: Permission;
  /** The list endpoint's query schema: the same filters, validated the same way. */
  query: z.ZodType<Q>;
  /** The sheet for this actor and query; rows are read lazily, batch by batch, as the file is written. */
  sheet(db: Kysely<DB>, actor: Actor, query: Q): Promise<XlsxSheetSource>;
}

/** A sheet's columns, each with its header and how an item gives its cell. */
export type ExportColumns<T> = readonly { column: XlsxColumn; value: (item: T) => XlsxValue }[];

/** A sheet of a list already read in full (a few thousand rows at most), written as one batch. */
export function sheetOfItems<T>(name: string, columns: ExportColumns<T>, items: readonly T[]): XlsxSheetSource {
  async function* rows() {
    await Promise.resolve();
    yield items.map((item) => columns.map(({ value }) => value(item)));
  }
  return { name, columns: columns.map(({ column }) => column), rows: rows() };
}

/** Writes a prepared export to a stream; resolves to the number of rows written. */
export type ExportWriter = (out: Writable) => Promise<number>;

/** The query as the audit row stores it: amounts (bigint fen, e.g. minInvestment) as their decimal fen text. */
function auditable(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, typeof value === 'bigint' ? value.toString() : value]),
  );
}

/**
 * Checks permission and builds the sheet before any byte is sent, so those errors still answer as JSON; the
 * export (with its filters) is audited at that point, whether or not the client reads the whole file.
 */
export async function prepareExport<Q>(
  definition: ExportDefinition<Q>,
  db: Kysely<DB>,
  actor: Actor,
  query: Q,
): Promise<ExportWriter> {
  requirePermission(actor, definition.permission);
  const sheet = await definition.sheet(db, actor, query);
  await recordTransfer(db, actor, {
    action: 'export',
    what: `xlsx:${definition.name}`,
    regionCode: actor.regionCode,
    details: { query: auditable(query) },
  });
  // The rows' garbage collected as the file streams, so a large export does not grow the process (heap.bound.ts).
  return (out) => writeXlsx(out, [{ ...sheet, rows: heapBounded(sheet.rows) }]);
}
