/**
 * Drill lists that survive navigation (issue #12, item 5), on the demo city as of 2021-05-20: the city
 * administrator opens 本年完成投资 (listed by completions, largest first), sorts by total investment, opens
 * a project, and Back brings the same list, with the same sort, open again. Screenshots on a desktop and a phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';
import { DashboardPage } from './pages/dashboard.page.ts';

const rig = startForSpec();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results', 'screenshots');

/** A 万元 amount as the table shows it (grouped) turned back into a number. */
const amount = (text: string) => Number(text.replace(/,/g, ''));

describe('a drill list kept in the URL', () => {
  it('opens by the figure clicked, sorts by a column, and is open again after Back from a project', async () => {
    const { baseUrl } = rig().running;
    const { page } = await rig().signIn('city_admin', DESKTOP);
    const dashboard = new DashboardPage(page);
    await dashboard.open(baseUrl, '2021-05-20');

    const drawer = await dashboard.drill('completedYtd');
    expect(new URL(page.url()).searchParams.get('measure')).toBe('completedYtd');
    expect(await drawer.header('本年完成').getAttribute('aria-sort')).toBe('descending');
    const completed = await drawer.root().locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
    const values = completed.map(amount);
    expect(values[0]).toBeGreaterThan(0);
    expect(values).toEqual([...values].sort((a, b) => b - a));

    // Re-sorted by total investment, largest first.
    await drawer.sortBy('总投资');
    // The address changes first; the table re-renders from it a moment later.
    await expect.poll(() => drawer.header('总投资').getAttribute('aria-sort')).toBe('descending');
    const url = new URL(page.url());
    expect([url.searchParams.get('sort'), url.searchParams.get('order')]).toEqual(['totalInvestment', 'desc']);
    const names = await drawer.names();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'drill-desktop.png') });

    await drawer.root().getByRole('link', { name: names[0] }).click();
    await page.waitForURL(/\/projects\/\d+/);
    await page.goBack();
    await drawer
      .total()
      .filter({ hasText: /共 \d+ 个项目/ })
      .waitFor();
    expect(await drawer.header('总投资').getAttribute('aria-sort')).toBe('descending');
    expect(await drawer.names()).toEqual(names);

    const exportLink = await drawer.root().getByTestId('export-drill-projects').getAttribute('href');
    expect(exportLink).toContain('sort=totalInvestment');
    expect(exportLink).toContain('order=desc');
  });

  it('reopens a shared link on a phone, with the order picked above the list', async () => {
    const { baseUrl } = rig().running;
    const { page } = await rig().signIn('city_admin', PHONE);
    await page.goto(`${baseUrl}/dashboard?asOf=2021-05-20&title=开复工项目&drill=started&sort=startedOn&order=desc`);
    const drawer = new DashboardPage(page);
    await drawer.value('startedOrResumed').waitFor();
    const list = page.getByTestId('drill-drawer');
    await list
      .getByTestId('drill-total')
      .filter({ hasText: /共 \d+ 个项目/ })
      .waitFor();
    await expect.poll(() => list.getByTestId('drill-sort').innerText()).toContain('开（复）工日期');
    await list.getByTestId('drill-table').getByRole('link').first().waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'drill-phone.png') });
  });
});
