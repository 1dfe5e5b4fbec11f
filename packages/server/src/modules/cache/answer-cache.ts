/**
 * Answers that do not change are not recomputed (issue #14 item 2). A computed answer (the dashboard, a list) is
 * kept serialized under the data version it was computed at (data-version.repository.ts) and served again while
 * the version stands; any instance's write raises the version in the shared database, so every instance's copy
 * goes stale at once. Each answer carries an ETag naming the version and the question, and a request whose
 * If-None-Match names it gets 304 without a body. The API stays `no-store` for browsers (government data is not
 * left on shared computers), so the ETag serves clients that keep answers themselves.
 *
 * A miss computes in one repeatable-read snapshot that first reads the version: the answer is never filed under
 * a version newer than the data it saw.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { projectScopeKind, type Actor } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { readDataVersion } from './data-version.repository.ts';

interface Entry {
  version: bigint;
  body: string;
}

/** A bounded map of serialized answers, least recently used first out. */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, version: bigint): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) return undefined;
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, version: bigint, body: string): void {
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What decides an answer: the route, whose scope it is computed for (`scopeKeyOf`) and the question. */
export function answerKey(route: string, scope: Record<string, unknown>, query: unknown): string {
  return JSON.stringify({ route, scope, query });
}

/**
 * Sends the answer to `key`: 304 when the client holds it, the cached body while the data version stands, or
 * `compute`'s answer (encoded by `schema`, as the route's serializer would) computed in one snapshot and kept.
 */
export async function sendCachedAnswer<S extends z.ZodType>(
  target: { db: Kysely<DB>; cache: AnswerCache; request: FastifyRequest; reply: FastifyReply; extra?: object },
  key: string,
  schema: S,
  compute: (db: Kysely<DB>) => Promise<z.output<S>>,
): Promise<void> {
  const { db, cache, request, reply, extra } = target;
  const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
  const tagOf = (version: bigint) => `"${version.toString(36)}-${digest}"`;
  const current = await readDataVersion(db);
  if (request.headers['if-none-match'] === tagOf(current))
    return reply.status(304).header('etag', tagOf(current)).send();
  const cached = cache.get(key, current);
  if (cached !== undefined) {
    await sendBody(reply, tagOf(current), withExtra(cached, extra));
    return;
  }

  const { version, body } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const seen = await readDataVersion(trx);
      const answer = await compute(trx);
      return { version: seen, body: JSON.stringify(z.encode(schema, answer)) };
    });
  cache.set(key, version, body);
  await sendBody(reply, tagOf(version), withExtra(body, extra));
}

/**
 * Adds fields that change without the data (a replica's lag) to a kept object answer: spliced into its JSON rather
 * than kept with it, so the kept answer stays one per data version.
 */
function withExtra(body: string, extra: object | undefined): string {
  if (!extra || !body.startsWith('{') || body === '{}') return body;
  const fields = JSON.stringify(extra).slice(1, -1);
  return fields ? `${body.slice(0, -1)},${fields}}` : body;
}

function sendBody(reply: FastifyReply, etag: string, body: string): FastifyReply {
  return reply.header('etag', etag).type('application/json; charset=utf-8').send(body);
}

/**
 * Whose answer it is: the role and the one thing its scope turns on (region, organisation or the officer himself),
 * the language and the application's date (defaults like "as of today" follow it). Two leaders of one city share
 * an answer; an owner never meets another owner's.
 */
export function scopeKeyOf(actor: Actor, today: string): Record<string, unknown> {
  const kind = projectScopeKind(actor.role);
  return {
    role: actor.role,
    region: actor.regionCode,
    organization: kind === 'owner' ? actor.organizationId : null,
    officer: kind === 'officer' ? actor.id : null,
    locale: actor.locale,
    today,
  };
}
