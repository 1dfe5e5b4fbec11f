/**
 * Known failures: holes of issue #8 that other branches are closing. A failure that matches an entry
 * here is counted and listed, not failed on, and requests known to stall the server are not sent.
 * The lead empties this list once the fixing branches are merged; from then on each hole fails the suite.
 */
import type { FuzzRequest } from './fuzz.requests.ts';

/** One observed failure of a fuzzed request. */
export interface Failure {
  operation: string;
  request: FuzzRequest;
  status: number;
  kind: '5xx' | 'scope' | 'changed';
  detail: string;
}

export interface KnownFailure {
  /** The hole, as issue #8 names it, and the helper whose branch closes it. */
  hole: string;
  fixedBy: string;
  matches(failure: Failure): boolean;
}

/** Requests not sent at all, because what they trigger is a known hole that takes the server down. */
export interface KnownHazard {
  hole: string;
  fixedBy: string;
  matches(request: FuzzRequest): boolean;
}

/** The request as text: method, URL, headers and body as sent. */
function textOf(request: FuzzRequest): string {
  const payload = typeof request.payload === 'string' ? request.payload : (request.payload?.toString('latin1') ?? '');
  return `${request.url} ${JSON.stringify(request.headers)} ${payload}`;
}

// eslint-disable-next-line no-control-regex -- the NUL byte is what this hole is about
const NUL = /\u0000|\\u0000|%00/i;
const LONE_SURROGATE = /[\ud800-\udfff]|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|%ED%[AB]/u;
/** An integer literal past int4 (2,147,483,647) anywhere in the request: ids, years, money. */
const beyondInt4 = (text: string) => (text.match(/\d{10,}/g) ?? []).some((digits) => BigInt(digits) > 2_147_483_647n);

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    hole: 'a NUL byte or a lone surrogate in a text field or query answers 500',
    fixedBy: 'H5',
    matches: (f) => f.kind === '5xx' && (NUL.test(textOf(f.request)) || LONE_SURROGATE.test(textOf(f.request))),
  },
  {
    hole: 'ids beyond int4 in foreign-key fields, and amounts the column cannot hold, answer 500',
    fixedBy: 'H4',
    matches: (f) => f.kind === '5xx' && beyondInt4(textOf(f.request)),
  },
  {
    // The organisation picker lists every district's organisations to district staff, which is how a
    // district finds an owner of another district to move its project to.
    hole: "organisations outside the district's scope (the ownerOrgId scope hole)",
    fixedBy: 'H4',
    matches: (f) => f.kind === 'scope' && f.operation === 'GET /api/v1/organizations/' && /regionCode/.test(f.detail),
  },
];

export const KNOWN_HAZARDS: readonly KnownHazard[] = [
  {
    // A stored template with one long unbroken word stalls the whole server while its PDF is laid out.
    hole: 'a bulletin template with a long unbroken word stalls the server in the PDF layout',
    fixedBy: 'H5',
    matches: (r) => r.method === 'PUT' && r.url.includes('/bulletins/templates/') && /\S{500}/.test(String(r.payload)),
  },
];
