/** Page models of the three administrators' pages: 用户管理, 角色分配, 审计日志. */
import type { Locator, Page } from 'playwright-core';

/** Picks an option of the Ant Design select or tree select opened by clicking `trigger`. */
async function pick(page: Page, trigger: Locator, option: Locator): Promise<void> {
  await trigger.click();
  await option.click();
  // The pick is made once its list has closed; a list that stays open is closed by its trigger.
  await option.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => trigger.click());
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/**
 * Presses a dialog's OK. The region tree's list can still lie over the dialog's buttons after a pick (the demo
 * banner moves dialogs down, and under load the list closes late), so the click goes to the button itself.
 */
async function confirmDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: /确\s*定|OK/ }).dispatchEvent('click');
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/users`);
    await this.page.getByTestId('user-table').locator('.ant-table-row').first().waitFor();
  }

  /** Opens 新建用户, fills it and returns the one-time password shown. */
  async create(input: { username: string; displayName: string; roleTestId: string; county: string }): Promise<string> {
    await this.page.getByTestId('user-new').click();
    const form = this.page.getByTestId('user-create-form');
    await form.getByLabel('用户名').fill(input.username);
    await form.getByLabel('姓名').fill(input.displayName);
    await pick(this.page, form.getByTestId('role-select'), this.page.getByTestId(input.roleTestId));
    await pick(
      this.page,
      form.getByTestId('region-select'),
      this.page.locator('.ant-select-tree-node-content-wrapper', { hasText: input.county }),
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

  /** Assigns a role and region to the account with this username. */
  async assign(username: string, roleTestId: string, region: string): Promise<void> {
    await this.page.getByTestId(`assign-${username}`).click();
    const form = this.page.getByTestId('role-assign-form');
    await pick(this.page, form.getByTestId('role-select'), this.page.getByTestId(roleTestId));
    await pick(
      this.page,
      form.getByTestId('region-select'),
      this.page.locator('.ant-select-tree-node-content-wrapper', { hasText: region }).first(),
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
    );
    if (actor !== undefined) {
      await this.page.getByTestId('audit-actor').fill(actor);
      await this.page.getByTestId('audit-actor').press('Enter');
    }
  }
}
