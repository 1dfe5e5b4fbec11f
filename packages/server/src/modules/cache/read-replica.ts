/**
 * Reading from the replica (issue #14 item 6). With DATABASE_READ_URL set, dashboards, drill lists and exports read
 * a streaming replica on its own pool, so that leaders opening the dashboard together do not load the primary;
 * writes and everything else stay on the primary.
 *
 * Read-your-writes: every successful write answers with a `kp_rv` cookie naming the primary's data version after
 * it (data-version.repository.ts; every commit of business data raises it). A read compares that with the
 * replica's own data version: a replica that has not replayed the session's last write yet is behind what the
 * user saw, and the read goes to the primary. The cookie only ever sends a read to the primary, so a forged one
 * costs load, not correctness. Without a replica (and on PGlite) nothing of this runs.
 *
 * The replica's lag is told with each answer read there: headers `x-kp-read-from` and, from the replica,
 * `x-kp-replica-lag` (seconds) and `x-kp-data-as-of` (pg_last_xact_replay_timestamp()); the dashboard also
 * carries it in its body (`replica`) for the web to show when it matters.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import { readDataVersion } from './data-version.repository.ts';

/** The cookie holding the data version a session's last write produced on the primary. */
export const SEEN_VERSION_COOKIE = 'kp_rv';

/** How far behind the primary the replica's data is, as the answer states it. */
export interface ReplicaLag {
  /** Seconds since the last replayed commit, 0 when the replica has replayed all it received. */
  lagSeconds: number;
  /** The commit time of the last replayed transaction (数据截至), or null when the replica has replayed none. */
  asOf: string | null;
}

/** Where a read goes: the database to read and, when it is the replica, its lag. */
export interface Reader {
  db: Kysely<DB>;
  from: 'primary' | 'replica';
  lag: ReplicaLag | null;
}

interface ReplicaState extends ReplicaLag {
  version: bigint;
}

/**
 * The replica's data version and lag in one statement. "Caught up" is the usual test of a standby: it has replayed
 * every WAL record it received; an idle primary then does not look like a growing lag. On a server that is not in
 * recovery (tests point both pools at one database) the replay functions answer null: no lag.
 */
async function replicaState(db: Kysely<DB>): Promise<ReplicaState> {
  const { rows } = await sql<{ version: bigint; replayed_at: Date | null; caught_up: boolean | null }>`
    select v.version,
           pg_last_xact_replay_timestamp() as replayed_at,
           pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() as caught_up
    from data_version v`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('data_version has no row');
  const replayedAt = row.replayed_at;
  const lagSeconds =
    replayedAt === null || row.caught_up !== false ? 0 : Math.max(0, (Date.now() - replayedAt.getTime()) / 1000);
  return {
    version: row.version,
    lagSeconds: Math.round(lagSeconds * 10) / 10,
    asOf: replayedAt?.toISOString() ?? null,
  };
}

/** The data version of the session's last write (the cookie), or null without a usable one. */
export function seenVersionOf(request: FastifyRequest): bigint | null {
  const value = request.cookies[SEEN_VERSION_COOKIE];
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/**
 * Where this request reads: the replica when there is one and it has replayed the session's last write, else the
 * primary (also when the replica cannot be reached). Names the choice (and the replica's lag) in the answer's headers.
 */
export async function readerFor(
  deps: Pick<AppDeps, 'db' | 'readDb'>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Reader> {
  if (!deps.readDb) return { db: deps.db, from: 'primary', lag: null };
  let state: ReplicaState;
  try {
    state = await replicaState(deps.readDb);
  } catch (error) {
    // A replica that is down (or refusing connections) must not take the dashboards with it: the primary answers.
    request.log.warn({ err: error }, 'read replica unavailable; reading the primary');
    void reply.header('x-kp-read-from', 'primary');
    return { db: deps.db, from: 'primary', lag: null };
  }
  const seen = seenVersionOf(request);
  if (seen !== null && seen > state.version) {
    void reply.header('x-kp-read-from', 'primary');
    return { db: deps.db, from: 'primary', lag: null };
  }
  void reply.header('x-kp-read-from', 'replica').header('x-kp-replica-lag', String(state.lagSeconds));
  if (state.asOf) void reply.header('x-kp-data-as-of', state.asOf);
  return { db: deps.readDb, from: 'replica', lag: { lagSeconds: state.lagSeconds, asOf: state.asOf } };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * With a replica, each successful write tells its session the primary's data version after it (the cookie), so
 * that the session's next reads wait for the replica to replay it — on whichever instance they land.
 */
export function registerReadYourWrites(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'readDb' | 'config'>): void {
  if (!deps.readDb) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!WRITE_METHODS.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith('/api/')) {
      return payload;
    }
    const version = await readDataVersion(deps.db);
    void reply.setCookie(SEEN_VERSION_COOKIE, version.toString(), {
      path: '/api/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.cookieSecure,
    });
    return payload;
  });
}
