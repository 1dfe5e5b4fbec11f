/**
 * Page models of the dispatch loop: 预警 (/warnings), the project page's warnings and problems cards, 提出问题
 * (/problems/new), a problem's detail with its workflow buttons, 责任单位排行 (/problems/league) and the agenda
 * preview of 新建调度会 (/meetings/new).
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option of the Ant Design select labelled `label` (typing `search` first for searchable selects). A click
 * on an option while the dropdown is still opening can be lost, so the pick is tried again (up to three times)
 * until the closed select (the nearest .ant-select around the input) shows the option.
 */
async function pickOption(page: Page, scope: Locator, label: string, option: string, search?: string): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  const shown = select
    .locator(`xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`)
    .filter({ hasText: option });
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (search !== undefined) await select.fill(search);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await item.waitFor();
    // A pointer click can land on the modal's form label while the dropdown animates; the option's own click
    // event selects it wherever the pointer is.
    await item.dispatchEvent('click');
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Waits until no table, list or card inside `root` shows its loading spinner. */
async function settled(root: Locator): Promise<void> {
  await root.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

export class WarningListPage {
  constructor(private readonly page: Page) {}

  /** Opens the active warnings of one rule and level (the filters live in the URL). */
  async open(baseUrl: string, rule: string, level: 'red' | 'yellow'): Promise<void> {
    await this.page.goto(`${baseUrl}/warnings?rule=${rule}&level=${level}`);
    await this.rows().first().waitFor();
    await settled(this.page.getByTestId('warning-table'));
  }

  rows(): Locator {
    return this.page.getByTestId('warning-table').locator('tr.ant-table-row');
  }

  /** Opens the project of the first row through its link; returns the project's name. */
  async openFirstProject(): Promise<string> {
    const link = this.rows().first().locator('a[href^="/projects/"]');
    const name = (await link.innerText()).trim();
    await link.click();
    await this.page.waitForURL(/\/projects\/\d+$/);
    return name;
  }
}

export class ProjectDispatchCards {
  constructor(private readonly page: Page) {}

  warnings(): Locator {
    return this.page.getByTestId('project-warnings');
  }

  /** Presses the problems card's raise button; the raise form opens with the project chosen. */
  async raiseProblem(): Promise<ProblemRaisePage> {
    await this.page.getByTestId('project-problem-raise').click();
    await this.page.waitForURL(/\/problems\/new\?projectId=\d+/);
    return new ProblemRaisePage(this.page);
  }
}

export class ProblemRaisePage {
  constructor(private readonly page: Page) {}

  /** Fills the form (project already chosen), assigns the unit at once and submits; returns the detail page. */
  async raise(input: { title: string; category: string; description: string; unit: string }): Promise<ProblemPage> {
    const form = this.page.locator('form');
    await form.getByLabel('问题标题').fill(input.title);
    await pickOption(this.page, form, '问题类别', input.category);
    await form.getByLabel('问题描述').fill(input.description);
    await pickOption(this.page, form, '交办责任单位（可稍后交办）', input.unit, input.unit);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await this.page.waitForURL(/\/problems\/\d+$/);
    const detail = new ProblemPage(this.page);
    await detail.state().waitFor();
    return detail;
  }
}

export class ProblemPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.state().waitFor();
  }

  /** The state tag beside the title (待受理, 已受理, 已办结待验收, 已验收销号 …). */
  state(): Locator {
    return this.page.getByTestId('problem-state');
  }

  /** The 13710 countdown card. */
  clock(): Locator {
    return this.page.getByTestId('problem-clock');
  }

  action(action: string): Locator {
    return this.page.getByTestId(`problem-action-${action}`);
  }

  /** Presses a workflow button; for those with a dialog, picks the grade when given and confirms. */
  async act(action: string, options: { dialog?: boolean; grade?: string } = {}): Promise<void> {
    await this.action(action).click();
    if (!options.dialog) return;
    const dialog = this.page.locator('.ant-modal:visible');
    await dialog.waitFor();
    if (options.grade !== undefined) await pickOption(this.page, dialog, '验收等次', options.grade);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Waits until the state tag reads `label`. */
  async waitForState(label: string): Promise<void> {
    await this.state().filter({ hasText: label }).waitFor();
  }
}

/** A unit's row of the league table (zeros when the unit has no problem in the period and scope). */
export interface LeagueFigures {
  received: number;
  closed: number;
}

export class LeaguePage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    const loaded = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/problems/league');
    await this.page.goto(`${baseUrl}/problems/league`);
    await loaded;
    await settled(this.page.getByTestId('league-table'));
  }

  async figures(unit: string): Promise<LeagueFigures> {
    const row = this.page.getByTestId('league-table').locator('tr.ant-table-row', { hasText: unit });
    if ((await row.count()) === 0) return { received: 0, closed: 0 };
    return {
      received: Number(await row.getByTestId('league-received').innerText()),
      closed: Number(await row.getByTestId('league-closed').innerText()),
    };
  }
}

export class MeetingNewPage {
  constructor(private readonly page: Page) {}

  /**
   * Opens 新建调度会 (the user's own region) for the date and returns that date's generated agenda as rendered:
   * the item count of that date's preview response, then the list once it shows exactly that many items.
   */
  async agenda(baseUrl: string, heldOn: string): Promise<string[]> {
    await this.page.goto(`${baseUrl}/meetings/new`);
    const date = this.page.getByLabel('会议日期');
    await date.waitFor();
    const response = this.page.waitForResponse(
      (r) => r.url().includes('/meetings/agenda-preview') && new URL(r.url()).searchParams.get('heldOn') === heldOn,
    );
    await date.click();
    await date.fill(heldOn);
    // Tab commits the typed date; Enter would also submit the form and create the meeting.
    await date.press('Tab');
    const { items } = (await (await response).json()) as { items: unknown[] };
    const preview = this.page.getByTestId('agenda-preview');
    const rendered = preview.locator('.ant-list-item');
    if (items.length > 0) await rendered.nth(items.length - 1).waitFor();
    await rendered.nth(items.length).waitFor({ state: 'detached' });
    await settled(preview);
    return rendered.allInnerTexts();
  }
}
