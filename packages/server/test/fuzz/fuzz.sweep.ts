/**
 * The sweep: besides the random cases, every place of a valid body gets every kind of bad value once,
 * sent by a persona allowed to write there with the right version, so that a hole like "a NUL byte in any
 * text field" is found in every field on every run rather than by luck. Deterministic and bounded
 * (a few hundred requests).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { encode, type FuzzRequest, type Operation } from './fuzz.requests.ts';
import { validBody } from './fuzz.seeds.ts';
import { BAD_STRINGS_BY_KIND, pathsOf, setAt } from './fuzz.values.ts';
import type { Persona, World } from './fuzz.world.ts';

/** Who writes, where, and with which version, for each operation the sweep covers. */
interface Target {
  persona: Persona;
  url(world: World): string;
  version?(db: Kysely<DB>, world: World): Promise<number>;
}

const project = (world: World, index: number) => world.projects[index]?.id ?? 0;

const TARGETS: Record<string, Target> = {
  'POST /api/v1/auth/login': { persona: 'anonymous', url: () => '/api/v1/auth/login' },
  'POST /api/v1/organizations/': { persona: 'district_staff', url: () => '/api/v1/organizations' },
  'POST /api/v1/users/': { persona: 'system_admin', url: () => '/api/v1/users' },
  'POST /api/v1/projects/': { persona: 'city_admin', url: () => '/api/v1/projects' },
  'PATCH /api/v1/projects/{id}': {
    persona: 'city_admin',
    url: (world) => `/api/v1/projects/${project(world, 2)}`,
    version: async (db, world) =>
      (await db.selectFrom('projects').select('version').where('id', '=', project(world, 2)).executeTakeFirstOrThrow())
        .version,
  },
  'PUT /api/v1/projects/{id}/reports/{year}/{month}': {
    persona: 'city_admin',
    url: (world) => `/api/v1/projects/${project(world, 1)}/reports/2021/5`,
  },
  'POST /api/v1/projects/{id}/reports/{year}/{month}/review': {
    persona: 'city_admin',
    url: (world) => `/api/v1/projects/${project(world, 1)}/reports/2021/4/review`,
  },
  'PUT /api/v1/periods/{year}/{month}': { persona: 'city_admin', url: () => '/api/v1/periods/2021/7' },
  'PUT /api/v1/bulletins/templates/{id}': {
    persona: 'city_admin',
    url: (world) => `/api/v1/bulletins/templates/${world.templateIds[0] ?? 0}`,
    version: async (db, world) =>
      (
        await db
          .selectFrom('bulletin_templates')
          .select('version')
          .where('id', '=', world.templateIds[0] ?? 0)
          .executeTakeFirstOrThrow()
      ).version,
  },
  'POST /api/v1/bulletins/preview': { persona: 'city_admin', url: () => '/api/v1/bulletins/preview' },
  'POST /api/v1/oc4ids/import': { persona: 'city_admin', url: () => '/api/v1/oc4ids/import' },
};

/** Bad values for one place: one of each kind of bad string (rotating through the kind), numbers, shapes. */
function badValuesFor(index: number): unknown[] {
  const strings = Object.values(BAD_STRINGS_BY_KIND).map((values) => values[index % values.length]);
  return [...strings, 2_147_483_648, 2 ** 63, -1, null, {}];
}

/** Whether the sweep covers the operation: a body it knows how to make valid, or a query string. */
export const sweeps = (op: Operation) =>
  `${op.method} ${op.path}` in TARGETS || (op.method === 'GET' && Object.keys(op.query).length > 0);

/**
 * The sweep's requests for one operation, built lazily: each carries the version current when it is
 * sent (an accepted request bumps it).
 */
export function* sweepRequests(op: Operation, world: World, db: Kysely<DB>): Generator<() => Promise<FuzzRequest>> {
  if (op.method === 'GET') {
    yield* sweepQuery(op);
    return;
  }
  const target = TARGETS[`${op.method} ${op.path}`];
  const valid = validBody(op, world);
  if (!target || !valid) return;
  for (const [index, path] of pathsOf(valid).entries()) {
    for (const bad of badValuesFor(index)) {
      yield async () => {
        // Unique keys vary so that an accepted request does not make the next fail on "taken" first.
        const body = setAt(uniqueKeys(valid, index), path, bad);
        const version = target.version ? await target.version(db, world) : undefined;
        return {
          persona: target.persona,
          credentials: 'honest',
          method: op.method,
          url: target.url(world),
          headers: {
            'content-type': 'application/json',
            ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
          },
          payload: JSON.stringify(body),
        };
      };
    }
  }
}

let counter = 0;
function uniqueKeys(body: Record<string, unknown>, index: number): Record<string, unknown> {
  counter += 1;
  const n = String(800_000 + ((index * 97 + counter) % 199_999));
  const { code, username } = body;
  return {
    ...body,
    ...(typeof code === 'string' ? { code: `${code.slice(0, -6)}${n}` } : {}),
    ...(typeof username === 'string' && typeof body.displayName === 'string' ? { username: `${username}${n}` } : {}),
  };
}

/**
 * Every text query parameter of a GET operation with every kind of bad string (SQL in filters and sort, NUL,
 * traversal…), the others left out, as the city administrator (who sees the most).
 */
function* sweepQuery(op: Operation): Generator<() => Promise<FuzzRequest>> {
  // Text parameters only (filters, sort, dates): numbers are refused by their type before any query runs.
  const texts = Object.keys(op.query).filter((name) => op.query[name]?.type !== 'integer');
  for (const [index, name] of texts.entries()) {
    for (const values of Object.values(BAD_STRINGS_BY_KIND)) {
      const bad = values[index % values.length] ?? '';
      const asOf = name === 'asOf' || !('asOf' in op.query) ? '' : '&asOf=2021-05-20';
      yield () =>
        Promise.resolve({
          persona: 'city_admin',
          credentials: 'honest',
          method: 'GET',
          url: `${op.path}?${name}=${encode(bad)}${asOf}`,
          headers: {},
        });
    }
  }
}
