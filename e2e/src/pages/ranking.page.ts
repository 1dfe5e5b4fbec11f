/** Page model of the rankings page (赛马排名): the ranked table, publishing, the explanation drawer, the export. */
import type { Download, Locator, Page } from 'playwright-core';

export class RankingPage {
  constructor(private readonly page: Page) {}

  /** Opens the ranking of a scheme and period and waits for its units. */
  async open(baseUrl: string, scheme: string, period: string): Promise<void> {
    await this.page.goto(`${baseUrl}/rankings?scheme=${scheme}&period=${period}`);
    await this.rows().first().waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  }

  /** The units' names in rank order. */
  async unitNames(): Promise<string[]> {
    return this.page.getByTestId('ranking-table').locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
  }

  /** Publishes after the confirmation and waits for the frozen edition's banner; returns the banner's text. */
  async publish(): Promise<string> {
    await this.page.getByTestId('ranking-publish').click();
    await this.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    const banner = this.page.getByTestId('edition-banner');
    await banner.waitFor();
    return banner.innerText();
  }

  editions(): Locator {
    return this.page.getByTestId('ranking-editions');
  }

  /** Opens the explanation of the unit in the row and returns the drawer. */
  async explain(row: number): Promise<Locator> {
    await this.rows().nth(row).locator('td').nth(1).getByRole('button').click();
    const total = this.page.getByTestId('explain-total');
    await total.waitFor();
    // The drawer slides in: wait until its total stands still for 50 ms, so a screenshot shows it whole.
    for (let last = Number.NaN; ;) {
      const left = (await total.boundingBox())?.x ?? Number.NaN;
      if (left === last) break;
      last = left;
      await this.page.waitForTimeout(50);
    }
    return this.page.locator('.ant-drawer').filter({ has: total });
  }

  /** Clicks 导出Excel and returns the download. */
  async export(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('ranking-export').click(),
    ]);
    return download;
  }
}
