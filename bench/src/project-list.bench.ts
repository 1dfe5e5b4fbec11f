/**
 * Project list endpoint at city scale: `npm run bench:list -w @keyprojects/bench [-- --projects 5000]`.
 * Runs on a fresh PGlite in memory, or on a fresh database of the server named by DATABASE_URL.
 * Prints median and p95 of typical list requests made by a city administrator.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/src/app.ts';
import { systemClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { createTestUser, signIn } from '../../packages/server/test/factories.ts';
import { generateProjects } from './generate-projects.ts';
import { time } from './measure.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '5000' } } });
const count = Number(values.projects);

const database = await createTestDatabase();
const started = Date.now();
await generateProjects(database.db, count);
const loadSeconds = (Date.now() - started) / 1000;
const app = await buildApp({
  db: database.db,
  config: { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' },
  clock: systemClock,
  demoAccounts: [],
});
const admin = await signIn(app, await createTestUser(database.db, 'city_admin', { regionCode: '230600' }));
const district = await signIn(app, await createTestUser(database.db, 'district_staff', { regionCode: '230604' }));

const cases: [string, () => Promise<unknown>][] = [
  ['city, first page, default sort', () => admin.request({ method: 'GET', url: '/api/v1/projects' })],
  [
    'city, sort by total investment',
    () => admin.request({ method: 'GET', url: '/api/v1/projects?sort=totalInvestment&order=desc' }),
  ],
  [
    'city, text search "学校"',
    () => admin.request({ method: 'GET', url: `/api/v1/projects?q=${encodeURIComponent('学校')}` }),
  ],
  [
    'city, filters + page 20',
    () =>
      admin.request({
        method: 'GET',
        url: '/api/v1/projects?category=industry&level=municipal&minInvestment=10000&page=20',
      }),
  ],
  ['district, first page', () => district.request({ method: 'GET', url: '/api/v1/projects' })],
];

console.log(`database: ${database.kind}; ${count} projects loaded in ${loadSeconds.toFixed(1)} s`);
for (const [name, run] of cases) {
  const t = await time(run);
  console.log(`${name.padEnd(36)} median ${String(t.medianMs).padStart(7)} ms   p95 ${String(t.p95Ms).padStart(7)} ms`);
}
await app.close();
await database.close();
