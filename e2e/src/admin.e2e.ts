/**
 * 三员分立 in the browser: the system administrator opens a district account (city-wide roles greyed out) and
 * gets its one-time password, the security administrator gives it a city-wide role (its own and the other
 * administrators' accounts cannot be touched), and the audit administrator filters the log and sees both.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';
import { AuditLogPage, RolesPage, UsersPage } from './pages/admin.page.ts';

const rig = startForSpec();

/** A signed-in page of the demo user of the role, with its username. */
async function signedIn(role: string): Promise<{ page: Page; username: string }> {
  const { page, user } = await rig().signIn(role);
  return { page, username: user.username };
}

describe('the three administrators', () => {
  it('opens an account, assigns it a role and finds both in the audit log', async () => {
    const sys = await signedIn('system_admin');
    await sys.page.waitForURL((url) => url.pathname === '/admin/users');
    const users = new UsersPage(sys.page);
    await users.open(rig().running.baseUrl);
    const password = await users.create({
      username: 'e2e.staff',
      displayName: '端到端测试',
      roleTestId: 'role-option-district_staff',
      roleLabel: '县区发改局人员',
      county: '萨尔图区',
    });
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await sys.page.getByTestId('user-table').getByText('e2e.staff').waitFor();

    const sec = await signedIn('security_admin');
    await sec.page.waitForURL((url) => url.pathname === '/admin/roles');
    const roles = new RolesPage(sec.page);
    await roles.open(rig().running.baseUrl);
    expect(await roles.assignLink(sec.username).isDisabled()).toBe(true);
    expect(await roles.assignLink(sys.username).isDisabled()).toBe(true);
    await roles.assign('e2e.staff', { testId: 'role-option-leader', label: '市领导' }, '大庆市');
    await sec.page.getByTestId('user-table').locator('tr', { hasText: 'e2e.staff' }).getByText('市领导').waitFor();

    const auditor = await signedIn('audit_admin');
    await auditor.page.waitForURL((url) => url.pathname === '/admin/audit');
    const log = new AuditLogPage(auditor.page);
    await log.open(rig().running.baseUrl);
    await log.filter('用户');
    await log.rows().filter({ hasText: '分配角色' }).first().waitFor();
    const texts = await log.rows().allInnerTexts();
    expect(texts.some((t) => t.includes('新建') && t.includes(sys.username))).toBe(true);
    expect(texts.some((t) => t.includes('分配角色') && t.includes(sec.username))).toBe(true);
    // The role change opens to its field changes.
    await log.rows().filter({ hasText: '分配角色' }).first().click();
    const detail = auditor.page.getByTestId('audit-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toMatch(/县区发改局人员[\s\S]*市领导/);
  });
});
