/**
 * The leaders' dashboard endpoint at scale, against the best hand-written SQL over the base tables, in one run:
 *   city scale (PGlite):        npm run bench:dashboard -w @keyprojects/bench
 *   province scale (PostgreSQL): DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:dashboard -w @keyprojects/bench -- --scale province
 * Prints median and p95 of GET /api/v1/stats/dashboard as of the year end, mid-year (both month ends) and a date
 * inside a month, and of the raw SQL for the same figures; then of GET /api/v1/stats/map-points (the map's points,
 * fetched for its visible box) for a box around the whole scope and for a box of about a hundredth of it. Every timed request computes its answer: the data version
 * is raised before each (untimed), as a write would, so the answer cache never serves it.
 * `--reuse` keeps the data in DATABASE_URL's own database (migrated; generated only when absent), so the province
 * data is generated once and the same rows measure the code before and after a change.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../../packages/server/src/app.ts';
import { systemClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { createUser } from '../../packages/server/src/modules/user/user.service.ts';
import { createTestUser, signIn, TEST_PASSWORD } from '../../packages/server/test/factories.ts';
import { rawDashboard } from './dashboard-raw.sql.ts';
import { generateScale } from './generate-reports.ts';
import { time } from './measure.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'city' },
    runs: { type: 'string', default: '20' },
    reuse: { type: 'boolean', default: false },
  },
});
const province = values.scale === 'province';
const scale = province
  ? { projects: 50_000, years: [2017, 2018, 2019, 2020, 2021], regionCode: '230000' }
  : { projects: 5_000, years: [2017, 2018, 2019, 2020, 2021], regionCode: '230600' };
const runs = Number(values.runs);

async function reusedDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--reuse needs DATABASE_URL');
  const reused = await openDatabase({ databaseUrl: url });
  await migrateToLatest(reused.db);
  return reused;
}

const database = values.reuse ? await reusedDatabase() : await createTestDatabase();
const started = Date.now();
const present = await sql<{ n: number }>`select count(*)::int as n from projects where code like '2101-%'`.execute(
  database.db,
);
const { reports } =
  (present.rows[0]?.n ?? 0) > 0
    ? {
        reports: Number(
          (await sql<{ n: bigint }>`select count(*) as n from monthly_reports`.execute(database.db)).rows[0]?.n,
        ),
      }
    : await generateScale(database.db, scale);
console.log(
  `${values.scale} scale on ${database.kind}: ${scale.projects} projects, ${reports} reports, generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const app = await buildApp({
  db: database.db,
  config: { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' },
  clock: systemClock,
  demoAccounts: [],
});
// A reused database keeps the accounts of earlier runs: the bench's own is named by the time (usernames are unique).
const adminUser = values.reuse
  ? await (async () => {
      const username = `benchadmin${Date.now()}`;
      const id = await createUser(database.db, null, {
        username,
        displayName: '基准管理员',
        password: TEST_PASSWORD,
        role: 'city_admin',
        regionCode: scale.regionCode,
        organizationId: null,
      });
      return { id, username, password: TEST_PASSWORD };
    })()
  : await createTestUser(database.db, 'city_admin', { regionCode: scale.regionCode });
const admin = await signIn(app, adminUser);

// As any write would: the next answer is computed, not served from the answer cache.
const newData = () => sql`update data_version set version = version + 1`.execute(database.db);
for (const asOf of ['2021-12-31', '2021-06-30', '2021-06-17']) {
  const endpoint = await time(
    async () => {
      const response = await admin.request({ method: 'GET', url: `/api/v1/stats/dashboard?asOf=${asOf}` });
      if (response.statusCode !== 200) throw new Error(response.body);
    },
    runs,
    3,
    newData,
  );
  const raw = await time(() => rawDashboard(database.db, 2021, asOf, scale.regionCode), runs);
  console.log(
    `as of ${asOf}: dashboard endpoint median ${endpoint.medianMs} ms, p95 ${endpoint.p95Ms} ms | raw SQL median ${raw.medianMs} ms, p95 ${raw.p95Ms} ms`,
  );
}
// The generator places every project between 125–126°E and 46–46.5°N: the first box holds them all, the second a
// hundredth of them (fewer than the limit, so the walk down the index on total investment reads the whole scope).
for (const bbox of ['121,43,135,54', '125.255,46.255,125.265,46.265']) {
  let shown = 0;
  const points = await time(
    async () => {
      const url = `/api/v1/stats/map-points?asOf=2021-12-31&bbox=${bbox}`;
      const response = await admin.request({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(response.body);
      shown = response.json<{ items: unknown[] }>().items.length;
    },
    runs,
    3,
    newData,
  );
  console.log(`map points in ${bbox} (${shown} shown): median ${points.medianMs} ms, p95 ${points.p95Ms} ms`);
}
await app.close();
await database.close();
