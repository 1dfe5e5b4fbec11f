/**
 * `backup FILE` and `restore FILE` for both database forms (README "Backup and restore"). A backup opens the
 * database itself — PostgreSQL, or a PGlite directory no server holds — or, when a running server holds the
 * directory, asks that server for it (modules/backup/backup.control.ts). A restore goes into an empty data directory or
 * empty database only, and verifies the audit chain afterwards.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { auditedBackup, backupThroughServer } from '../modules/backup/backup.control.ts';
import { readBackupSummary, restoreFromFile, type TableDigest } from '../db/backup.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyAuditChain } from '../modules/audit/audit.chain.ts';
import { openConfiguredDatabase } from '../runtime.ts';
import type { CliCommand, DirectCommand } from './command.ts';

const totals = (manifest: TableDigest[]) => ({
  tables: manifest.length,
  rows: manifest.reduce((sum, t) => sum + t.rows, 0),
});

/** Commands that open the database themselves (a backup may have to ask the running server instead). */
export const backupDirectCommands: Record<string, DirectCommand> = {
  async backup({ config, args, print }) {
    const [target] = args;
    if (!target) throw new Error('usage: backup <file.ndjson.gz>');
    const file = path.resolve(target);
    let via = 'database';
    try {
      const database = await openConfiguredDatabase(config);
      try {
        await migrateToLatest(database.db);
        await auditedBackup(database.db, createWriteStream(file, { mode: 0o600 }), database.kind);
      } finally {
        await database.close();
      }
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      via = `running server (pid ${String(error.pid)})`;
      await backupThroughServer(config.dataDir, file);
    }
    const { header, manifest } = await readBackupSummary(file);
    const sum = totals(manifest);
    print(
      { status: 'ok', file, via, migration: header.migration, ...sum, manifest },
      `backup written to ${file} through the ${via}: ${String(sum.tables)} tables, ${String(sum.rows)} rows`,
    );
  },
};

export const backupCommands: Record<string, CliCommand> = {
  async restore({ database, args, print }) {
    const [source] = args;
    if (!source) throw new Error('usage: restore <file.ndjson.gz>');
    const file = path.resolve(source);
    await migrateToLatest(database.db);
    const manifest = await restoreFromFile(database.db, file);
    const audit = await verifyAuditChain(database.db);
    const sum = totals(manifest);
    print(
      { status: audit.status === 'intact' ? 'ok' : 'audit-broken', file, ...sum, audit },
      `restored ${String(sum.tables)} tables, ${String(sum.rows)} rows into ${database.location}; audit chain ${audit.status}`,
    );
    if (audit.status !== 'intact') process.exitCode = 1;
  },
};
