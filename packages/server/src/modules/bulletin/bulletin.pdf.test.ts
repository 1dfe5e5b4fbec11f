/**
 * A bulletin PDF is bounded whatever the template: long words get break opportunities, template text has a cap,
 * and layout runs in a worker thread with a time limit, so that other requests keep being answered meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_TEMPLATE_MAX_LENGTH } from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { pdfPages } from './bulletin.fixtures.ts';
import { breakLongWords } from './bulletin.pdf.ts';
import { renderBulletinPdf } from './bulletin.pdf-runner.ts';
import { PDF_FONT_DIR, pdfFontsMissing } from '../../../test/pdf-fonts.ts';

interface Template {
  id: number;
  version: number;
}
const FONTS = PDF_FONT_DIR;
const LONG_WORD = 'a'.repeat(BULLETIN_TEMPLATE_MAX_LENGTH);

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

async function saveTemplate(body: string) {
  const list = await city.request({ method: 'GET', url: '/api/v1/bulletins/templates' });
  const [template] = list.json<{ items: Template[] }>().items;
  if (!template) throw new Error('no template');
  return city.request({
    method: 'PUT',
    url: `/api/v1/bulletins/templates/${template.id}`,
    headers: { 'if-match': `"${template.version}"` },
    payload: { name: '长单词模板', body },
  });
}

describe('long words', () => {
  it('gets a soft hyphen after every 24 characters of an unbroken run, and leaves ordinary text alone', () => {
    const broken = breakLongWords(`前言 ${'x'.repeat(50)} 后记`);
    expect(broken).toBe(`前言 ${'x'.repeat(24)}\u00ad${'x'.repeat(24)}\u00adxx 后记`);
    const ordinary = '截至5月20日，全市已落实投资500万元以上重点项目387个，总投资1528.2亿元。see https://example.org/a';
    expect(breakLongWords(ordinary)).toBe(ordinary);
    expect(breakLongWords('数'.repeat(100))).toBe('数'.repeat(100));
  });
});

describe('a template with one 20,000-character word', () => {
  it.skipIf(pdfFontsMissing)(
    'is stored (at the cap) and its PDF downloads while the API keeps answering; one character more is refused',
    async () => {
      const tooLong = await saveTemplate(`${LONG_WORD}a`);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json<{ error: { fields: Record<string, string> } }>().error.fields.body).toBe('超过长度上限');

      const saved = await saveTemplate(LONG_WORD);
      expect(saved.statusCode, saved.body).toBe(200);

      const started = Date.now();
      let done = false;
      const pdf = city
        .request({ method: 'GET', url: '/api/v1/bulletins/pdf?asOf=2021-05-20' })
        .finally(() => (done = true));
      const latencies: number[] = [];
      while (!done) {
        const before = performance.now();
        const me = await city.request({ method: 'GET', url: '/api/v1/auth/me' });
        expect(me.statusCode).toBe(200);
        latencies.push(performance.now() - before);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const response = await pdf;
      const elapsed = Date.now() - started;
      // It renders in about 10 s on an idle machine; a machine so loaded that it needs more than the limit answers
      // the limit's 503 instead — either way within bounds, and the API answered meanwhile.
      if (response.statusCode === 503) {
        expect(response.json<{ error: { code: string } }>().error.code).toBe('bulletin.pdfTimeout');
      } else {
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        const text = (await pdfPages(response.rawPayload)).join('');
        expect(text.replace(/[^a]/g, '').length).toBeGreaterThan(1000);
      }
      console.log(
        `PDF of a 20,000-character word: ${response.statusCode} in ${elapsed} ms; /auth/me answered ${latencies.length} times meanwhile, ` +
          `max ${Math.max(...latencies).toFixed(1)} ms, median ${latencies.sort((a, b) => a - b)[latencies.length >> 1]?.toFixed(1)} ms`,
      );
      expect(latencies.length).toBeGreaterThan(0);
    },
    60_000,
  );
});

describe('the time limit', () => {
  it.skipIf(pdfFontsMissing)(
    'answers 503 with a clear message when layout runs out of time, and terminates the worker',
    async () => {
      const bulletin = { title: '通报', dateLine: '（截至2021年5月20日）', paragraphs: [LONG_WORD] };
      await expect(renderBulletinPdf(bulletin, FONTS, 1)).rejects.toMatchObject({
        statusCode: 503,
        code: 'bulletin.pdfTimeout',
      });
      // The slots are free again: a normal bulletin renders.
      const pdf = await renderBulletinPdf({ ...bulletin, paragraphs: ['正文。'] }, FONTS);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});
