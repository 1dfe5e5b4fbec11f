/**
 * Ledger import at city scale: `npm run bench:import -w @keyprojects/bench [-- --rows 10000 --export-rows 50000]`.
 * On a fresh embedded database in a temporary data directory (as the server runs it), or on a fresh
 * database of the server named by DATABASE_URL, times in one run: exceljs's bare read of the ledger, the
 * import's dry run (preview), its commit (every row a new project) and a re-import of a committed file
 * (every row unchanged), three times each, printing medians. Target: dry run and commit ≤ 2× the bare read.
 * Then, in a separate process so its memory is its own, the peak RSS of exporting --export-rows projects.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import type { Actor } from '../../packages/server/src/modules/auth/actor.ts';
import { readSpreadsheet, readSpreadsheetGrid } from '../../packages/server/src/io/spreadsheet.reader.ts';
import { pickSheet, readGrid } from '../../packages/server/src/io/xlsx.reader.ts';
import { importProjectLedger } from '../../packages/server/src/modules/ledger/ledger.service.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { createTestUser } from '../../packages/server/test/factories.ts';
import { generateLedger, seedLedgerOwners } from './import-ledger.generate.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000' }, 'export-rows': { type: 'string', default: '50000' } },
});
const rows = Number(values.rows);
const RUNS = 3;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The server's own form of the embedded database: a data directory. */
async function freshDatabase(): Promise<{ database: Database; cleanup: () => void }> {
  if (process.env.DATABASE_URL) return { database: await createTestDatabase(), cleanup: () => undefined };
  const dir = mkdtempSync(path.join(tmpdir(), 'kp-import-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const { database, cleanup } = await freshDatabase();
const owners = await seedLedgerOwners(database.db);
const user = await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
const actor: Actor = {
  id: user.id,
  username: user.username,
  displayName: 'bench',
  role: 'city_admin',
  regionCode: '230600',
  organizationId: null,
  ip: null,
  userAgent: 'bench',
  locale: 'zh',
};

const generated = await timed(() =>
  Promise.all(Array.from({ length: RUNS }, (_, i) => generateLedger(rows, owners, i * rows))),
);
const files = generated.value;
const size = (files[0]?.length ?? 0) / 1024 / 1024;
console.log(
  `database: ${database.kind}; ${RUNS} ledgers of ${rows} rows × 21 columns, ${size.toFixed(1)} MB each, generated in ${seconds(generated.ms)}`,
);

// Each measure three times in a row (warm, comparable): the bare read and the preview on the first ledger,
// then each ledger committed (the database grows by 10,000 projects each time) and re-imported unchanged.
// The ledger's template columns name no period, so the calendar only dates the run (the demo's day).
const CALENDAR = { today: () => '2021-05-20', deadlineDay: 5 };
const [first] = files;
if (!first) throw new Error('no ledger');
const run = (file: Buffer, dryRun: boolean) =>
  timed(() => importProjectLedger(database.db, CALENDAR, actor, file, { dryRun, locale: 'zh' }));
const bare: number[] = [];
const viaExceljs: number[] = [];
const reading: number[] = [];
const dry: number[] = [];
const commit: number[] = [];
const again: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  bare.push((await timed(() => new ExcelJS.Workbook().xlsx.load(new Uint8Array(first).buffer))).ms);
  // The import's reading step (inspection + the sheet's grid), and the same grid through exceljs as it was read before.
  viaExceljs.push((await timed(async () => readGrid(pickSheet(await readSpreadsheet(first), ['项目台账'], [])))).ms);
  reading.push((await timed(() => readSpreadsheetGrid(first, ['项目台账'], []))).ms);
}
for (let i = 0; i < RUNS; i += 1) {
  const preview = await run(first, true);
  if (preview.value.summary.create !== rows) throw new Error(`preview: ${JSON.stringify(preview.value.summary)}`);
  dry.push(preview.ms);
}
for (const file of files) {
  const committed = await run(file, false);
  if (!committed.value.committed) throw new Error(`commit: ${JSON.stringify(committed.value.errors.slice(0, 3))}`);
  commit.push(committed.ms);
}
for (const file of files) {
  const unchanged = await run(file, false);
  if (unchanged.value.summary.unchanged !== rows)
    throw new Error(`re-import: ${JSON.stringify(unchanged.value.summary)}`);
  again.push(unchanged.ms);
}

const base = median(bare);
const line = (name: string, samples: number[]) => {
  const ms = median(samples);
  console.log(`${name.padEnd(46)} ${seconds(ms).padStart(9)}   ${(ms / base).toFixed(2)}× bare read`);
};
line(`exceljs bare read (median of ${RUNS})`, bare);
line(`inspection + grid through exceljs (earlier read)`, viaExceljs);
line(`inspection + grid from the sheet XML (import's read)`, reading);
line(`import dry run / preview (median of ${RUNS})`, dry);
line(`import commit, ${rows} new projects (median)`, commit);
line(`re-import of the same file, all unchanged (median)`, again);
await database.close();
cleanup();

const exportRows = Number(values['export-rows']);
if (exportRows > 0) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'import-export-rss.ts'), '--rows', String(exportRows)],
    { encoding: 'utf8', env: process.env },
  );
  process.stdout.write(child.stdout);
  if (child.status !== 0) process.stderr.write(child.stderr);
}
