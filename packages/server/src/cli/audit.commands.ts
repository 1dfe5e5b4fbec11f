/**
 * `verify-audit [--json]`: recomputes the audit trail's hash chain in Node and exits 0 when it is intact, 1
 * naming the first broken row when a row was changed or removed (run it daily, see README "Backup and restore").
 */
import { verifyAuditChain } from '../modules/audit/audit.chain.ts';
import type { CliCommand } from './command.ts';

export const auditCommands: Record<string, CliCommand> = {
  async 'verify-audit'({ database, print }) {
    const report = await verifyAuditChain(database.db);
    if (report.status === 'intact') {
      print({ ...report }, `audit chain intact: ${report.rows} rows, last id ${report.lastId ?? '(none)'}`);
      return;
    }
    print({ ...report }, `audit chain BROKEN at row ${report.rowId ?? '(end)'}: ${report.detail}`);
    process.exitCode = 1;
  },
};
