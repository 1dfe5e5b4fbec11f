/**
 * The dispatch loop's demo on top of the 大庆 city (issue #10), each part through its module's services so that the
 * rows are what the product itself would write: problems in every state first, then the warnings evaluated on
 * three dates (the problem rule sees those problems' clocks), then two weekly dispatch meetings whose agendas are
 * those warnings and problems, then the officers' visits and the inspections.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { DaqingDemo } from '../daqing.types.ts';
import { seedDemo, type SeedResult } from '../seed-demo.ts';
import { seedPlansDemo } from '../lifecycle/plans.demo.ts';
import { seedMeetingsDemo } from './meetings.demo.ts';
import { seedProblemsDemo } from './problems.demo.ts';
import { seedServiceDemo } from './service.demo.ts';
import { seedWarningsDemo } from './warnings.demo.ts';
import { seedReserveDemo } from '../lifecycle/reserve.demo.ts';
import { placePreparationSteps } from '../lifecycle/lifecycle.demo.ts';
import { seedAttractionDemo } from '../attraction/attraction.demo.ts';
import { seedFinancingDemo } from '../financing/financing.demo.ts';
import { seedRankingDemo } from '../ranking/ranking.demo.ts';

export interface DispatchSeedResult {
  problems: number;
  warningsActive: number;
  meetings: number;
  decisions: number;
  visits: number;
  inspections: number;
}

/** Seeds the dispatch demo as of the demo's date, on a database `seedDemo` has just filled. */
export async function seedDispatchDemo(db: Kysely<DB>, asOf: string): Promise<DispatchSeedResult> {
  const { problems } = await seedProblemsDemo(db, asOf);
  const evaluations = await seedWarningsDemo(db, asOf);
  const meetings = await seedMeetingsDemo(db);
  const service = await seedServiceDemo(db, fixedClock(asOf));
  const last = evaluations.at(-1);
  return {
    problems,
    warningsActive: last ? last.raised + last.confirmed : 0,
    meetings: meetings.meetings,
    decisions: meetings.decisions,
    visits: service.visits,
    inspections: service.inspections,
  };
}

/** The whole demo: the city (projects, accounts, reports) and, when it was loaded now, its dispatch loop. */
export async function seedDemoCity(
  db: Kysely<DB>,
  demo: DaqingDemo,
): Promise<SeedResult & { dispatch: DispatchSeedResult | null }> {
  const result = await seedDemo(db, demo);
  if (result.seeded) await placePreparationSteps(db, demo.asOf);
  if (result.seeded) await seedReserveDemo(db, demo.asOf);
  if (result.seeded) await seedPlansDemo(db, demo.asOf); // before the dispatch loop: its warnings see the plans
  // Before the rankings: their 招商签约额 reads the leads.
  if (result.seeded) await seedAttractionDemo(db);
  if (result.seeded) await seedFinancingDemo(db, demo.asOf);
  const dispatch = result.seeded ? await seedDispatchDemo(db, demo.asOf) : null;
  // After the dispatch loop: the rankings read its warnings and problems.
  if (result.seeded) await seedRankingDemo(db, demo.asOf);
  return { ...result, dispatch };
}
