import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startApp, type RunningApp } from './harness.ts';
import { LoginPage } from './pages/login.page.ts';
import { ProjectDetailPage, ProjectFormPage, ProjectListPage } from './pages/projects.page.ts';

let running: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser.close();
  await running.close();
});

describe('the project library in the browser', () => {
  it('lets a district user see only its district, edit a project and find the change in its audit history', async () => {
    const staff = running.demo.users.find((u) => u.role === 'district_staff');
    if (!staff?.regionCode) throw new Error('the demo has no district account');
    const districtName = running.demo.regions.find((r) => r.code === staff.regionCode)?.name ?? '';

    await new LoginPage(page).signIn(running.baseUrl, staff.username, running.demo.password);

    const list = new ProjectListPage(page);
    await list.open(running.baseUrl);
    const regions = await list.columnTexts('所属区域');
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set([districtName]));

    const [firstName] = await list.columnTexts('项目名称');
    if (!firstName) throw new Error('empty list');
    await list.openProject(firstName.trim());

    const detail = new ProjectDetailPage(page);
    await detail.edit();
    const form = new ProjectFormPage(page);
    const newLeader = '王副区长（浏览器测试）';
    await form.setText('包联领导', newLeader);
    await form.save();

    await expect.poll(() => page.getByText(newLeader).first().isVisible(), { timeout: 15_000 }).toBe(true);
    const history = detail.auditHistory();
    await history.getByText(newLeader).first().waitFor({ timeout: 15_000 });
    expect(await history.innerText()).toContain(staff.username);
  });
});
