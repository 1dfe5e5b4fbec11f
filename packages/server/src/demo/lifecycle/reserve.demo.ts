/**
 * The 大庆 demo's reserve library, groundbreaking event and three-batches round (issue #11), written through the
 * lifecycle and event services so the rows are what the product itself would write. The demo's own projects were
 * loaded with the computer's clock as their registration day, so the reserve gets 34 projects of its own,
 * registered in November 2020 and walked through the five preparation steps (12 / 7 / 5 / 3 / 3 standing at them;
 * four more walk all five and are started by the event). The city's spring 集中开工 on 2021-04-28 starts those four
 * and lists the demo's projects that started in April 2021; the first 三个一批 round of 2021-03-01 lists signed,
 * planned-start and planned-production projects whose rates are neither nil nor full. Deterministic: fixed lists.
 */
import type { Kysely } from 'kysely';
import { addDays, wan } from '@keyprojects/core';
import { cliActor } from '../../cli/cli-actor.ts';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { addBatchProjects, createRound } from '../../modules/batch/batch.service.ts';
import { addEventProjects, createEvent } from '../../modules/event/event.service.ts';
import { recordTransition } from '../../modules/lifecycle/lifecycle-transition.service.ts';

const STEPS = [
  ['reserve', 'investment_agreement'],
  ['preparation', 'proposal_feasibility'],
  ['preparation', 'approval_land_planning'],
  ['preparation', 'design_drawings'],
  ['preparation', 'site_preparation'],
] as const;
/** How many reserve projects stand at each step, and the days (before a project's offset) they reached them. */
const SHARES = [12, 7, 5, 3, 3];
const STEP_DAYS = ['2020-12-14', '2021-01-18', '2021-03-08', '2021-04-06', '2021-05-06'];
/** The four started by the event walk all five steps before it. */
const EVENT_DAYS = ['2020-12-07', '2021-01-11', '2021-02-22', '2021-03-15', '2021-04-09'];
const DISTRICTS = ['230602', '230603', '230604', '230605', '230606', '230671'];
const NAMES = ['新材料产业园', '智能装备制造基地', '冷链物流中心', '生物发酵项目', '光伏发电项目', '精细化工项目'];
const EVENT_ON = '2021-04-28';
const ROUND_ON = '2021-03-01';

interface NewReserve {
  id: number;
  stepIndex: number;
}

/** Inserts a reserve project registered on `createdOn` (its first transition carries that day). */
async function insertReserveProject(db: Kysely<DB>, n: number, ownerOrgId: number, createdOn: string) {
  const regionCode = DISTRICTS[n % DISTRICTS.length] ?? '230602';
  const row = await db
    .insertInto('projects')
    .values({
      code: `2011-${regionCode}-04-01-${String(880000 + n)}`,
      name: `大庆${NAMES[n % NAMES.length] ?? '储备项目'}（储备${n + 1}号）`,
      owner_org_id: ownerOrgId,
      region_code: regionCode,
      levels: ['municipal'],
      category: 'industry',
      nature: 'reserve',
      total_investment: wan(3000 + ((n * 1700) % 42000)),
      stage: 'reserve',
      tags: ['储备库'],
      in_statistics: false,
      created_at: `${createdOn}T02:00:00Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function walk(db: Kysely<DB>, actor: Actor, projectId: number, days: readonly string[], asOf: string) {
  await db.transaction().execute(async (trx) => {
    for (const [index, day] of days.entries()) {
      const [stageCode, stepCode] = STEPS[index] ?? STEPS[0];
      const request = { projectId, stageCode, stepCode, occurredOn: day, note: null, source: 'manual' as const };
      // The demo writes history: the back-dating window a user is held to does not apply to it.
      await recordTransition(trx, actor, request, { today: asOf, backdateWindowDays: 3650 });
    }
  });
}

/** The reserve projects: SHARES standing at each step, then the four the event starts. */
async function seedReserve(db: Kysely<DB>, actor: Actor, asOf: string) {
  const owners = await db.selectFrom('organizations').where('kind', '=', 'owner').orderBy('id').select('id').execute();
  const ownerOf = (n: number) => owners[n % Math.max(owners.length, 1)]?.id ?? 0;
  const reserve: NewReserve[] = [];
  let n = 0;
  for (const [stepIndex, share] of SHARES.entries()) {
    for (let k = 0; k < share; k += 1, n += 1) {
      const id = await insertReserveProject(db, n, ownerOf(n), addDays('2020-11-02', n));
      const days = STEP_DAYS.slice(0, stepIndex + 1).map((d) => addDays(d, k % 4));
      await walk(db, actor, id, days, asOf);
      reserve.push({ id, stepIndex });
    }
  }
  const toStart: number[] = [];
  for (let k = 0; k < 4; k += 1, n += 1) {
    const id = await insertReserveProject(db, n, ownerOf(n), addDays('2020-11-02', n));
    await walk(db, actor, id, EVENT_DAYS, asOf);
    toStart.push(id);
  }
  return { reserve, toStart };
}

/** The demo's own projects started in a date range (or in production by asOf), largest first. */
async function demoProjects(db: Kysely<DB>, actor: Actor, filter: 'aprilStarts' | 'producing' | 'completed') {
  let query = scopedProjects(db, actor).where('projects.code', 'not like', '2011-%');
  if (filter === 'aprilStarts')
    query = query
      .where('projects.actual_start_date', '>=', '2021-04-01')
      .where('projects.actual_start_date', '<=', '2021-04-30');
  if (filter === 'producing') query = query.where('projects.stage', 'in', ['production', 'full_capacity']);
  if (filter === 'completed') query = query.where('projects.stage', '=', 'completed');
  const rows = await query
    .select('projects.id')
    .orderBy('projects.total_investment', 'desc')
    .orderBy('projects.id')
    .limit(filter === 'aprilStarts' ? 8 : 3)
    .execute();
  return rows.map((r) => r.id);
}

/** Seeds the reserve, the event and the round as of the demo's date (once: nothing when an event exists). */
export async function seedReserveDemo(
  db: Kysely<DB>,
  asOf: string,
): Promise<{ reserve: number; eventProjects: number; batchProjects: number }> {
  const existing = await db.selectFrom('groundbreaking_events').select('id').limit(1).executeTakeFirst();
  if (existing) return { reserve: 0, eventProjects: 0, batchProjects: 0 };
  const actor = await cliActor(db, {});
  const deps = { db, clock: fixedClock(asOf) };
  const { reserve, toStart } = await seedReserve(db, actor, asOf);

  const aprilStarts = await demoProjects(db, actor, 'aprilStarts');
  const event = await createEvent(deps, actor, {
    name: '大庆市2021年春季重大项目集中开工',
    heldOn: EVENT_ON,
    level: 'city',
    place: '大庆高新区主会场',
    regionCode: '230600',
    note: '全市设主会场和分会场，重大项目集中开工。',
  });
  await addEventProjects(deps, actor, event.id, { projectIds: [...toStart, ...aprilStarts] });

  const round = await createRound(deps, actor, {
    name: '2021年第一批“三个一批”',
    heldOn: ROUND_ON,
    regionCode: '230600',
    note: '签约一批、开工一批、投产一批。',
  });
  // Signed: four still at the agreement, two that moved on before the round, four that moved on after it.
  const at = (stepIndex: number) => reserve.filter((r) => r.stepIndex === stepIndex).map((r) => r.id);
  const signed = [...at(0).slice(0, 4), ...at(1).slice(0, 2), ...at(2).slice(0, 2), ...at(3).slice(0, 2)];
  await addBatchProjects(deps, actor, round.id, {
    batch: 'sign',
    projects: signed.map((projectId) => ({ projectId })),
  });
  const starts = [...toStart, ...at(4).slice(0, 2), ...aprilStarts.slice(0, 2)];
  await addBatchProjects(deps, actor, round.id, {
    batch: 'start',
    projects: starts.map((projectId) => ({ projectId, plannedOn: '2021-04-30' })),
  });
  const productions = [
    ...(await demoProjects(db, actor, 'producing')),
    ...(await demoProjects(db, actor, 'completed')),
  ];
  if (productions.length > 0)
    await addBatchProjects(deps, actor, round.id, {
      batch: 'production',
      projects: productions.map((projectId) => ({ projectId, plannedOn: '2021-06-30' })),
    });
  return {
    reserve: reserve.length + toStart.length,
    eventProjects: toStart.length + aprilStarts.length,
    batchProjects: signed.length + starts.length + productions.length,
  };
}
