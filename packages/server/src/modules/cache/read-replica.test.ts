/**
 * Reads routed to a replica (issue #14 item 6). On PostgreSQL the app gets a second pool as its replica, pointed at
 * the same database (a replica that has replayed everything), and each pool counts the statements it runs: the
 * dashboard, drill list, figures and exports read through the replica pool, writes and other reads through the
 * primary's, and a session whose last write the replica has not replayed (its `kp_rv` cookie names a newer data
 * version) reads the primary. On PGlite there is no replica: the read pool is ignored and nothing changes.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { TEST_TODAY } from '../../../test/helper.ts';
import { readDataVersion } from './data-version.repository.ts';
import { SEEN_VERSION_COOKIE } from './read-replica.ts';

/** Counts the statements run through a Kysely (an observer: the statements still run on the real database). */
function counting(db: Kysely<DB>): { db: Kysely<DB>; count: () => number } {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements += 1;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { db: db.withPlugin(plugin), count: () => statements };
}

const withReplica = Boolean(process.env.DATABASE_URL);
let primary: Database;
let replicaDatabase: Database | undefined;
let primaryCount: () => number;
let replicaCount: () => number = () => 0;
let app: FastifyInstance | undefined;
let staff: Client;
let ownerId: number;

beforeAll(async () => {
  primary = await createTestDatabase(TEST_TODAY);
  const countedPrimary = counting(primary.db);
  primaryCount = countedPrimary.count;
  let readDb: Kysely<DB> | undefined;
  if (withReplica) {
    // The test database's own URL, opened again on a second pool: what DATABASE_READ_URL would give.
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(primary.db);
    const url = new URL(String(process.env.DATABASE_URL));
    url.pathname = `/${rows[0]?.name ?? ''}`;
    replicaDatabase = await openDatabase({ databaseUrl: url.toString() }, { today: TEST_TODAY });
    const countedReplica = counting(replicaDatabase.db);
    readDb = countedReplica.db;
    replicaCount = countedReplica.count;
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' };
  app = await buildApp({ db: countedPrimary.db, readDb, config, clock: fixedClock(TEST_TODAY), demoAccounts: [] });
  await app.ready();
  ownerId = await createOrganization(primary.db, { name: '只读副本测试有限公司' });
  staff = await signIn(app, await createTestUser(primary.db, 'district_staff', { regionCode: '230602' }));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await replicaDatabase?.close();
  await primary.close();
});

/** Runs the request and says how many statements each pool ran for it. */
async function measured(run: () => Promise<LightMyRequestResponse>) {
  const [p, r] = [primaryCount(), replicaCount()];
  const response = await run();
  return { response, onPrimary: primaryCount() - p, onReplica: replicaCount() - r };
}

const get = (url: string, cookie = '') =>
  measured(() => staff.request({ method: 'GET', url, headers: cookie ? { cookie } : {} }));
const withSeen = (version: bigint) => `kp_session=${staff.session.cookie}; ${SEEN_VERSION_COOKIE}=${String(version)}`;

const READ_ROUTES = [
  `/api/v1/stats/dashboard?asOf=${TEST_TODAY}`,
  `/api/v1/stats/projects?asOf=${TEST_TODAY}`,
  `/api/v1/stats/figures?asOf=${TEST_TODAY}`,
  `/api/v1/exports/drill-projects.xlsx?asOf=${TEST_TODAY}`,
  '/api/v1/exports/projects.xlsx',
];

describe.runIf(withReplica)('with a read replica (PostgreSQL)', () => {
  it('writes through the primary and hands the session the data version it wrote', async () => {
    const before = await readDataVersion(primary.db);
    const { response, onPrimary, onReplica } = await measured(() =>
      staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerId) }),
    );
    expect(response.statusCode).toBe(201);
    expect([onPrimary > 0, onReplica]).toEqual([true, 0]);
    const seen = response.cookies.find((c) => c.name === SEEN_VERSION_COOKIE);
    expect(seen?.value).toBe(String(await readDataVersion(primary.db)));
    expect(BigInt(seen?.value ?? '0')).toBeGreaterThan(before);
    expect(seen).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/' });
  });

  it('reads dashboards, drill lists, figures and exports on the replica once it has replayed the write', async () => {
    const seen = await readDataVersion(primary.db);
    for (const url of READ_ROUTES) {
      const { response, onReplica } = await get(url, withSeen(seen));
      expect([url, response.statusCode, response.headers['x-kp-read-from']]).toEqual([url, 200, 'replica']);
      expect(onReplica).toBeGreaterThan(0);
      expect(response.headers['x-kp-replica-lag']).toBe('0');
    }
    const dashboard = await get(READ_ROUTES[0] ?? '');
    expect(dashboard.response.json<{ replica?: unknown }>().replica).toEqual({ lagSeconds: 0, asOf: null });
  });

  it('reads the primary for a session whose last write the replica has not replayed', async () => {
    const ahead = (await readDataVersion(primary.db)) + 1n;
    for (const url of READ_ROUTES) {
      const { response, onPrimary, onReplica } = await get(url, withSeen(ahead));
      expect([url, response.statusCode, response.headers['x-kp-read-from']]).toEqual([url, 200, 'primary']);
      // At least the versions (auth.hooks.ts); the answer itself may be the one kept for this data version, which
      // is the same on both databases.
      expect(onPrimary).toBeGreaterThanOrEqual(1);
      // One statement asks the replica how far it is; nothing is read there.
      expect(onReplica).toBe(1);
    }
    const dashboard = await get(READ_ROUTES[0] ?? '', withSeen(ahead));
    expect(dashboard.response.json<{ replica?: unknown }>().replica).toBeUndefined();
  });

  it('keeps other reads on the primary, and ignores a cookie that is not a version', async () => {
    const list = await get('/api/v1/projects');
    expect([list.response.statusCode, list.onReplica, list.response.headers['x-kp-read-from']]).toEqual([
      200,
      0,
      undefined,
    ]);
    const odd = await get(READ_ROUTES[0] ?? '', `kp_session=${staff.session.cookie}; ${SEEN_VERSION_COOKIE}=1e99`);
    expect(odd.response.headers['x-kp-read-from']).toBe('replica');
  });
});

describe.runIf(withReplica)('with a read replica that is down', () => {
  it('answers from the primary', async () => {
    // A pool to a port nothing listens on: every connection is refused, as a stopped replica's would be.
    const dead = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/replica' });
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' };
    const other = await buildApp({
      db: primary.db,
      readDb: dead.db,
      config,
      clock: fixedClock(TEST_TODAY),
      demoAccounts: [],
    });
    try {
      const answer = await other.inject({
        method: 'GET',
        url: READ_ROUTES[0] ?? '',
        headers: { cookie: `kp_session=${staff.session.cookie}`, 'x-csrf-token': staff.session.csrf },
      });
      expect([answer.statusCode, answer.headers['x-kp-read-from']]).toEqual([200, 'primary']);
      expect(answer.json<{ replica?: unknown }>().replica).toBeUndefined();
    } finally {
      await other.close();
      await dead.close();
    }
  });
});

describe.skipIf(withReplica)('without a read replica (PGlite)', () => {
  it('reads and writes on the one database, with no replica headers and no version cookie', async () => {
    const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(ownerId) });
    expect(created.statusCode).toBe(201);
    expect(created.cookies.find((c) => c.name === SEEN_VERSION_COOKIE)).toBeUndefined();
    for (const url of READ_ROUTES) {
      const { response, onPrimary } = await get(url, withSeen(999n));
      expect([url, response.statusCode, response.headers['x-kp-read-from']]).toEqual([url, 200, undefined]);
      expect(onPrimary).toBeGreaterThan(0);
    }
    const dashboard = await get(READ_ROUTES[0] ?? '');
    expect(dashboard.response.json<{ replica?: unknown }>().replica).toBeUndefined();
  });
});
