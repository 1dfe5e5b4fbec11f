/**
 * The command line: `npm run cli -- <command> [options]`. Each command takes --json for machine-readable
 * output and --data-dir (or DATABASE_URL) to choose the database.
 *   migrate                      apply pending migrations
 *   seed-demo                    load the demo city into an empty database
 *   create-admin --username U --password P [--role R] [--region CODE] [--display-name N]
 *   health                       check the database and print what it holds
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ROLES, type Role } from '@keyprojects/core';
import { loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { generateDaqingDemo } from './demo/daqing.generator.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { AppError } from './errors.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { createUser } from './modules/user/user.service.ts';
import type { Database } from './db/database.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', default: 'system_admin' },
    region: { type: 'string' },
    'display-name': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

type Output = Record<string, unknown>;

function print(output: Output, text: string) {
  console.log(
    values.json ? JSON.stringify(output, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : text,
  );
}

const commands: Record<string, (database: Database) => Promise<void>> = {
  async migrate(database) {
    const applied = await migrateToLatest(database.db);
    print({ applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  async 'seed-demo'(database) {
    await migrateToLatest(database.db);
    const result = await seedDemo(database.db, generateDaqingDemo());
    print(
      { ...result },
      result.seeded
        ? `demo loaded: ${result.projects} projects, ${result.users} accounts`
        : 'database is not empty; demo not loaded',
    );
  },
  async 'create-admin'(database) {
    await migrateToLatest(database.db);
    const role = values.role as Role;
    if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    if (!values.username || !values.password) throw new Error('--username and --password are required');
    const id = await createUser(database.db, null, {
      username: values.username,
      password: values.password,
      displayName: values['display-name'] ?? values.username,
      role,
      regionCode: values.region ?? null,
    });
    print({ id, username: values.username, role }, `created ${role} ${values.username} (id ${id})`);
  },
  async health(database) {
    const row = await sql<{ version: string; now: Date }>`select version() as version, now() as now`.execute(
      database.db,
    );
    const counts = await database.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('projects')
          .where('deleted_at', 'is', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('projects'),
        eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).as('users'),
      ])
      .executeTakeFirstOrThrow();
    const output = {
      status: 'ok',
      database: database.kind,
      location: database.location,
      server: row.rows[0]?.version.split(' ').slice(0, 2).join(' '),
      projects: Number(counts.projects),
      users: Number(counts.users),
    };
    print(output, `ok: ${output.database} (${output.location}), ${output.projects} projects, ${output.users} users`);
  },
};

async function main() {
  const [name] = positionals;
  const command = name ? commands[name] : undefined;
  if (values.help || !command) {
    console.log(`usage: npm run cli -- <${Object.keys(commands).join('|')}> [--json] [--data-dir DIR]`);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig({ ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) });
  const database = await openConfiguredDatabase(config);
  try {
    await command(database);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const text =
    error instanceof AppError
      ? `${error.code}: ${JSON.stringify(error.fields ?? error.messageKey)}`
      : error instanceof Error
        ? error.message
        : String(error);
  if (values.json) console.log(JSON.stringify({ status: 'error', error: text }));
  else console.error(text);
  process.exit(1);
});
