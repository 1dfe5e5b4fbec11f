/** The foundation's commands: migrate, seed-demo, create-admin, health. */
import { sql } from 'kysely';
import { ROLES } from '@keyprojects/core';
import { migrateToLatest } from '../db/migrate.ts';
import { generateDaqingDemo } from '../demo/daqing.generator.ts';
import { seedDemoCity } from '../demo/dispatch/seed-dispatch.ts';
import { createUser } from '../modules/user/user.service.ts';
import type { CliCommand } from './command.ts';

export const foundationCommands: Record<string, CliCommand> = {
  async migrate({ database, print }) {
    const applied = await migrateToLatest(database.db);
    print({ applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  async 'seed-demo'({ database, print }) {
    await migrateToLatest(database.db);
    const result = await seedDemoCity(database.db, generateDaqingDemo());
    print(
      { ...result },
      result.seeded
        ? `demo loaded: ${result.projects} projects, ${result.users} accounts`
        : 'database is not empty; demo not loaded',
    );
  },
  async 'create-admin'({ database, print, values }) {
    await migrateToLatest(database.db);
    const role = typeof values.role === 'string' ? ROLES.find((r) => r === values.role) : 'system_admin';
    if (!role) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const { username, password } = values;
    if (typeof username !== 'string' || typeof password !== 'string')
      throw new Error('--username and --password are required');
    const id = await createUser(database.db, null, {
      username,
      password,
      displayName: typeof values['display-name'] === 'string' ? values['display-name'] : username,
      role,
      regionCode: typeof values.region === 'string' ? values.region : null,
    });
    print({ id, username, role }, `created ${role} ${username} (id ${id})`);
  },
  async health({ database, print }) {
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
