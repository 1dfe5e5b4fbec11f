/**
 * The one way lists leave the system as Excel: an export is a name, the list's own query schema, a
 * permission and a sheet source (columns plus an async row source reading in keyset batches within the
 * actor's scope). Each registered export is served as GET /api/v1/exports/{name}.xlsx with the list's query
 * parameters and written by the CLI's `export <name>`; both stream through the same xlsx writer.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { RequestValidationError } from '../../../errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { prepareExport, type ExportDefinition, type ExportWriter } from './export.definition.ts';
import { registerExportRoute, type ExportDeps, type ZodApp } from './export.http.ts';
import { projectsExport } from '../projects/project-ledger.export.ts';
import { monthlyReportsExport } from '../reports/report-ledger.export.ts';
import { auditLogExport } from '../../audit/audit-log.export.ts';
import { warningsExport } from '../../warning/warning.export.ts';
import { drillProjectsExport } from '../../stats/stats-drill.export.ts';
import { fundingLinesExport } from '../../funding/funding.export.ts';
import {
  financingEditionExport,
  financingMatchesExport,
  financingNeedsExport,
} from '../../financing/financing.export.ts';

/** An export ready to serve, its query type closed over. */
export interface RegisteredExport {
  name: string;
  /** Adds GET /{name}.xlsx to the exports plugin (read from the replica when there is one). */
  register(app: ZodApp, deps: ExportDeps): void;
  /** Validates a raw query (CLI), checks permission and prepares the sheet; nothing is written yet. */
  prepare(db: Kysely<DB>, actor: Actor, rawQuery: unknown): Promise<{ fileName: string; write: ExportWriter }>;
}

/** Closes an export definition over its query type. */
export function defineExport<Q>(definition: ExportDefinition<Q>): RegisteredExport {
  return {
    name: definition.name,
    register: (app, deps) => registerExportRoute(app, deps, definition),
    async prepare(db, actor, rawQuery) {
      const result = definition.query.safeParse(rawQuery, { reportInput: true });
      if (!result.success) throw new RequestValidationError(result.error.issues, 'querystring');
      return { fileName: definition.fileName, write: await prepareExport(definition, db, actor, result.data) };
    },
  };
}

/** Every export: the project list, the monthly-report review desk, the audit trail, warnings and drill lists. */
export const EXPORTS: readonly RegisteredExport[] = [
  defineExport(projectsExport),
  defineExport(monthlyReportsExport),
  defineExport(auditLogExport),
  defineExport(warningsExport),
  defineExport(drillProjectsExport),
  defineExport(fundingLinesExport),
  defineExport(financingNeedsExport),
  defineExport(financingEditionExport),
  defineExport(financingMatchesExport),
];

/** Names reserved for exports other modules will register. */
export const RESERVED_EXPORT_NAMES: readonly string[] = [];

/** The export of that name, if registered. */
export function findExport(name: string): RegisteredExport | undefined {
  return EXPORTS.find((entry) => entry.name === name);
}
