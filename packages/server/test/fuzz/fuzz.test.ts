/**
 * The bad-input suite (issue #8): for every operation of the OpenAPI document, fast-check sends generated
 * and mutated requests as each role and as nobody, and each answer must hold three properties — no 5xx,
 * nothing outside the persona's scope, and no change to any business table when the request was refused.
 * Fixed seed and bounded runs in `npm test` (FUZZ_RUNS cases per operation, 30 by default, plus the sweep); a longer run is
 * `npm run fuzz` (2,000 per operation, every failure listed) or e.g. `FUZZ_RUNS=20000 npm run fuzz`;
 * FUZZ_SEED picks another seed, FUZZ_COLLECT=1 lists every failure instead of stopping at the first.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helper.ts';
import { KNOWN_FAILURES, KNOWN_HAZARDS, type Failure } from './fuzz.known.ts';
import {
  changedTables,
  fingerprint,
  installWriteCounter,
  workbookText,
  scopeOf,
  scopeViolation,
  writeCounts,
  writtenTables,
  type Scope,
} from './fuzz.oracle.ts';
import { sweepRequests, sweeps } from './fuzz.sweep.ts';
import { operationsOf, requestsFor, type FuzzRequest, type Operation } from './fuzz.requests.ts';
import { buildWorld, PERSONAS, type Persona, type World } from './fuzz.world.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20_210_520);
const COLLECT = process.env.FUZZ_COLLECT === '1';
/** `FUZZ_TRACE='POST /api/v1/projects/'` prints every request to operations containing it, with its answer. */
const TRACE = process.env.FUZZ_TRACE;
/**
 * Operations that render files or parse uploads cost more per request, and a logout that succeeds costs a
 * new sign-in (a scrypt hash): these get a fifth of the runs.
 */
const SLOW = /\.(xlsx|pdf|docx|json)$|\/(import|preview|logout)$/;
/** Answers whose region codes are not business data (the region picker's own tree, accounts for admins). */
const REGION_EXEMPT = /^\/api\/v1\/(regions\/|users|auth\/)/;
/** The audit administrator's whole job is to read the city-wide trail, snapshots of projects included. */
const readsAllAudit = (persona: Persona, op: Operation) => persona === 'audit_admin' && op.path === '/api/v1/audit/';

const ctx = await createTestContext();
const operations = operationsOf(ctx.app);
let world: World;
let counts: Record<string, number>;
const scopes = new Map<Persona, Scope>();
const known: (Failure & { hole: string })[] = [];
const unknown: Failure[] = [];
let sent = 0;
/** Accepted writes during the current operation's run (the fingerprint cross-check needs none). */
let accepted = 0;
/** The fingerprint at the end of the last operation, for the cross-check of the write counter. */
let reference: Awaited<ReturnType<typeof fingerprint>> | null = null;
const timing = { inject: 0, fp: 0 };
const statuses = new Map<number, number>();

beforeAll(async () => {
  world = await buildWorld(ctx);
  await refreshScopes();
  await installWriteCounter(ctx.db);
  counts = await writeCounts(ctx.db);
}, 120_000);

afterAll(async () => {
  const rows = [
    ...known.map((f) => ({ ...f, status: f.status, known: f.hole })),
    ...unknown.map((f) => ({ ...f, known: '' })),
  ];
  const table = rows.map(
    (f) =>
      `${f.operation}\t${f.request.persona}/${f.request.credentials}\t${f.status}\t${f.kind}\t${f.known}\t${f.detail}\t${summary(f.request)}`,
  );
  console.log(
    `fuzz: ${sent} requests, ${unknown.length} unknown and ${known.length} known failures (seed ${SEED}, runs ${RUNS}); timing ${JSON.stringify(timing)} statuses ${JSON.stringify(Object.fromEntries(statuses))}\n${table.join('\n')}`,
  );
  await ctx.close();
});

/** Recomputes every persona's scope from the database (accepted writes may move projects or change roles). */
async function refreshScopes() {
  const users = await ctx.db.selectFrom('users').select(['id', 'role', 'region_code', 'organization_id']).execute();
  for (const persona of PERSONAS) {
    const client = world.clients[persona];
    const row = users.find((u) => u.id === client.actor?.id);
    if (client.actor && row)
      client.actor = {
        ...client.actor,
        role: row.role,
        regionCode: row.region_code,
        organizationId: row.organization_id,
      };
    scopes.set(persona, await scopeOf(ctx.db, client, world.projects));
  }
}

function summary(request: FuzzRequest): string {
  const payload =
    typeof request.payload === 'string' ? request.payload : request.payload ? `<${request.payload.length} bytes>` : '';
  const text = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${payload}`;
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text);
}

/** The cookie and CSRF headers for the request's persona and credential mode. */
function credentialHeaders(request: FuzzRequest): Record<string, string> {
  const session = world.clients[request.persona].session;
  const cookie = session?.cookie ?? '';
  const flipped = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
  switch (request.credentials) {
    case 'honest':
      return session ? { cookie: `kp_session=${cookie}`, 'x-csrf-token': session.csrf } : {};
    case 'tamperedCookie':
      return { cookie: `kp_session=${flipped(cookie || 'x')}`, 'x-csrf-token': session?.csrf ?? 'x' };
    case 'forgedCookie':
      return { cookie: `kp_session=${'A'.repeat(43)}`, 'x-csrf-token': 'A'.repeat(43) };
    case 'wrongCsrf':
      return { cookie: `kp_session=${cookie}`, 'x-csrf-token': flipped(session?.csrf ?? 'x') };
    case 'noCsrf':
      return { cookie: `kp_session=${cookie}` };
    case 'twoCookies':
      return { cookie: `kp_session=${'A'.repeat(43)}; kp_session=${cookie}`, 'x-csrf-token': session?.csrf ?? '' };
  }
}

/** Files failures as known (a hole another branch closes) or unknown; an unknown one fails the case. */
function record(failures: Failure[]): void {
  for (const failure of failures) {
    const hole = KNOWN_FAILURES.find((k) => k.matches(failure));
    if (hole) known.push({ ...failure, hole: `${hole.hole} (${hole.fixedBy})` });
    else {
      unknown.push(failure);
      if (!COLLECT) throw new Error(`${failure.kind} ${failure.status}: ${failure.detail}`);
    }
  }
}

/** Sends one request and checks the three properties; returns the failures it found. */
async function probe(op: Operation, request: FuzzRequest): Promise<Failure[]> {
  if (KNOWN_HAZARDS.some((hazard) => hazard.matches(request))) return [];
  let response;
  const t0 = performance.now();
  try {
    response = await ctx.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...credentialHeaders(request) },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  } catch {
    return []; // not a request HTTP can carry (light-my-request refuses it before the server sees it)
  }
  sent += 1;
  timing.inject += performance.now() - t0;
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  const operation = `${op.method} ${op.path}`;
  if (TRACE && operation.includes(TRACE))
    console.log(
      `${request.persona}/${request.credentials} ${response.statusCode} ${summary(request)} → ${response.body.slice(0, 160)}`,
    );
  const failures: Failure[] = [];
  const fail = (kind: Failure['kind'], detail: string) =>
    failures.push({ operation, request, status: response.statusCode, kind, detail });
  if (response.statusCode >= 500) fail('5xx', response.body.slice(0, 120));
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode < 400 && type.includes('spreadsheetml')) {
    const scope = scopes.get(request.persona);
    const leak = scope ? scopeViolation(scope, await workbookText(response.rawPayload), null, false) : null;
    if (leak) fail('scope', `export ${leak}`);
  }
  if (response.statusCode < 400 && /json|text/.test(type)) {
    const json: unknown = type.includes('json') ? response.json() : null;
    const regionChecked = !REGION_EXEMPT.test(op.path);
    const scope = readsAllAudit(request.persona, op) ? undefined : scopes.get(request.persona);
    const leak = scope ? scopeViolation(scope, response.body, json, regionChecked) : null;
    if (leak) fail('scope', leak);
  }
  const t1 = performance.now();
  const after = await writeCounts(ctx.db);
  timing.fp += performance.now() - t1;
  const written = writtenTables(counts, after);
  counts = after;
  if (response.statusCode >= 400 && written.length) fail('changed', `refused but wrote ${written.join(', ')}`);
  if (response.statusCode < 400 && request.method !== 'GET') {
    accepted += 1;
    if (op.path.endsWith('/logout')) await world.clients[request.persona].resignIn();
    await refreshScopes();
  }
  return failures;
}

describe('the oracles', () => {
  it('see a project of another district in an answer, and a committed write', async () => {
    const longfeng = world.projects.find((p) => p.regionCode === '230603');
    const answer = await world.clients.city_admin.request({ method: 'GET', url: `/api/v1/projects/${longfeng?.id}` });
    const district = scopes.get('district_staff');
    if (!district) throw new Error('no district scope');
    expect(scopeViolation(district, answer.body, answer.json(), true)).toMatch(/outside/);
    expect(
      scopeViolation(district, '{"items":[{"projectId":999999}]}', { items: [{ projectId: 999_999 }] }, true),
    ).toMatch(/projectId/);
    const cityExport = await world.clients.city_admin.request({ method: 'GET', url: '/api/v1/exports/projects.xlsx' });
    expect(scopeViolation(district, await workbookText(cityExport.rawPayload), null, false)).toMatch(/outside/);
    const before = await writeCounts(ctx.db);
    const fingerprintBefore = await fingerprint(ctx.db);
    await ctx.db
      .updateTable('organizations')
      .set({ name: '改名' })
      .where('id', '=', world.organizationIds[0] ?? 0)
      .execute();
    expect(writtenTables(before, await writeCounts(ctx.db))).toEqual(['organizations']);
    expect(changedTables(fingerprintBefore, await fingerprint(ctx.db))).toEqual(['organizations']);
    counts = await writeCounts(ctx.db);
  });
});

describe('bad input to every operation of the OpenAPI document', () => {
  it('covers every operation of the app', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  for (const op of operations) {
    const runs = SLOW.test(op.path) ? Math.max(5, Math.round(RUNS / 5)) : RUNS;
    it(
      `${op.method} ${op.path}: no 5xx, no answer outside the scope, no change when refused`,
      async () => {
        reference ??= await fingerprint(ctx.db);
        await fc.assert(
          fc.asyncProperty(requestsFor(op, world), async (request) => record(await probe(op, request))),
          { seed: SEED, numRuns: runs, endOnFailure: true },
        );
        // Cross-check of the write counter: with nothing accepted since the last fingerprint, every business
        // table is as it was then.
        const now = await fingerprint(ctx.db);
        if (accepted === 0) expect(changedTables(reference, now)).toEqual([]);
        reference = now;
        accepted = 0;
      },
      Math.max(600_000, runs * 500),
    );
  }

  for (const op of operations.filter(sweeps)) {
    it(`${op.method} ${op.path}: every kind of bad value at every place of a valid body or query`, async () => {
      for (const next of sweepRequests(op, world, ctx.db)) {
        const request = await next();
        record(await probe(op, request));
      }
    }, 600_000);
  }

  it('found no failure outside the known list', () => {
    expect(unknown.map((f) => `${f.operation} ${f.request.persona} ${f.kind} ${f.detail}`)).toEqual([]);
  });
});
