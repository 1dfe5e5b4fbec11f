/** Page models of the project list, detail and edit form. */
import type { Locator, Page } from 'playwright-core';

export class ProjectListPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/projects`);
    await this.rows().first().waitFor();
  }

  rows(): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  /** The text of every cell in the column whose header is `header`, on the current page. */
  async columnTexts(header: string): Promise<string[]> {
    const headers = await this.page.locator('.ant-table-thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === header);
    if (index < 0) throw new Error(`no column ${header} among ${headers.join(' | ')}`);
    return this.rows()
      .locator(`td:nth-child(${index + 1})`)
      .allInnerTexts();
  }

  async openProject(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    await this.page.getByRole('heading', { name }).first().waitFor();
  }
}

export class ProjectDetailPage {
  constructor(private readonly page: Page) {}

  async edit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(edit\s*)?编\s*辑$/ }).click();
  }

  auditHistory(): Locator {
    return this.page.getByTestId('audit-history');
  }
}

export class ProjectFormPage {
  constructor(private readonly page: Page) {}

  async setText(label: string, value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保\s*存/ }).click();
  }
}
