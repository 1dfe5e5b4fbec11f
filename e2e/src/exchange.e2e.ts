import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerFile, ledgerRow } from '../../packages/server/src/modules/ledger/ledger.fixtures.ts';
import { pdfFontsMissing } from '../../packages/server/test/pdf-fonts.ts';
import { startForSpec } from './harness.ts';
import { BulletinPage } from './pages/bulletin.page.ts';
import { LedgerImportPage } from './pages/ledger.page.ts';
import { ProjectListPage } from './pages/projects.page.ts';

const rig = startForSpec();
const DESKTOP = { width: 1366, height: 768 };

/** A signed-in page of its own (own cookies) for a demo user of the role, with the user's region. */
async function signedIn(role: string): Promise<{ page: Page; regionCode: string | null }> {
  const { page, user } = await rig().signIn(role, DESKTOP);
  return { page, regionCode: user.regionCode };
}

describe('bulletins, Excel ledgers and the import preview in the browser', () => {
  it('writes the city bulletin as of the app date (2021-05-20) with its figures', async () => {
    const { page } = await signedIn('city_admin');
    const bulletin = new BulletinPage(page);
    await bulletin.open(rig().running.baseUrl);
    // The default date is the session's (the server's fixed demo date), not the browser's clock.
    expect(await bulletin.asOf()).toBe('2021-05-20');
    const text = await bulletin.text();
    expect(text).toContain('已开复工299个');
    expect(text).toContain('开复工率77.3%');
    expect(await bulletin.fileHref('docx')).toContain('asOf=2021-05-20');
    // The PDF link downloads with the session's cookie (where the CJK fonts are installed; else the API says 503).
    const pdf = await page.request.get(new URL((await bulletin.fileHref('pdf')) ?? '', rig().running.baseUrl).href);
    if (pdfFontsMissing) {
      expect(pdf.status()).toBe(503);
    } else {
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('previews a ledger with an error without writing, then imports a good one as a job', async () => {
    const { page, regionCode } = await signedIn('district_staff');
    const region = rig().running.demo.regions.find((r) => r.code === regionCode);
    const owner = rig().running.demo.organizations.find((o) => o.kind === 'owner' && o.regionCode === regionCode);
    if (!region || !owner) throw new Error('the demo district has no region or owner');
    const inDistrict = { 所属区域: region.name };
    const name = '浏览器导入测试厂房建设工程';
    const project = ledgerRow(owner.name, {
      ...inDistrict,
      投资项目统一代码: `2103-${region.code}-04-01-712345`,
      项目名称: name,
    });
    const broken = ledgerRow(owner.name, {
      ...inDistrict,
      投资项目统一代码: `2103-${region.code}-04-01-712346`,
      '总投资（万元）': '一千万',
    });

    const ledger = new LedgerImportPage(page);
    await ledger.open(rig().running.baseUrl);

    // The error row first: the preview names its row (2, under the header) and column, and nothing can be written.
    await ledger.check(await ledgerFile([broken, project]), '台账-有错误.xlsx');
    expect(await ledger.figure('create')).toBe(1);
    expect(await ledger.figure('errors')).toBe(1);
    const [error] = await ledger.errors();
    expect(error?.slice(0, 3)).toEqual(['2', 'J', '总投资（万元）']);
    expect(error?.[3]).not.toBe('');
    expect(await ledger.actions()).toEqual(['invalid', 'create']);
    expect(await ledger.confirmButton().isDisabled()).toBe(true);
    const search = await page.request.get(`${rig().running.baseUrl}/api/v1/projects?q=${encodeURIComponent(name)}`);
    expect(((await search.json()) as { total: number }).total).toBe(0);

    // The corrected file: one new project, committed by a background job whose progress is shown.
    await ledger.check(await ledgerFile([project]), '台账.xlsx');
    expect(await ledger.figure('create')).toBe(1);
    expect(await ledger.figure('errors')).toBe(0);
    expect(await ledger.confirm()).toBe('succeeded');
    await ledger.committed().waitFor();
    expect(await ledger.phase()).toMatch(/完成.*1 \/ 1/);

    const list = new ProjectListPage(page);
    await page.goto(`${rig().running.baseUrl}/projects?q=${encodeURIComponent(name)}&planYear=all`);
    await list.rows().first().waitFor();
    expect(await list.columnTexts('项目名称')).toEqual([name]);
  });
});
