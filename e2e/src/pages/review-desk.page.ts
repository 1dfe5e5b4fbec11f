/** The review desk's batch decisions and filing progress panel, as a city reviewer uses them. */
import type { Locator, Page } from 'playwright-core';

/** The figures of one row of the progress panel (a district, or 合计). */
export interface ProgressFigures {
  expected: number;
  filed: number;
  approved: number;
  confirmed: number;
  missing: number;
  late: number;
}

export class ReviewBatchPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, query: string): Promise<void> {
    await this.page.goto(`${baseUrl}/reports?${query}`);
    await this.page.getByTestId('review-table').locator('.ant-table-row').first().waitFor();
    await this.progressRows().first().waitFor();
  }

  progressRows(): Locator {
    return this.page.getByTestId('filing-progress').locator('.ant-table-row');
  }

  /** The figures of the panel's total row (合计), or of its only row for a single district. */
  async progressTotal(): Promise<ProgressFigures> {
    const rows = this.progressRows();
    const total = rows.filter({ hasText: '合计' });
    const row = (await total.count()) > 0 ? total : rows.first();
    const cells = await row.locator('td').allInnerTexts();
    // Region, bar, then expected, filed, approved, confirmed, missing, late (desktop layout).
    const [expected, filed, approved, confirmed, missing, late] = cells.slice(2, 8).map((c) => Number(c.trim()));
    return {
      expected: expected ?? NaN,
      filed: filed ?? NaN,
      approved: approved ?? NaN,
      confirmed: confirmed ?? NaN,
      missing: missing ?? NaN,
      late: late ?? NaN,
    };
  }

  /** Ticks the first `count` selectable rows of the list; their project names. */
  async selectFirst(count: number): Promise<string[]> {
    const rows = this.page.getByTestId('review-table').locator('.ant-table-row');
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const row = rows.nth(i);
      await row.locator('.ant-checkbox-input').check();
      names.push((await row.locator('a').first().innerText()).trim());
    }
    return names;
  }

  /** Clicks a batch button by its label and confirms the question; resolves with the result dialog. */
  async runBatch(label: RegExp): Promise<Locator> {
    await this.page.getByTestId('batch-bar').getByRole('button', { name: label }).click();
    await this.page.locator('.ant-modal-confirm').getByRole('button', { name: '确定处理' }).click();
    const summary = this.page.getByTestId('batch-summary');
    await summary.waitFor();
    return this.page.locator('.ant-modal').filter({ has: summary });
  }

  async closeResult(dialog: Locator): Promise<void> {
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
