/**
 * Backup and restore: the demo city (with audit rows holding control characters and non-ASCII text) backed up
 * and restored into an empty database of the same form and into embedded PGlite (so with DATABASE_URL set this
 * is PostgreSQL → PostgreSQL and PostgreSQL → PGlite; the CLI test covers PGlite → PGlite files). Every table's
 * row count and checksum, the audit chain and the headline figures must come back the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDaqingDemo } from '../demo/daqing.generator.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import { verifyAuditChain } from '../modules/audit/audit.chain.ts';
import { headline } from '../modules/stats/stats.service.ts';
import { createTestDatabase } from '../../test/database.ts';
import { backupToFile, restoreFromFile, tableDigests, type TableDigest } from './backup.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

let source: Database;
let digests: TableDigest[];
const dir = mkdtempSync(path.join(tmpdir(), 'kp-backup-'));
const file = path.join(dir, 'backup.ndjson.gz');
const city = { actor: { id: 0, role: 'city_admin' as const, regionCode: '230600', organizationId: null } };

async function embedded(): Promise<Database> {
  const database = await openDatabase({ memory: true });
  await migrateToLatest(database.db);
  return database;
}

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db, generateDaqingDemo());
  await recordAudit(
    source.db,
    { ip: '127.0.0.1', userAgent: 'ua\r\n\u001b[31m' },
    {
      entityType: 'session',
      entityId: 'x\r\ny',
      action: 'login_failed',
      after: { username: '张三\u0000?'.replace('\u0000', '') },
    },
  );
  digests = await backupToFile(source.db, file, source.kind);
}, 300_000);
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a manifest with every table, the demo data and the audit rows in it', () => {
    const count = (table: string) => digests.find((d) => d.table === table)?.rows ?? 0;
    expect(count('projects')).toBeGreaterThan(100);
    expect(count('audit_log')).toBeGreaterThan(0);
    expect(count('regions')).toBeGreaterThan(3000);
    expect(digests.map((d) => d.table)).toContain('audit_chain_head');
    for (const digest of digests) expect(digest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  for (const [name, open] of [
    ['a database of the same form', createTestDatabase],
    ['an embedded PGlite database', embedded],
  ] as const) {
    it(`restores into ${name} with the same tables, audit chain and figures`, async () => {
      const target = await open();
      try {
        await restoreFromFile(target.db, file);
        expect(await tableDigests(target.db)).toEqual(await tableDigests(source.db));
        expect(await verifyAuditChain(target.db)).toMatchObject({ status: 'intact' });
        const [before, after] = [
          await headline(source.db, city, '2021-05-20'),
          await headline(target.db, city, '2021-05-20'),
        ];
        expect(after).toEqual(before);
        expect(after.current.projects).toBeGreaterThan(0);

        // Sequences continue after the restored rows, and the chain goes on from the restored head.
        await recordAudit(target.db, null, { entityType: 'project', entityId: '1', action: 'update' });
        const org = await target.db
          .insertInto('organizations')
          .values({ kind: 'other', name: '恢复后新建单位', region_code: '230602' })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(org.id).toBeGreaterThan(0);
        expect(await verifyAuditChain(target.db)).toMatchObject({ status: 'intact' });

        // A database that holds data is refused, and keeps what it has.
        await expect(restoreFromFile(target.db, file)).rejects.toThrow(/not empty/);
      } finally {
        await target.close();
      }
    }, 300_000);
  }
});
