/** Page model of the leaders' dashboard (驾驶舱) and its drill-down drawer. */
import type { Locator, Page } from 'playwright-core';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, asOf: string): Promise<void> {
    await this.page.goto(`${baseUrl}/dashboard?asOf=${asOf}`);
    await this.value('startedOrResumed').waitFor();
  }

  /** The clickable number of a headline card (projects, startedOrResumed, completedYtd …). */
  value(figure: string): Locator {
    return this.page.getByTestId(`figure-${figure}`).locator('.kp-figure-value');
  }

  /** The number as shown (without its unit) and the exact value behind it (a count, or 万元). */
  async figure(figure: string): Promise<{ shown: string; exact: string }> {
    const value = this.value(figure);
    const [text, unit, exact] = await Promise.all([
      value.innerText(),
      value.locator('.kp-figure-unit').innerText(),
      value.getAttribute('data-value'),
    ]);
    return { shown: text.replace(unit, '').trim(), exact: exact ?? '' };
  }

  /** Clicks a headline number and waits for the drawer listing the projects behind it. */
  async drill(figure: string): Promise<DrillDrawer> {
    await this.value(figure).click();
    const drawer = new DrillDrawer(this.page);
    await drawer
      .total()
      .filter({ hasText: /共 \d+ 个项目/ })
      .waitFor();
    return drawer;
  }
}

export class DrillDrawer {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('drill-drawer');
  }

  total(): Locator {
    return this.root().getByTestId('drill-total');
  }

  /** The total the drawer states (“截至 … 共 N 个项目”). */
  async count(): Promise<number> {
    const text = await this.total().innerText();
    return Number(/共 (\d+) 个项目/.exec(text)?.[1] ?? Number.NaN);
  }

  /** The project links of the list's current page, in order. */
  async names(): Promise<string[]> {
    // A new order keeps the previous rows on screen (spinning) until the reordered ones arrive: read after them.
    await this.root().locator('.ant-spin-spinning').waitFor({ state: 'hidden' });
    const links = this.root().getByTestId('drill-table').getByRole('link');
    await links.first().waitFor();
    return links.allInnerTexts();
  }

  /** A column header of the table (e.g. 总投资, 本年完成). */
  header(title: string): Locator {
    return this.root().locator('th').filter({ hasText: title });
  }

  /** Clicks a column header and waits for the list to come back in the new order (kept in the URL). */
  async sortBy(title: string): Promise<void> {
    // A click while the list is loading is not taken: wait for it to settle first.
    await this.root().locator('.ant-spin-spinning').waitFor({ state: 'hidden' });
    const before = this.page.url();
    await this.header(title).click();
    // The order is written with history.replaceState, which is no navigation to wait for: poll the address.
    for (let tries = 0; tries < 100 && this.page.url() === before; tries += 1) await this.page.waitForTimeout(100);
    await this.root().locator('.ant-spin-spinning').waitFor({ state: 'hidden' });
  }

  /** Narrows the list to a name and returns the project links left. */
  async find(name: string): Promise<string[]> {
    await this.root().getByPlaceholder('在清单中查找项目名称或代码').fill(name);
    const links = this.root().getByTestId('drill-table').getByRole('link');
    await links.first().waitFor();
    return links.allInnerTexts();
  }
}
