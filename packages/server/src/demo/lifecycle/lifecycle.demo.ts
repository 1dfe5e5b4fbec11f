/**
 * The demo's projects on the demo's calendar: the insert trigger dates a not-yet-started project's first transition
 * on the computer's date (2026), which in a demo frozen on 2021-05-20 lies in the future, so the reserve library would
 * not count the project and every step recorded in 2021 would be out of order. The demo's key-project list is taken
 * as published at the start of the demo year, so that is when those projects entered it. Its projects in
 * preparation are then placed at a preparation step.
 */
import { sql, type Kysely } from 'kysely';
import { addDays, daysBetween } from '@keyprojects/core';
import { cliActor } from '../../cli/cli-actor.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { recordTransition } from '../../modules/lifecycle/lifecycle-transition.service.ts';

/** Re-dates the first transitions dated after the demo's date to 1 January of its year; returns how many. */
export async function dateFirstTransitionsInDemoYear(db: Kysely<DB>, asOf: string): Promise<number> {
  const listedOn = `${asOf.slice(0, 4)}-01-01`;
  const result = await sql`
    update lifecycle_transitions set occurred_on = ${listedOn}
    where source = 'create' and occurred_on > ${asOf}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A preparation step and how many days before the demo's date a project reached it, by days left to its start. */
const STEP_BY_DAYS_TO_START: readonly { within: number; step: string; daysAgo: number }[] = [
  { within: 45, step: 'site_preparation', daysAgo: 20 },
  { within: 120, step: 'design_drawings', daysAgo: 45 },
  { within: 240, step: 'approval_land_planning', daysAgo: 80 },
  { within: Infinity, step: 'proposal_feasibility', daysAgo: 110 },
];

/**
 * The demo city's own projects in preparation stand at a step as their planned start suggests (the nearer the start,
 * the further along), recorded through the lifecycle service so the reserve library counts them by step rather than
 * as "no step recorded". Returns how many were placed.
 */
export async function placePreparationSteps(db: Kysely<DB>, asOf: string): Promise<number> {
  const actor = await cliActor(db, {});
  const projects = await scopedProjects(db, actor)
    .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
    .where('t.code', '=', 'default')
    .where('projects.stage', '=', 'preparation')
    .where('projects.lifecycle_step', 'is', null)
    .orderBy('projects.id')
    .select(['projects.id', 'projects.planned_start_date as plannedStart'])
    .execute();
  for (const project of projects) {
    const daysToStart = project.plannedStart ? daysBetween(asOf, project.plannedStart) : Infinity;
    const place = STEP_BY_DAYS_TO_START.find((s) => daysToStart <= s.within) ?? STEP_BY_DAYS_TO_START[3];
    if (!place) continue;
    const request = {
      projectId: project.id,
      stageCode: 'preparation',
      stepCode: place.step,
      occurredOn: addDays(asOf, -place.daysAgo),
      note: null,
      source: 'manual' as const,
    };
    await db
      .transaction()
      .execute((trx) => recordTransition(trx, actor, request, { today: asOf, backdateWindowDays: 3650 }));
  }
  return projects.length;
}
