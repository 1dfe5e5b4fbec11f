/**
 * The demo city's projects in preparation placed at a preparation step (their first transition is dated the day
 * the demo's list was published, 1 January of its year: seed-demo.ts sets their created_at).
 */
import type { Kysely } from 'kysely';
import { addDays, daysBetween } from '@keyprojects/core';
import { cliActor } from '../../cli/cli-actor.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { recordTransition } from '../../modules/lifecycle/lifecycle-transition.service.ts';

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
