/**
 * Milestone plans through the browser (issue #11), on the demo city as of 2021-05-20: a district user generates a
 * plan backwards from a target date (倒排工期) for a project without one, moves the first node so that it was due
 * before today, approves the draft (it becomes the baseline), marks that node done today — late — and the node table
 * and the Gantt show it late against the baseline. Then the city's reserve library (储备库) by preparation step with
 * its drill-down, and the spring 集中开工 event with its summary. Screenshots of each on a desktop and a phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';
import { addDays, ProjectPlanCard } from './pages/plan.page.ts';

const rig = startForSpec();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TODAY = '2021-05-20';
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results', 'screenshots');

/** A project in the user's scope with no plan at all (neither approved nor draft), through the API. */
async function projectWithoutPlan(page: Page, baseUrl: string): Promise<number> {
  const list = await page.request.get(`${baseUrl}/api/v1/projects?pageSize=100`);
  const { items } = (await list.json()) as { items: { id: number }[] };
  for (const { id } of items) {
    const plan = (await (await page.request.get(`${baseUrl}/api/v1/projects/${id}/plan`)).json()) as {
      current: unknown;
      draft: unknown;
    };
    if (plan.current === null && plan.draft === null) return id;
  }
  throw new Error('every project in scope has a plan');
}

describe('a milestone plan built backwards, approved, and a node done late', () => {
  it('shows the late node against the baseline in the table and the Gantt', async () => {
    const baseUrl = rig().running.baseUrl;
    const staff = (await rig().signIn('district_staff', DESKTOP)).page;
    const projectId = await projectWithoutPlan(staff, baseUrl);
    const card = new ProjectPlanCard(staff);
    await card.open(baseUrl, projectId);

    // 1. Backwards from a target two months after the earliest feasible one: a draft to edit.
    await card.generate(60);
    // 2. The first node was due ten days ago (its start a month before that), then approval makes it the baseline.
    await card.moveFirstNode(addDays(TODAY, -40), addDays(TODAY, -10));
    await card.approve();
    expect(await card.card().innerText()).toContain('基线 v1');
    // 3. Done today: ten days late against the baseline and against the plan.
    const key = await card.firstNodeKey();
    await card.markDone(key, TODAY);
    const row = await card.rows().first().innerText();
    expect(row).toContain('已完成');
    expect(row).toContain(`${addDays(TODAY, -40)} ~ ${addDays(TODAY, -10)}`);
    expect(row.match(/10 天/g)?.length).toBe(2);
    await card.gantt().locator('canvas').first().waitFor();

    mkdirSync(SHOTS, { recursive: true });
    await card.card().screenshot({ path: path.join(SHOTS, 'plan-gantt-desktop.png') });
    const phone = (await rig().signIn('district_staff', PHONE)).page;
    const phoneCard = new ProjectPlanCard(phone);
    await phoneCard.open(baseUrl, projectId);
    await phoneCard.gantt().locator('canvas').first().waitFor();
    expect(await phoneCard.rows().first().innerText()).toContain('10 天');
    await phoneCard.card().screenshot({ path: path.join(SHOTS, 'plan-gantt-phone.png') });
  });
});

describe('the reserve library and a groundbreaking event', () => {
  it('counts the reserve by step with a drill list, and shows the event with its totals', async () => {
    const baseUrl = rig().running.baseUrl;
    mkdirSync(SHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { page } = await rig().signIn('city_admin', viewport);
      await page.goto(`${baseUrl}/reserve`);
      const total = page.getByTestId('reserve-total');
      await expect.poll(async () => total.innerText()).toMatch(/储备项目共 \d+ 个/);
      const steps = page.getByTestId('reserve-steps');
      await steps.getByText('签订投资协议').first().click();
      const drill = page.getByTestId('reserve-projects');
      await drill.locator('tbody tr.ant-table-row').first().waitFor();
      expect(await drill.innerText()).toContain('储备');
      await page.screenshot({ path: path.join(SHOTS, `reserve-${name}.png`), fullPage: true });

      await page.goto(`${baseUrl}/events`);
      await expect.poll(async () => page.getByTestId('event-summary').innerText()).toContain('开工项目');
      await page.getByTestId('event-table').getByRole('link').first().click();
      const projects = page.getByTestId('event-projects');
      await projects.locator('tbody tr.ant-table-row').first().waitFor();
      expect(await page.locator('body').innerText()).toContain('集中开工');
      await page.screenshot({ path: path.join(SHOTS, `event-${name}.png`), fullPage: true });
    }
  });
});
