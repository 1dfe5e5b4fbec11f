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

/**
 * Empty: the holes this list carried while their fixes were on other branches (NUL bytes and lone surrogates,
 * ids and amounts beyond their columns, the organisation picker's scope) are closed, so each now fails the suite.
 */
export const KNOWN_FAILURES: readonly KnownFailure[] = [];

export const KNOWN_HAZARDS: readonly KnownHazard[] = [
  {
    // Not a hole any more (the PDF is laid out in a worker with a time limit, and bulletin.pdf.test.ts proves the
    // server keeps answering meanwhile), but each PDF of such a template takes seconds and would dominate the run.
    hole: 'a bulletin template with a long unbroken word makes every later PDF slow to lay out',
    fixedBy: 'bounded by the PDF worker; kept out of the fuzz run for its time only',
    matches: (r) => r.method === 'PUT' && r.url.includes('/bulletins/templates/') && /\S{500}/.test(String(r.payload)),
  },
];
