/**
 * Page models of the milestone plans (issue #11): the project page's plan card (生成计划 backwards from a target
 * date, the draft editor, 审批, 标记完成, the Gantt and the node table) and the /plans page.
 */
import type { Locator, Page } from 'playwright-core';

/** Waits until no table or card inside `root` shows its loading spinner. */
async function settled(root: Locator): Promise<void> {
  await root.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

/** Types a date into an Ant Design date picker's input and commits it. */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The ISO date `days` after `date` (UTC arithmetic: no time zone moves a day). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export class ProjectPlanCard {
  constructor(private readonly page: Page) {}

  card(): Locator {
    return this.page.getByTestId('project-plan-card');
  }

  gantt(): Locator {
    return this.page.getByTestId('plan-gantt');
  }

  /** Opens the project's page and waits for its plan card. */
  async open(baseUrl: string, projectId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/projects/${projectId}`);
    await this.card().waitFor();
    await settled(this.card());
  }

  /**
   * 生成计划: reads the earliest feasible target the dialog shows, generates a draft `daysAfterEarliest` later and
   * returns the target used.
   */
  async generate(daysAfterEarliest: number): Promise<string> {
    await this.page.getByTestId('plan-generate').click();
    const modal = this.page.getByTestId('plan-generate-modal');
    const hint = modal.getByText(/最早可行目标日期：\d{4}-\d{2}-\d{2}/);
    await hint.waitFor();
    const earliest = /(\d{4}-\d{2}-\d{2})/.exec(await hint.innerText())?.[1] ?? '';
    const target = addDays(earliest, daysAfterEarliest);
    await typeDate(modal.getByTestId('plan-target-date'), target);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await this.page.getByTestId('plan-edit').waitFor();
    return target;
  }

  /** Edits the draft's first node's planned dates and saves the draft. */
  async moveFirstNode(start: string, end: string): Promise<void> {
    await this.page.getByTestId('plan-edit').click();
    const editor = this.page.getByTestId('plan-draft-editor');
    const pickers = editor.locator('tr.ant-table-row').first().locator('.ant-picker input');
    // The end first, so the start never lies after it while typing.
    await typeDate(pickers.nth(1), end);
    await typeDate(pickers.nth(0), start);
    await editor.getByTestId('plan-draft-save').click();
    await editor.waitFor({ state: 'detached' });
  }

  /** 审批: approves the draft (confirming), after which the node table offers 标记完成. */
  async approve(): Promise<void> {
    await this.page.getByTestId('plan-approve').click();
    await this.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await this.page.getByTestId('plan-approve').waitFor({ state: 'detached' });
  }

  /** The node table's rows. */
  rows(): Locator {
    return this.page.getByTestId('plan-node-table').locator('tr.ant-table-row');
  }

  /** The first node's key (from its "mark done" button). */
  async firstNodeKey(): Promise<string> {
    const id = await this.rows().first().locator('[data-testid^="plan-node-progress-"]').getAttribute('data-testid');
    return (id ?? '').replace('plan-node-progress-', '');
  }

  /** 标记完成 on the node, done on the given date. */
  async markDone(key: string, actualEnd: string): Promise<void> {
    await this.page.getByTestId(`plan-node-progress-${key}`).click();
    const modal = this.page.getByTestId('plan-progress-modal');
    await typeDate(modal.getByTestId('plan-actual-end'), actualEnd);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.waitFor({ state: 'hidden' });
    // The table follows once the plan is read again.
    await this.page
      .getByTestId(`plan-node-progress-${key}`)
      .locator('xpath=ancestor::tr[1]')
      .filter({ hasText: '已完成' })
      .waitFor();
  }
}

export class PlansPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, tab: 'week' | 'month' | 'overdue' | 'timeline' | 'replanned' | 'spi'): Promise<void> {
    await this.page.goto(`${baseUrl}/plans?tab=${tab}`);
    await this.page.getByRole('tab', { selected: true }).waitFor();
    await settled(this.page.locator('.kp-page'));
  }
}
