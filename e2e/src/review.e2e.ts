/**
 * The review desk (issue #12): a city reviewer ticks several approved reports, confirms them in one batch, reads the
 * per-report result, and sees the filing progress panel count them as confirmed; screenshots of desktop and phone.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startForSpec } from './harness.ts';
import { ReviewBatchPage } from './pages/review-desk.page.ts';

const rig = startForSpec();
const SHOTS = process.env.SHOTS_DIR;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('batch confirmation on the review desk', () => {
  it('confirms several selected reports at once, lists the result, and updates the progress panel', async () => {
    const { page } = await rig().signIn('city_admin', DESKTOP);
    const desk = new ReviewBatchPage(page);
    await desk.open(rig().running.baseUrl, 'year=2021&month=5&state=approved');
    const before = await desk.progressTotal();
    expect(before.approved).toBeGreaterThan(3);

    const names = await desk.selectFirst(3);
    const dialog = await desk.runBatch(/批量市级确认（3）/);
    expect(await dialog.getByTestId('batch-summary').innerText()).toContain('已处理 3 份');
    for (const name of names) await dialog.getByText(name).waitFor();
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/review-batch-result-desktop.png` });
    }
    await desk.closeResult(dialog);

    await expect.poll(async () => (await desk.progressTotal()).confirmed).toBe(before.confirmed + 3);
    const after = await desk.progressTotal();
    expect(after).toMatchObject({ expected: before.expected, filed: before.filed, approved: before.approved });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/review-desk-desktop.png`, fullPage: true });

    if (SHOTS) {
      const phone = (await rig().signIn('city_admin', PHONE)).page;
      const phoneDesk = new ReviewBatchPage(phone);
      await phoneDesk.open(rig().running.baseUrl, 'year=2021&month=5&state=approved');
      await phone.screenshot({ path: `${SHOTS}/review-desk-phone.png`, fullPage: true });
      await phoneDesk.selectFirst(2);
      const phoneDialog = await phoneDesk.runBatch(/批量市级确认（2）/);
      await phoneDialog.getByTestId('batch-result').waitFor();
      await phone.screenshot({ path: `${SHOTS}/review-batch-result-phone.png` });
    }
  }, 240_000);
});
