/**
 * Ten years of data (issue #14 item 8): the province (50,000 projects) with ten years of monthly reports
 * (2012–2021, 6M rows) against the same province with five (2017–2021, 3M rows), each measure run on both
 * databases in turn (so that both meet the same load on a shared machine):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:decade -w @keyprojects/bench -- --reuse
 * Each scale lives in its own database on DATABASE_URL's server (decade_10y, decade_5y): created and generated
 * when absent (or always, without --reuse), then kept, so later runs measure the same rows. Times, medians and p95
 * of --runs runs: the dashboard endpoint as of the year end, mid-year (both month ends, the rollup's path) and a
 * date inside a month (the projects' path); the project list for a province administrator and for one county's
 * user (first page, sorted by total investment, a text search); a 1,000-row ledger import commit (its projects
 * removed afterwards, so the data stay the same); the year-end bulletin (.docx) of the province as of 2021-12-31;
 * the warning job's snapshot load of the province (its last-filed-report pass reads the reports of every year).
 * Every timed request computes its answer: the data version is raised before each, as a write would.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../packages/server/src/app.ts';
import { systemClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase, type Database } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';
import type { Actor } from '../../packages/server/src/modules/auth/actor.ts';
import { importProjectLedger } from '../../packages/server/src/modules/ledger/ledger.service.ts';
import { loadWarningSnapshots } from '../../packages/server/src/modules/warning/warning.repository.ts';
import { createUser } from '../../packages/server/src/modules/user/user.service.ts';
import { signIn, TEST_PASSWORD, type Client } from '../../packages/server/test/factories.ts';
import { generateScale } from './generate-reports.ts';
import { generateLedger, seedLedgerOwners } from './import-ledger.generate.ts';
import { time, type Timing } from './measure.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'import-runs': { type: 'string', default: '3' },
    'import-rows': { type: 'string', default: '1000' },
    scales: { type: 'string', default: '5,10' },
    reuse: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const importRuns = Number(values['import-runs']);
const importRows = Number(values['import-rows']);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error('the decade bench needs DATABASE_URL (a PostgreSQL server; it makes its own databases)');

const PROVINCE = '230000';
const LAST_YEAR = 2021;
/** Ledger codes from here on: clear of the generator's (numbered up to its project count). */
const LEDGER_FIRST = 900_000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The URL of database `name` on DATABASE_URL's server. */
function databaseUrl(name: string): string {
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (create and drop database cannot run in a pool's transaction). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The scale's database, migrated, with its years generated unless --reuse finds them there. */
async function scaleDatabase(
  name: string,
  years: number[],
): Promise<{ database: Database; reports: number; generatedSeconds: number | null }> {
  if (!values.reuse) await onServer(`drop database if exists ${name} with (force)`);
  await onServer(`create database ${name}`).catch((error: unknown) => {
    // 42P04: it exists (kept from an earlier run): reused below.
    if ((error as { code?: string }).code !== '42P04') throw error;
  });
  const database = await openDatabase({ databaseUrl: databaseUrl(name) });
  await migrateToLatest(database.db);
  const present = await sql<{ n: number }>`select count(*)::int as n from projects where code like '2101-%'`.execute(
    database.db,
  );
  if ((present.rows[0]?.n ?? 0) > 0) {
    const count = await sql<{ n: string }>`select count(*)::text as n from monthly_reports`.execute(database.db);
    return { database, reports: Number(count.rows[0]?.n ?? 0), generatedSeconds: null };
  }
  const started = Date.now();
  const { reports } = await generateScale(database.db, { projects: 50_000, years, regionCode: PROVINCE });
  return { database, reports, generatedSeconds: (Date.now() - started) / 1000 };
}

/** A user of the bench, named by the time (a reused database keeps earlier runs' accounts; usernames are unique). */
async function benchUser(db: Kysely<DB>, role: 'city_admin' | 'district_staff', regionCode: string) {
  const username = `decade${role.replace('_', '')}${Date.now()}`;
  const id = await createUser(db, null, {
    username,
    displayName: '基准用户',
    password: TEST_PASSWORD,
    role,
    regionCode,
    organizationId: null,
  });
  return { id, username, password: TEST_PASSWORD };
}

/** Removes the projects a timed import created (and what refers to them), so every run measures the same data. */
async function removeImported(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ids = sql`(select id from projects where name like '基准台账项目%')`;
    // Tables whose rows must go first (no cascade); the import writes only some of them, the catalogue names all.
    const referencing = await sql<{ table: string }>`
      select conrelid::regclass::text as table from pg_constraint
      where confrelid = 'projects'::regclass and contype = 'f' and confdeltype <> 'c'`.execute(trx);
    for (const { table } of referencing.rows) {
      await sql`delete from ${sql.table(table)} where project_id in ${ids}`.execute(trx);
    }
    await sql`delete from projects where id in ${ids}`.execute(trx);
  });
}

/** Times a request that must answer 200, the data version raised (untimed) before each. */
function timeRequest(db: Kysely<DB>, client: Client, url: string): Promise<Timing> {
  const newData = () => sql`update data_version set version = version + 1`.execute(db);
  return time(
    async () => {
      const response = await client.request({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    },
    runs,
    2,
    newData,
  );
}

/** A scale's database with the app over it and the bench's signed-in users. */
interface Scale {
  years: number;
  db: Kysely<DB>;
  close: () => Promise<void>;
  admin: Client;
  adminId: number;
  adminName: string;
  county: Client;
}

/** Builds the app over a scale's database and signs in a province administrator and one county's user. */
async function openScale(years: number, database: Database): Promise<Scale> {
  const { db } = database;
  const app = await buildApp({
    db,
    config: { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' },
    clock: systemClock,
    demoAccounts: [],
  });
  const county = await sql<{ code: string }>`
    select region_code as code from projects where code like '2101-%' order by region_code limit 1`.execute(db);
  const countyCode = county.rows[0]?.code;
  if (!countyCode) throw new Error('no generated projects');
  const adminUser = await benchUser(db, 'city_admin', PROVINCE);
  return {
    years,
    db,
    admin: await signIn(app, adminUser),
    adminId: adminUser.id,
    adminName: adminUser.username,
    county: await signIn(app, await benchUser(db, 'district_staff', countyCode)),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A measure: its name, and how to time it on one scale. */
type Measure = [string, (scale: Scale) => Promise<Timing>];

/** Every measure by name, each a timing of one scale. */
function measuresOf(): Measure[] {
  const dashboards = ['2021-12-31', '2021-06-30', '2021-06-17'].map(
    (asOf) =>
      [
        `dashboard as of ${asOf}`,
        (s: Scale) => timeRequest(s.db, s.admin, `/api/v1/stats/dashboard?asOf=${asOf}`),
      ] satisfies Measure,
  );
  const lists: [string, string][] = [
    ['first page', '/api/v1/projects'],
    ['by total investment', '/api/v1/projects?sort=totalInvestment&order=desc'],
    ['search "4321"', '/api/v1/projects?q=4321'],
  ];
  const listMeasures = (['province', 'county'] as const).flatMap((who) =>
    lists.map(
      ([name, url]) =>
        [
          `list, ${who}, ${name}`,
          (s: Scale) => timeRequest(s.db, who === 'province' ? s.admin : s.county, url),
        ] satisfies Measure,
    ),
  );
  return [
    ...dashboards,
    ...listMeasures,
    [
      'bulletin .docx, province, 2021-12-31',
      (s) => timeRequest(s.db, s.admin, '/api/v1/bulletins/docx?asOf=2021-12-31'),
    ],
    // The daily warning job's read: every project's last filed report, and a year's progress rows.
    [
      'warning snapshots, province, 2021-12-31',
      (s) => time(() => loadWarningSnapshots(s.db, PROVINCE, '2021-12-31'), Math.min(runs, 5), 1),
    ],
    [`import commit, ${importRows} rows`, (s) => timeImport(s.db, s.adminId, s.adminName)],
  ];
}

/** The median and p95 of --import-runs commits of a fresh ledger of new projects into the city of Daqing. */
async function timeImport(db: Kysely<DB>, userId: number, username: string): Promise<Timing> {
  await removeImported(db);
  const owners = await db.selectFrom('organizations').select('name').where('name', 'like', '基准台账业主%').execute();
  const ownerNames = owners.length > 0 ? owners.map((o) => o.name) : await seedLedgerOwners(db);
  const ledger = await generateLedger(importRows, ownerNames, LEDGER_FIRST);
  const actor: Actor = {
    id: userId,
    username,
    displayName: 'bench',
    role: 'city_admin',
    regionCode: PROVINCE,
    organizationId: null,
    ip: null,
    userAgent: 'bench',
    locale: 'zh',
  };
  // The ledger's template columns name no period, so the calendar only dates the run (the demo's day).
  const calendar = { today: () => '2021-05-20', deadlineDay: 5 };
  // The same file each run, its projects removed in between (untimed): the database is the same for each commit.
  return time(
    async () => {
      const result = await importProjectLedger(db, calendar, actor, ledger, { dryRun: false, locale: 'zh' });
      if (!result.committed) throw new Error(`import: ${JSON.stringify(result.errors.slice(0, 3))}`);
    },
    importRuns,
    0,
    () => removeImported(db),
  ).finally(() => removeImported(db));
}

const scaleYears = values.scales.split(',').map((s) => Number(s.trim()));
const scales: Scale[] = [];
for (const years of scaleYears) {
  const name = `decade_${years}y`;
  const span = Array.from({ length: years }, (_, i) => LAST_YEAR - years + 1 + i);
  const { database, reports, generatedSeconds } = await scaleDatabase(name, span);
  const generated = generatedSeconds === null ? 'reused' : `generated in ${generatedSeconds.toFixed(0)} s`;
  console.log(`${name}: 50000 projects, ${reports} reports (${span[0]}–${LAST_YEAR}), ${generated}; load ${load()}`);
  scales.push(await openScale(years, database));
}
// Each measure on every scale back to back, so that both meet the same load on a shared machine.
const results = new Map<string, Map<number, Timing>>();
for (const [name, run] of measuresOf()) {
  const row = new Map<number, Timing>();
  for (const scale of scales) row.set(scale.years, await run(scale));
  results.set(name, row);
  console.log(`${name}: ${scaleYears.map((y) => `${y}y ${row.get(y)?.medianMs} ms`).join(', ')}; load ${load()}`);
}
for (const scale of scales) await scale.close();

const cell = (t: Timing | undefined) => (t ? `${t.medianMs} / ${t.p95Ms}` : '—');
console.log(`\n| measure (median / p95 ms, ${runs} runs) | ${scaleYears.map((y) => `${y} years`).join(' | ')} |`);
console.log(`| --- | ${scaleYears.map(() => '---').join(' | ')} |`);
for (const [name, row] of results) console.log(`| ${name} | ${scaleYears.map((y) => cell(row.get(y))).join(' | ')} |`);
console.log(`load average at the end: ${load()}`);
