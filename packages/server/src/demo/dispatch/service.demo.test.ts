/**
 * The service demo on the 大庆 demo city: the officer's visits over April–May 2021 to each paired project, never
 * after the demo's date and audited; one inspection requiring a rectification tracked as an assigned problem (the
 * unit's people notified), one online without; one project's video link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedServiceDemo } from './service.demo.ts';

let db: Kysely<DB>;
let close: () => Promise<void>;
let result: Awaited<ReturnType<typeof seedServiceDemo>>;

beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  close = () => database.close();
  const demo = generateDaqingDemo();
  await seedDemo(db, demo);
  result = await seedServiceDemo(db, fixedClock(demo.asOf));
}, 240_000);

afterAll(() => close());

describe('the service demo', () => {
  it('visits every project paired with the officer two to four times in April–May 2021', async () => {
    const rows = await db
      .selectFrom('service_visits as v')
      .innerJoin('users as u', 'u.id', 'v.officer_id')
      .select(['v.project_id', 'v.visited_on', 'u.username'])
      .execute();
    expect(rows.length).toBe(result.visits);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(['officer.demo']));
    for (const row of rows) expect(row.visited_on >= '2021-04-01' && row.visited_on <= '2021-05-20').toBe(true);
    const perProject = new Map<number, number>();
    for (const row of rows) perProject.set(row.project_id, (perProject.get(row.project_id) ?? 0) + 1);
    expect(perProject.size).toBe(20);
    for (const n of perProject.values()) expect(n >= 2 && n <= 4).toBe(true);
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('entity_type', '=', 'visit')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(rows.length);
  });

  it('records two inspections, the on-site one with its rectification assigned to the unit and notified', async () => {
    const inspections = await db.selectFrom('inspections').selectAll().orderBy('inspected_on').execute();
    expect(inspections.map((i) => [i.mode, i.rectify_by])).toEqual([
      ['online', null],
      ['onsite', '2021-06-10'],
    ]);
    const problem = await db
      .selectFrom('problems as p')
      .innerJoin('organizations as o', 'o.id', 'p.assigned_unit_id')
      .select(['p.source', 'p.inspection_id', 'p.agreed_final_due_on', 'o.kind'])
      .executeTakeFirstOrThrow();
    expect(problem).toEqual({
      source: 'inspection',
      inspection_id: inspections[1]?.id,
      agreed_final_due_on: '2021-06-10',
      kind: 'responsible_unit',
    });
    const notified = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('u.username')
      .where('n.entity_type', '=', 'problem')
      .execute();
    expect(notified.map((n) => n.username)).toContain('unit.demo');
    expect(await db.selectFrom('project_video_links').select('url').execute()).toEqual([
      { url: 'https://video.daqing.example.cn/live/rhl-site-01' },
    ]);
  });
});
