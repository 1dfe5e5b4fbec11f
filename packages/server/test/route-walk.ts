/**
 * Walking the API's route table as a role that must not reach it (the administrators, a financial institution):
 * each route made concrete with real ids, then asked with query strings in turn until one passes validation, so
 * that the permission, not the schema, answers. A route added later is walked too.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './factories.ts';

/**
 * Routes that hold no business data, open to every signed-in role: sign-in support, code lists, health, the
 * environment banner, and the regions of the caller's scope (empty for a role without one).
 */
export const NOT_BUSINESS_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/auth/demo-accounts',
  'GET /api/v1/auth/me',
  'GET /api/v1/codelists',
  'GET /api/v1/health',
  'GET /api/v1/environment',
  'GET /api/v1/regions/scope',
]);

/** Query strings tried in turn: none, a period, a year, a date, the dispatch loop's reads, the rankings'. */
const QUERIES = [
  '',
  '?year=2021&month=4',
  '?year=2021',
  '?asOf=2021-04-30',
  // The dispatch loop's reads: a meeting's agenda preview, a notice's date, a league's period.
  '?regionCode=230600&heldOn=2021-05-20',
  '?date=2021-05-20',
  '?from=2021-01-01&to=2021-05-20',
  // The rankings (issue #13): a scheme and its period, or a period alone (data quality).
  '?scheme=yanan&period=2021-05',
  '?period=2021-05',
];

/** A route of the table (`GET /api/v1/projects/:id`) as a URL with these ids for its parameters. */
export function concreteRoute(route: string, ids: { projectId: number; editionId?: number }): string {
  return route
    .replace(/^[A-Z]+ /, '')
    .replace('/jobs/:id', '/jobs/00000000-0000-4000-8000-000000000001')
    .replace('/financing/editions/:id', `/financing/editions/${String(ids.editionId ?? 1)}`)
    .replace(':id', String(ids.projectId))
    .replace(':year', '2021')
    .replace(':month', '4')
    .replace(':photoId', '1')
    .replace(':attachmentId', '1')
    .replace(':needId', '1')
    .replace(':projectId', String(ids.projectId))
    .replace(':kind', 'daily');
}

/** GETs the route as the client, trying the query strings until one is not refused by the schema (400). */
export async function getPastValidation(client: Client, url: string): Promise<LightMyRequestResponse> {
  let answered = await client.request({ method: 'GET', url });
  for (const query of QUERIES.slice(1)) {
    if (answered.statusCode !== 400) break;
    answered = await client.request({ method: 'GET', url: `${url}${query}` });
  }
  return answered;
}
