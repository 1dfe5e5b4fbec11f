/**
 * The lifecycle migration moves the existing stage field onto the default template: every project gets the
 * transitions its stage and actual dates imply, and a project inserted afterwards (any path) gets its first one
 * from the trigger. Run from the migration before it, on projects written the old way.
 */
import { sql, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { createOrganization } from '../../test/factories.ts';
import type { Database } from './database.ts';
import { MIGRATIONS, migrateToLatest } from './migrate.ts';

let database: Database;
let ownerId: number;

async function insertProject(code: string, stage: string, dates: Record<string, string | null> = {}) {
  const row = await sql<{ id: number }>`
    insert into projects (code, name, owner_org_id, region_code, levels, category, nature, total_investment, stage,
      actual_start_date, actual_completion_date, actual_production_date)
    values (${code}, ${'项目' + code}, ${ownerId}, '230602', '{municipal}', 'industry', 'new', 100000, ${stage},
      ${dates.start ?? null}, ${dates.completion ?? null}, ${dates.production ?? null})
    returning id`.execute(database.db);
  const [inserted] = row.rows;
  if (!inserted) throw new Error('no project inserted');
  return inserted.id;
}

async function transitionsOf(projectId: number) {
  const rows = await database.db
    .selectFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .orderBy('occurred_on')
    .orderBy('id')
    .select(['stage_code', 'phase', 'occurred_on', 'source'])
    .execute();
  return rows.map((r) => `${r.stage_code}@${r.occurred_on}:${r.source}`);
}

beforeAll(async () => {
  // A fresh database brought to the migration before the lifecycle's, then projects written the old way.
  database = await createTestDatabase();
  await sql`drop schema public cascade`.execute(database.db);
  await sql`create schema public`.execute(database.db);
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
  const before = await migrator.migrateTo('2026120703_notice_templates');
  if (before.error) throw new Error('migrating to the version before the lifecycle failed', { cause: before.error });
  ownerId = await createOrganization(database.db);
});
afterAll(() => database.close());

describe('the lifecycle migration', () => {
  it('derives transitions from the stage and actual dates, and seeds new projects by trigger', async () => {
    const reserve = await insertProject('2103-230602-04-01-900001', 'reserve');
    const building = await insertProject('2103-230602-04-01-900002', 'construction', { start: '2020-03-01' });
    const producing = await insertProject('2103-230602-04-01-900003', 'full_capacity', {
      start: '2019-04-01',
      completion: '2020-06-30',
      production: '2020-09-01',
    });
    await migrateToLatest(database.db);

    expect(await transitionsOf(building)).toEqual([
      'started@2020-03-01:migration',
      'construction@2020-03-01:migration',
    ]);
    expect(await transitionsOf(producing)).toEqual([
      'started@2019-04-01:migration',
      'construction@2019-04-01:migration',
      'completed@2020-06-30:migration',
      'production@2020-09-01:migration',
      'full_capacity@2020-09-01:migration',
    ]);
    const [reserveRow] = await transitionsOf(reserve);
    expect(reserveRow).toMatch(/^reserve@\d{4}-\d{2}-\d{2}:migration$/);

    const project = await database.db
      .selectFrom('projects')
      .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
      .where('projects.id', '=', building)
      .select(['t.code', 'projects.lifecycle_stage'])
      .executeTakeFirstOrThrow();
    expect(project).toEqual({ code: 'default', lifecycle_stage: 'construction' });

    const later = await insertProject('2103-230602-04-01-900004', 'started', { start: '2021-05-02' });
    expect(await transitionsOf(later)).toEqual(['started@2021-05-02:create']);
  });
});
