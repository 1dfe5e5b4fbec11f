/** Page models of the three administrators' pages: 用户管理, 角色分配, 审计日志. */
import type { Locator, Page } from 'playwright-core';

/** Closes any open select list by clicking a neutral spot (the dialog's title, else the page's heading). */
async function closeLists(page: Page): Promise<void> {
  const lists = page.locator('.ant-select-dropdown:visible');
  if ((await lists.count()) === 0) return;
  const title = page.locator('.ant-modal-title:visible');
  await ((await title.count()) > 0 ? title.first() : page.locator('h1, h2, h3, h4').first()).click();
  await lists.first().waitFor({ state: 'hidden' });
}

/**
 * Picks an option of an Ant Design select or tree select, sturdy under load: opens the list with `trigger`, types
 * `search` into it (for selects that search) so the option is in view, waits for the option and clicks it, closes
 * the list if it stayed open, and checks that the closed select shows `shown`; a pick that was lost (the list
 * re-rendered under the click) is tried once more.
 */
async function pick(
  page: Page,
  trigger: Locator,
  option: Locator,
  { search, shown }: { search?: string; shown: string },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await trigger.click();
    if (search !== undefined) await trigger.locator('input').fill(search);
    await option.waitFor({ state: 'visible' });
    await option.click();
    await closeLists(page);
    try {
      await trigger.filter({ hasText: shown }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Presses a dialog's OK once every select list is closed. The region tree's list could lie over the dialog's
 * buttons (the demo banner moves dialogs down), so the click still goes to the button itself.
 */
async function confirmDialog(page: Page): Promise<void> {
  await closeLists(page);
  await page.getByRole('button', { name: /确\s*定|OK/ }).dispatchEvent('click');
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/users`);
    await this.page.getByTestId('user-table').locator('.ant-table-row').first().waitFor();
  }

  /** Opens 新建用户, fills it and returns the one-time password shown. */
  async create(input: {
    username: string;
    displayName: string;
    roleTestId: string;
    roleLabel: string;
    county: string;
  }): Promise<string> {
    await this.page.getByTestId('user-new').click();
    const form = this.page.getByTestId('user-create-form');
    await form.getByLabel('用户名').fill(input.username);
    await form.getByLabel('姓名').fill(input.displayName);
    await pick(this.page, form.getByTestId('role-select'), this.page.getByTestId(input.roleTestId), {
      shown: input.roleLabel,
    });
    await pick(
      this.page,
      form.getByTestId('region-select'),
      this.page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: input.county }).first(),
      { search: input.county, shown: input.county },
    );
    await confirmDialog(this.page);
    const password = this.page.getByTestId('one-time-password');
    await password.waitFor();
    const text = await password.innerText();
    await this.page.getByRole('button', { name: /我已记下/ }).click();
    return text.trim();
  }
}

export class RolesPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/roles`);
    await this.page.getByTestId('user-table').locator('.ant-table-row').first().waitFor();
  }

  /** Assigns a role (its option's test id and label) and region to the account with this username. */
  async assign(username: string, role: { testId: string; label: string }, region: string): Promise<void> {
    await this.page.getByTestId(`assign-${username}`).click();
    const form = this.page.getByTestId('role-assign-form');
    await pick(this.page, form.getByTestId('role-select'), this.page.getByTestId(role.testId), { shown: role.label });
    await pick(
      this.page,
      form.getByTestId('region-select'),
      this.page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: region }).first(),
      { search: region, shown: region },
    );
    await confirmDialog(this.page);
    await form.waitFor({ state: 'detached' });
  }

  /** The assign link of an account (disabled for its own and administrators' accounts). */
  assignLink(username: string): Locator {
    return this.page.getByTestId(`assign-${username}`);
  }
}

export class AuditLogPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/audit`);
    await this.rows().first().waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('audit-table').locator('tr.ant-table-row');
  }

  /** Filters by entity type (its Chinese label) and by actor username. */
  async filter(entityLabel: string, actor?: string): Promise<void> {
    await pick(
      this.page,
      this.page.getByTestId('audit-entity'),
      this.page.locator('.ant-select-item-option', { hasText: entityLabel }),
      { shown: entityLabel },
    );
    if (actor !== undefined) {
      await this.page.getByTestId('audit-actor').fill(actor);
      await this.page.getByTestId('audit-actor').press('Enter');
    }
  }
}
