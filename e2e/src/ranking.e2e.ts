/**
 * Rankings through the browser (issue #13), on the demo city as of 2021-05-20: the city publishes the second quarter's
 * Henan 四比四看 ranking (a frozen edition, 第N版), opens a district's "why this score" with the four comparisons whose
 * terms sum to its score, and exports the edition to xlsx, which parses and lists every ranked district. Screenshots of
 * the page on a desktop and a phone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';
import { RankingPage } from './pages/ranking.page.ts';

const rig = startForSpec();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results', 'screenshots');
const HENAN_GROUPS = ['比谋划看储备', '比招引看投资', '比开工看进度', '比服务看实效'];

/** Points as shown ("87.5", "-5") in hundredths, so sums compare exactly. */
const hundredths = (text: string) => Math.round(Number(text.trim()) * 100);

describe('a quarterly ranking published, explained and exported', () => {
  it('publishes 2021 Q2 under the Henan scheme, explains a district and exports the edition', async () => {
    const baseUrl = rig().running.baseUrl;
    const { page } = await rig().signIn('city_admin', DESKTOP);
    const ranking = new RankingPage(page);
    await ranking.open(baseUrl, 'henan', '2021-Q2');
    const units = await ranking.unitNames();
    expect(units.length).toBeGreaterThan(1);

    // 1. Publishing freezes the ranking as an edition, opened at once and listed with the others.
    const banner = await ranking.publish();
    expect(banner).toMatch(/已发布版本（冻结）：第\d+版 · 2021年第2季度/);
    expect(page.url()).toMatch(/edition=\d+/);
    await expect.poll(async () => ranking.editions().innerText()).toContain('2021年第2季度');
    expect(await ranking.unitNames()).toEqual(units);

    // 2. The first district's explanation: the four comparisons, every term's points summing to the score.
    const drawer = await ranking.explain(0);
    const text = await drawer.innerText();
    for (const group of HENAN_GROUPS) expect(text).toContain(group);
    const total = hundredths(await drawer.getByTestId('explain-total').innerText());
    const terms = await drawer.getByTestId('term-points').allInnerTexts();
    expect(terms.length).toBe(6);
    expect(terms.map(hundredths).reduce((sum, points) => sum + points, 0)).toBe(total);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'ranking-explain-desktop.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 3. The edition's xlsx parses and holds every ranked district.
    const download = await ranking.export();
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell.text));
    });
    for (const unit of units) expect(cells).toContain(unit);

    await page.screenshot({ path: path.join(SHOTS, 'ranking-desktop.png'), fullPage: true });
  });

  it('reads on a phone without cut-off columns', async () => {
    const baseUrl = rig().running.baseUrl;
    const { page } = await rig().signIn('city_admin', PHONE);
    const ranking = new RankingPage(page);
    await ranking.open(baseUrl, 'yanan', '2021-05');
    await page.getByTestId('ranking-chart').locator('canvas').first().waitFor();
    // No column runs past the screen: the table is as wide as its card at most.
    const table = await page.getByTestId('ranking-table').locator('table').boundingBox();
    expect(table && table.x + table.width).toBeLessThanOrEqual(PHONE.width);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'ranking-phone.png'), fullPage: true });
    const drawer = await ranking.explain(0);
    expect(await drawer.innerText()).toContain('各项合计');
    await page.screenshot({ path: path.join(SHOTS, 'ranking-explain-phone.png') });
  });
});
