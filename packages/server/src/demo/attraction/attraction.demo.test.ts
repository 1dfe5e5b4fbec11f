/**
 * The demo's attraction pipeline on top of the 大庆 city: leads in every state across the districts, dated before
 * the demo's date; the registered ones linked to the demo's projects and carrying their data, spread over the six
 * lists; the year's figures non-trivial; and a second load adding nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_STAGES, SIX_LISTS } from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import { cliActor } from '../../cli/cli-actor.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { attractionSummary, listLeads, sixLists } from '../../modules/attraction/attraction.service.ts';
import { getProject } from '../../modules/project/project.service.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedAttractionDemo } from './attraction.demo.ts';

let ctx: TestContext;
let seeded: Awaited<ReturnType<typeof seedAttractionDemo>>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  seeded = await seedAttractionDemo(ctx.db);
}, 300_000);
afterAll(() => ctx.close());

describe('the demo’s attraction pipeline', () => {
  it('has leads in every state across the districts, dated before the demo date', async () => {
    const actor = await cliActor(ctx.db, {});
    const deps = { db: ctx.db, clock: fixedClock(TEST_TODAY) };
    const { items } = await listLeads(deps, actor, {});
    expect(items).toHaveLength(seeded.leads);
    expect(seeded.linked).toBe(10);
    expect(new Set(items.map((l) => l.stage))).toEqual(new Set(LEAD_STAGES));
    expect(new Set(items.map((l) => l.regionCode)).size).toBeGreaterThanOrEqual(6);
    for (const lead of items) {
      expect(lead.createdOn >= '2020-01-01' && lead.createdOn <= TEST_TODAY).toBe(true);
      for (const day of [lead.frameworkOn, lead.contractOn, lead.registeredOn, lead.upgradeOn, lead.droppedOn])
        if (day !== null) expect(day >= lead.createdOn && day <= TEST_TODAY).toBe(true);
    }
    const registered = items.filter((l) => l.projectId !== null);
    expect(registered).toHaveLength(10);
    for (const lead of registered) {
      const project = await getProject(ctx.db, actor, lead.projectId ?? 0);
      expect({ name: project.name, regionCode: project.regionCode, totalInvestment: project.totalInvestment }).toEqual({
        name: lead.projectName,
        regionCode: lead.regionCode,
        totalInvestment: lead.amount,
      });
    }

    const lists = await sixLists(deps, actor, {});
    expect(lists.lists.map((l) => l.list)).toEqual([...SIX_LISTS]);
    expect(lists.lists.every((l) => l.count > 0)).toBe(true);

    const summary = await attractionSummary(deps, actor, { year: 2021 });
    expect(summary.total.planned).toBeGreaterThan(0);
    expect(summary.total.signed).toBeGreaterThan(0);
    expect(summary.total.landed).toBeGreaterThan(0);
    expect(summary.funnel.every((step) => step.count > 0)).toBe(true);
  });

  it('adds nothing on a second load', async () => {
    expect(await seedAttractionDemo(ctx.db)).toEqual({ leads: 0, linked: 0 });
  });
});
