/**
 * What the registry's module groups (registry.*.ts) share: the transaction type, one example per kind of actor for
 * functions whose SQL the actor's scope decides, and the reasons shown for functions that run no query.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { labelled, type NoQuery, type QueryExample } from './capture.ts';
import { ACTORS, SCOPES } from './examples.ts';

/** The transaction an example runs in. */
export type Trx = Transaction<DB>;
/** Any of the example actors. */
export type ExampleActor = (typeof ACTORS)[keyof typeof ACTORS];

/** A function that turns rows into the API shape. */
/** A function that computes without the database. */
export const pure: NoQuery = { noQuery: 'pure helper' };
/** A condition other queries compose. */
export const whereClause: NoQuery = { noQuery: 'a WHERE condition that the list queries compose' };

/** One example per kind of actor (city, district, owner, officer), with the same further arguments. */
export function perScope<A extends unknown[]>(
  fn: (trx: Trx, actor: ExampleActor, ...args: A) => unknown,
  ...args: A
): QueryExample[] {
  return SCOPES.map(({ label, actor }) => labelled(label, fn, actor, ...args));
}
