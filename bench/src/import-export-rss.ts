/**
 * Memory of a large export, run by import.bench.ts: `--rows N` loads N projects into a fresh database (a
 * PGlite directory, or a new database on the server named by DATABASE_URL), then exports them all in a
 * separate process started with `--export` — one that, like a server, only opened the database — through
 * the export registry (keyset batches → streaming xlsx writer → file) while sampling its RSS.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseTarget } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { findExport } from '../../packages/server/src/modules/ledger/exports/export.registry.ts';
import { createTestUser } from '../../packages/server/test/factories.ts';
import { generateProjects } from './generate-projects.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '50000' }, export: { type: 'string' }, user: { type: 'string' } },
});
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const targetOf = (spec: string): DatabaseTarget =>
  spec.startsWith('postgres') ? { databaseUrl: spec } : { dataDir: spec };

async function exportAll(spec: string, userId: number) {
  const database = await openDatabase(targetOf(spec));
  const entry = findExport('projects');
  if (!entry) throw new Error('no projects export');
  const user = await database.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const actor = {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    organizationId: null,
    ip: null,
    userAgent: 'bench',
    locale: 'zh' as const,
  };
  const out = path.join(tmpdir(), `kp-export-${randomBytes(4).toString('hex')}.xlsx`);
  const initial = process.memoryUsage();
  const before = initial.rss;
  let peak = before;
  // The breakdown at the peak says whose memory it is: V8's heap, or external (PGlite's WASM memory, buffers).
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > peak) [peak, atPeak] = [usage.rss, usage];
  }, 10);
  const start = process.hrtime.bigint();
  const { write } = await entry.prepare(database.db, actor, {});
  const stream = createWriteStream(out);
  const written = await write(stream);
  if (!stream.writableFinished) await once(stream, 'finish');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `export of ${written} projects (${database.kind})`.padEnd(44) +
      ` ${(ms / 1000).toFixed(2).padStart(7)} s   file ${mb(statSync(out).size)}, RSS ${mb(before)} before, peak ${mb(peak)} (+${mb(peak - before)})`,
  );
  console.log(
    `  before: heapTotal ${mb(initial.heapTotal)}, heapUsed ${mb(initial.heapUsed)}, external ${mb(initial.external)};` +
      ` at the peak: heapTotal ${mb(atPeak.heapTotal)}, heapUsed ${mb(atPeak.heapUsed)}, external ${mb(atPeak.external)}`,
  );
  rmSync(out, { force: true });
  await database.close();
}

async function prepareAndRun(rows: number) {
  const url = process.env.DATABASE_URL;
  const dir = url ? null : mkdtempSync(path.join(tmpdir(), 'kp-export-bench-'));
  let spec = dir ?? '';
  const name = `kp_bench_${randomBytes(6).toString('hex')}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    spec = target.toString();
  }
  try {
    const database = await openDatabase(targetOf(spec));
    await migrateToLatest(database.db);
    await generateProjects(database.db, rows);
    // Fresh statistics, as autovacuum keeps them on a server (PGlite has none).
    await sql`analyze`.execute(database.db);
    const user = await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
    await database.close();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--export', spec, '--user', String(user.id)],
      { encoding: 'utf8', env: process.env },
    );
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.stderr.write(child.stderr);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

if (values.export) await exportAll(values.export, Number(values.user));
else await prepareAndRun(Number(values.rows));
