/** Page model of the login page. */
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(baseUrl: string, username: string, password: string): Promise<void> {
    await this.page.goto(`${baseUrl}/login`);
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
}
