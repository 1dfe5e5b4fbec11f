/**
 * The dashboard's district map in the browser, on the demo city as of 2021-05-20: the city's districts drawn from the
 * served boundary data, the points fetched once the map shows and again for the visible box after a zoom (reset
 * by 复位), a figure switch, a click on a district opening that district's projects, and no developer message; a
 * district user sees the whole city with its own district outlined. Screenshots on a desktop and a phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';

const rig = startForSpec();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results', 'screenshots');

describe('the dashboard’s district map', () => {
  it('opens a district’s projects from its area, for the city', async () => {
    const { page } = await rig().signIn('city_admin', DESKTOP);
    const mapPoints = (boxed: boolean) =>
      page.waitForResponse((r) => r.url().includes('/stats/map-points') && r.url().includes('bbox=') === boxed);
    const firstPoints = mapPoints(false);
    await page.goto(`${rig().running.baseUrl}/dashboard`);
    const map = page.getByTestId('project-map');
    await map.locator('canvas').first().waitFor();
    expect((await firstPoints).status()).toBe(200);
    const card = page.locator('.ant-card', { has: map });
    expect(await card.innerText()).not.toContain('VITE_');
    // Zooming in asks for the points of the visible box; 复位 brings back the whole city.
    await card.scrollIntoViewIfNeeded();
    const zoomBox = await map.boundingBox();
    if (!zoomBox) throw new Error('the map has no box');
    const boxedPoints = mapPoints(true);
    await page.mouse.move(zoomBox.x + zoomBox.width * 0.6, zoomBox.y + zoomBox.height * 0.45);
    await page.mouse.wheel(0, -400);
    expect((await boxedPoints).status()).toBe(200);
    await page.getByTestId('map-reset').click();
    await expect.poll(() => page.getByTestId('map-reset').count()).toBe(0);
    await page.getByTestId('map-figure').getByText('投资完成率').click();
    await card.scrollIntoViewIfNeeded();
    // 杜尔伯特蒙古族自治县 fills the west of the city: the left third of the map, below its middle.
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
    await expect.poll(() => page.locator('.ant-drawer-title').first().textContent()).toContain('杜尔伯特');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'map-drill-desktop.png') });
  });

  it('shows a district user the whole city with its district, on a phone', async () => {
    const { page } = await rig().signIn('district_staff', PHONE);
    await page.goto(`${rig().running.baseUrl}/dashboard`);
    const map = page.getByTestId('project-map');
    await map.locator('canvas').first().waitFor();
    const boundary = (await (await page.request.get(`${rig().running.baseUrl}/api/v1/meta/boundary`)).json()) as {
      ownRegionCode: string | null;
      map: { features: unknown[] } | null;
    };
    expect(boundary.ownRegionCode).toBe('230604');
    expect(boundary.map?.features).toHaveLength(9);
    const card = page.locator('.ant-card', { has: map });
    await card.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await card.screenshot({ path: path.join(SHOTS, 'map-district-phone.png') });
  });
});
