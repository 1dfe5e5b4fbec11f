/**
 * The route table's guard rails (issue #9): every API route declares what it requires (`config: { access }`, checked
 * again in its service), and every schema a route validates or answers with is a contract exported by
 * @keyprojects/core (by identity: the same object the web's types come from), not a copy written in the route.
 * Each test lists every offender, so one run says all that is left to mend.
 */
import * as core from '@keyprojects/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helper.ts';
import { apiRouteOptionsOf, type ApiRoute } from './app.ts';

const PARTS = ['params', 'querystring', 'body'] as const;

/** Every value core exports, and the values of its exported records (errorResponses' bodies …). */
function coreExports(): Set<unknown> {
  const values = new Set<unknown>();
  for (const value of Object.values(core)) {
    values.add(value);
    if (value && typeof value === 'object' && !('_zod' in value))
      for (const inner of Object.values(value)) values.add(inner);
  }
  return values;
}

/** `METHOD /path part` for each schema of a route that core does not export. */
function foreignSchemas(route: ApiRoute, fromCore: Set<unknown>): string[] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const name = `${route.method} ${route.url}`;
  const found: string[] = [];
  for (const part of PARTS)
    if (schema[part] !== undefined && !fromCore.has(schema[part])) found.push(`${name} ${part}`);
  const responses = (schema.response ?? {}) as Record<string, unknown>;
  for (const [status, response] of Object.entries(responses))
    if (!fromCore.has(response)) found.push(`${name} response ${status}`);
  return found;
}

/** The assertion's message: every offender on its own line (the diff alone may be cut short). */
const listed = (what: string, offenders: string[]) =>
  `${String(offenders.length)} ${what}:\n  ${offenders.join('\n  ')}\n`;

let ctx: TestContext;
let routes: ApiRoute[];

beforeAll(async () => {
  // The demo switch adds the demo accounts route; the table should hold every route there is.
  ctx = await createTestContext({ env: { DEMO: 'true' } });
  routes = apiRouteOptionsOf(ctx.app);
});
afterAll(() => ctx.close());

describe('the route table', () => {
  it('holds the API routes', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it('declares config.access on every API route', () => {
    const undeclared = routes.filter((route) => !route.config?.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared, listed('routes without config: { access }', undeclared)).toEqual([]);
  });

  it('declares only permissions of core POLICIES, signedIn or public', () => {
    const known = new Set<string>([...Object.keys(core.POLICIES), 'signedIn', 'public']);
    const unknown = routes
      .filter((route) => route.config?.access !== undefined && !known.has(route.config.access))
      .map((r) => `${r.method} ${r.url}: ${String(r.config?.access)}`);
    expect(unknown, listed('routes declaring an unknown access', unknown)).toEqual([]);
  });

  it('validates and answers with schemas exported by @keyprojects/core only', () => {
    const fromCore = coreExports();
    const foreign = routes.flatMap((route) => foreignSchemas(route, fromCore));
    expect(
      foreign,
      listed('route schemas that are not core exports (move them to core/src/*.contract.ts)', foreign),
    ).toEqual([]);
  });

  it('counts the error responses of common.contract.ts as core exports', () => {
    const fromCore = coreExports();
    expect([core.errorBody, core.idParams, core.errorResponses[404]].every((s) => fromCore.has(s))).toBe(true);
  });
});
