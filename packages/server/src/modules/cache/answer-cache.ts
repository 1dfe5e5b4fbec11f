/**
 * Answers that do not change are not recomputed (issue #14 item 2). A computed answer (the dashboard, a list) is
 * kept serialized under the data version it was computed at (data-version.repository.ts) and served again while
 * the version stands; any instance's write raises the version in the shared database, so every instance's copy
 * goes stale at once. Each answer carries an ETag naming the version and the question, and a request whose
 * If-None-Match names it gets 304 without a body. The API stays `no-store` for browsers (government data is not
 * left on shared computers), so the ETag serves clients that keep answers themselves.
 *
 * A miss computes in one repeatable-read snapshot that first reads the version: the answer is never filed under
 * a version newer than the data it saw. An entry also keeps its body compressed, per encoding, the first time a
 * client asks for that encoding: recompressing a 90 KB dashboard on every hit cost more than the lookup itself.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { projectScopeKind, type Actor } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { API_COMPRESSION } from '../../web.ts';
import { readDataVersion } from './data-version.repository.ts';

type Encoding = 'br' | 'gzip';

interface Entry {
  version: bigint;
  body: string;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** A bounded map of serialized answers, least recently used first out. */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, version: bigint): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, version: bigint, body: string): Entry {
    const entry: Entry = { version, body, encoded: {} };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What decides an answer: the route, whose scope it is computed for (`scopeKeyOf`) and the question. */
export function answerKey(route: string, scope: Record<string, unknown>, query: unknown): string {
  // Parsed queries hold money as bigint fen (e.g. the list's minInvestment), which JSON.stringify refuses.
  return JSON.stringify({ route, scope, query }, (_name, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value,
  );
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
  // The request hook read it with the session (auth.hooks.ts); a request without one reads it here.
  const current = request.dataVersion ?? (await readDataVersion(db));
  if (request.headers['if-none-match'] === tagOf(current))
    return reply.status(304).header('etag', tagOf(current)).send();
  const cached = cache.get(key, current);
  if (cached !== undefined) {
    await sendAnswer(request, reply, tagOf(current), cached, extra);
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
  await sendAnswer(request, reply, tagOf(version), cache.set(key, version, body), extra);
}

/**
 * The kept entry, or, with fields that change without the data (a replica's lag), a body with them spliced in, sent
 * as it is (the compression hook compresses it): the kept entry stays one per data version.
 */
function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  entry: Entry,
  extra: object | undefined,
): FastifyReply {
  const body = withExtra(entry.body, extra);
  if (body === entry.body) return sendEntry(request, reply, etag, entry);
  return reply.header('etag', etag).type('application/json; charset=utf-8').send(body);
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

/** The entry's body, compressed as the client accepts (kept for the next hit), under its ETag. */
function sendEntry(request: FastifyRequest, reply: FastifyReply, etag: string, entry: Entry): FastifyReply {
  reply.header('etag', etag).type('application/json; charset=utf-8');
  if (entry.body.length < API_COMPRESSION.threshold) return reply.send(entry.body);
  reply.header('vary', 'accept-encoding');
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(entry.body);
  const encoded = (entry.encoded[encoding] ??= compress(encoding, entry.body));
  // The compression hook passes a body that already names its encoding.
  return reply.header('content-encoding', encoding).send(encoded);
}

/** The encoding to send: brotli, else gzip, when the client accepts it (not with q=0). */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

function compress(encoding: Encoding, body: string): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: API_COMPRESSION.brotliQuality } })
    : gzipSync(body);
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
