/**
 * The leaders' dashboard endpoint at scale, against the best hand-written SQL over the base tables, in one run:
 *   city scale (PGlite):        npm run bench:dashboard -w @keyprojects/bench
 *   province scale (PostgreSQL): DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:dashboard -w @keyprojects/bench -- --scale province
 * Prints median and p95 of GET /api/v1/stats/dashboard (as of the year end: the year-progress fast path, and as
 * of mid-year: aggregated from the reports) and of the raw SQL for the same figures.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/src/app.ts';
import { systemClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { createTestUser, signIn } from '../../packages/server/test/factories.ts';
import { rawDashboard } from './dashboard-raw.sql.ts';
import { generateScale } from './generate-reports.ts';
import { time } from './measure.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'city' }, runs: { type: 'string', default: '20' } },
});
const province = values.scale === 'province';
const scale = province
  ? { projects: 50_000, years: [2017, 2018, 2019, 2020, 2021], regionCode: '230000' }
  : { projects: 5_000, years: [2017, 2018, 2019, 2020, 2021], regionCode: '230600' };
const runs = Number(values.runs);

const database = await createTestDatabase();
const started = Date.now();
const { reports } = await generateScale(database.db, scale);
console.log(
  `${values.scale} scale on ${database.kind}: ${scale.projects} projects, ${reports} reports, generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const app = await buildApp({
  db: database.db,
  config: { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' },
  clock: systemClock,
  demoAccounts: [],
});
const admin = await signIn(app, await createTestUser(database.db, 'city_admin', { regionCode: scale.regionCode }));

for (const asOf of ['2021-12-31', '2021-06-30']) {
  const endpoint = await time(async () => {
    const response = await admin.request({ method: 'GET', url: `/api/v1/stats/dashboard?asOf=${asOf}` });
    if (response.statusCode !== 200) throw new Error(response.body);
  }, runs);
  const raw = await time(() => rawDashboard(database.db, 2021, asOf, scale.regionCode), runs);
  console.log(
    `as of ${asOf}: dashboard endpoint median ${endpoint.medianMs} ms, p95 ${endpoint.p95Ms} ms | raw SQL median ${raw.medianMs} ms, p95 ${raw.p95Ms} ms`,
  );
}
await app.close();
await database.close();
