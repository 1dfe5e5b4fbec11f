/** Page model of 数据导入 (/ledger/import): choose a file, check it, read the preview, commit and follow the job. */
import type { Locator, Page } from 'playwright-core';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class LedgerImportPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/ledger/import`);
    await this.page.getByTestId('ledger-upload').waitFor();
  }

  /** Chooses a file (nothing is sent yet) and runs 预览检查. */
  async check(file: Buffer, name: string): Promise<void> {
    await this.page
      .getByTestId('ledger-upload')
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: XLSX_MIME, buffer: file });
    await this.page.getByRole('button', { name: '预览检查' }).click();
    await this.preview().waitFor();
  }

  preview(): Locator {
    return this.page.getByTestId('import-preview');
  }

  /** A count of the preview's summary: rows, create, update, unchanged, skipped, errors. */
  async figure(key: string): Promise<number> {
    const text = await this.page.locator(`[data-figure="${key}"] .ant-statistic-content-value`).innerText();
    return Number(text.replace(/\D/g, ''));
  }

  /** The error table's rows as [行, 列, 列名, 原因]. */
  async errors(): Promise<string[][]> {
    const rows = await this.page.getByTestId('import-errors').locator('tr.ant-table-row').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((t) => t.trim())));
  }

  /** The actions of the preview's rows, in order (create, update, invalid…). */
  async actions(): Promise<(string | null)[]> {
    const tags = await this.page.getByTestId('import-rows').locator('[data-action]').all();
    return Promise.all(tags.map((tag) => tag.getAttribute('data-action')));
  }

  confirmButton(): Locator {
    return this.page.getByRole('button', { name: '确认导入' }).first();
  }

  /** 确认导入, confirmed in the dialog; returns once the job has finished (its final status). */
  async confirm(): Promise<string | null> {
    await this.confirmButton().click();
    await this.page.locator('.ant-modal-confirm').getByRole('button', { name: '确认导入' }).click();
    const job = this.page.getByTestId('import-job');
    await this.page.getByTestId('import-progress').waitFor();
    await job.and(this.page.locator('[data-status="succeeded"], [data-status="failed"]')).waitFor();
    return job.getAttribute('data-status');
  }

  /** The phase line under the progress bar (完成：已处理 1 / 1 行). */
  phase(): Promise<string> {
    return this.page.getByTestId('import-phase').innerText();
  }

  committed(): Locator {
    return this.page.getByTestId('import-committed');
  }
}
