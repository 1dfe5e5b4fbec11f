/** Page models of monthly reporting: the owner's list and report form (phone first) and the review desk. */
import type { Locator, Page } from 'playwright-core';

/** 月报填报: the owner's projects of the current period. */
export class ReportFileListPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/reports/file`);
    await this.cards().first().waitFor();
  }

  cards(): Locator {
    return this.page.getByTestId('report-card');
  }

  card(projectName: string): Locator {
    return this.page.locator(`[data-testid="report-card"][data-project-name="${projectName}"]`);
  }

  /** The names of the projects whose report is in `state` (a REPORT_STATES code or 'not_started'). */
  async projectsIn(state: string): Promise<string[]> {
    const cards = this.cards().filter({ has: this.page.locator(`[data-state="${state}"]`) });
    const names = await Promise.all((await cards.all()).map((card) => card.getAttribute('data-project-name')));
    return names.filter((name): name is string => name !== null);
  }

  async stateOf(projectName: string): Promise<string | null> {
    return this.card(projectName).locator('[data-state]').getAttribute('data-state');
  }

  async openReport(projectName: string): Promise<ReportFormPage> {
    await this.card(projectName).click();
    const form = new ReportFormPage(this.page);
    await form.form().waitFor();
    return form;
  }
}

/** One report: /reports/:projectId/:year/:month. */
export class ReportFormPage {
  constructor(private readonly page: Page) {}

  form(): Locator {
    return this.page.getByTestId('report-form');
  }

  async setAmount(wan: string): Promise<void> {
    await this.page.getByLabel('本月完成投资（万元）').fill(wan);
  }

  async setStarted(started: boolean): Promise<void> {
    // The radio input itself is hidden under its button-styled label: tap the label.
    await this.form()
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: new RegExp(`^${started ? '是' : '否'}$`) })
      .click();
  }

  /** Picks a start date (YYYY-MM-DD) in the calendar, as one taps it on a phone. */
  async setStartDate(date: string): Promise<void> {
    await this.page.getByLabel('开（复）工日期').click();
    await this.page.locator(`.ant-picker-dropdown td[title="${date}"]`).click();
  }

  /** Submits and confirms; resolves once the report shows the state 已提交. */
  async submit(): Promise<void> {
    await this.page.getByTestId('report-form').getByRole('button', { name: /提交/ }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: /提交/ }).click();
    await this.state('submitted').waitFor({ timeout: 15_000 });
  }

  state(state: string): Locator {
    return this.page.getByTestId('report-status').locator(`[data-state="${state}"]`);
  }

  ytd(): Locator {
    return this.page.getByTestId('total-ytd');
  }
}

/** 月报审核: the review desk and its drawer. */
export class ReviewDeskPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, year: number, month: number): Promise<void> {
    await this.page.goto(`${baseUrl}/reports?year=${year}&month=${month}`);
    await this.page.getByTestId('review-table').locator('.ant-table-row').first().waitFor();
  }

  /** Opens a tab by its label (已提交, 全部 …). */
  async tab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  row(projectName: string): Locator {
    return this.page.getByTestId('review-table').locator('.ant-table-row').filter({ hasText: projectName });
  }

  async openReport(projectName: string): Promise<Locator> {
    await this.row(projectName).getByText(projectName, { exact: true }).click();
    const drawer = this.page.getByTestId('review-drawer').filter({ hasText: projectName });
    await drawer.getByTestId('report-figures').waitFor();
    return drawer;
  }

  /** 审核通过 in the open drawer; resolves when the drawer has closed. */
  async approve(drawer: Locator): Promise<void> {
    await drawer.getByRole('button', { name: /审核通过/ }).click();
    await this.page.getByText('已审核通过').first().waitFor();
    await drawer.waitFor({ state: 'hidden' });
  }
}
