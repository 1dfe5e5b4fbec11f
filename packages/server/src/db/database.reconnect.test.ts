/**
 * On a PostgreSQL server, an idle pooled connection that the server closes (a restart, a terminated backend) is
 * dropped and the next query reconnects: the pool's 'error' event is heard, so it does not end the process.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';

const url = process.env.DATABASE_URL;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe.skipIf(!url)('a connection the server closes', () => {
  it('is replaced on the next query', async () => {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]?.pid;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // The idle client learns of the close from the socket.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    expect(after.rows[0]?.pid).not.toBe(pid);
  });
});
