import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatWan, parseWan } from '../../packages/core/src/money.ts';
import { startForSpec } from './harness.ts';
import { DashboardPage } from './pages/dashboard.page.ts';
import { ReportFileListPage, ReviewDeskPage } from './pages/reporting.page.ts';

const rig = startForSpec();

/** A signed-in page of its own (own cookies) for a demo user of the role. */
async function signedIn(role: string, viewport: { width: number; height: number }): Promise<Page> {
  return (await rig().signIn(role, viewport)).page;
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const AS_OF = '2021-05-20';
const AMOUNT = '1234.56';

describe('monthly reporting from the owner to the leaders’ dashboard', () => {
  it('files a start on a phone, has it approved, and shows it on the dashboard and in its drill-down', async () => {
    // The leader's figures before: 299 projects started or resumed.
    const leader = await signedIn('leader', DESKTOP);
    // Leaders land on the dashboard, owners on their reports.
    await leader.waitForURL((url) => url.pathname === '/dashboard');
    const dashboard = new DashboardPage(leader);
    await dashboard.open(rig().running.baseUrl, AS_OF);
    const startedBefore = await dashboard.figure('startedOrResumed');
    expect(startedBefore.shown).toBe('299');
    const completedBefore = parseWan((await dashboard.figure('completedYtd')).exact);
    if (completedBefore === null) throw new Error('no completed investment on the dashboard');

    // The owner, on a phone, lands on its reports and files May for the project that has not started.
    const owner = await signedIn('owner', PHONE);
    await owner.waitForURL((url) => url.pathname === '/reports/file');
    const list = new ReportFileListPage(owner);
    await list.open(rig().running.baseUrl);
    const [project] = await list.projectsIn('not_started');
    if (!project) throw new Error('the demo owner has no project without a May report');
    const form = await list.openReport(project);
    await form.setAmount(AMOUNT);
    await form.setStarted(true);
    await form.setStartDate('2021-05-18');
    await expect.poll(() => form.ytd().innerText()).toContain('1,234.56');
    await form.submit();
    await list.open(rig().running.baseUrl);
    expect(await list.stateOf(project)).toBe('submitted');

    // The district approves it on the review desk.
    const staff = await signedIn('district_staff', DESKTOP);
    const desk = new ReviewDeskPage(staff);
    await desk.open(rig().running.baseUrl, 2021, 5);
    await desk.tab('已提交');
    const drawer = await desk.openReport(project);
    expect(await drawer.getByTestId('figure-amount').innerText()).toContain('1,234.56');
    await desk.approve(drawer);
    await desk.row(project).waitFor({ state: 'detached' });
    await desk.tab('县区已审核');
    expect(await desk.row(project).locator('[data-state]').getAttribute('data-state')).toBe('approved');

    // The dashboard counts it: 300 started, completed investment up by the amount, and the drill-down lists it.
    await dashboard.open(rig().running.baseUrl, AS_OF);
    const startedAfter = await dashboard.figure('startedOrResumed');
    expect(startedAfter.shown).toBe('300');
    const amount = parseWan(AMOUNT) ?? 0n;
    expect((await dashboard.figure('completedYtd')).exact).toBe(formatWan(completedBefore + amount));
    const drill = await dashboard.drill('startedOrResumed');
    expect(await drill.count()).toBe(300);
    expect(await drill.find(project)).toContain(project);
    // Four sign-ins and three roles' pages: more than the default timeout on a slow machine.
  }, 240_000);
});
