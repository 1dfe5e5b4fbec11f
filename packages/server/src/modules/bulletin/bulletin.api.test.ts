import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_TEMPLATE, DEFAULT_BULLETIN_TEMPLATE_NAME, type ErrorBody } from '@keyprojects/core';
import { contextDatabase, runCommand } from '../../../test/cli.ts';
import { actorOf, type Client } from '../../../test/factories.ts';
import { createDemoContext, type DemoContext } from '../../../test/demo-context.ts';
import { bulletinCommands } from '../../cli/bulletin.commands.ts';
import type { CliValues } from '../../cli/command.ts';
import { docxParagraphs, pdfPages, zipEntries } from './bulletin.fixtures.ts';
import { bulletinPdf } from './bulletin.pdf.ts';
import { bulletinData } from './bulletin.service.ts';
import { totalsBy } from '../stats/stats.repository.ts';
import { withRates } from '@keyprojects/core';
import { pdfFontsMissing } from '../../../test/pdf-fonts.ts';

interface Bulletin {
  regionCode: string | null;
  regionName: string;
  title: string;
  dateLine: string;
  text: string;
  paragraphs: string[];
}
interface Template {
  id: number;
  name: string;
  body: string;
  isDefault: boolean;
  version: number;
}
const SEED_FIRST =
  '截至5月20日，全市已落实投资500万元以上重点项目387个，其中新建210个、续建177个，总投资1528.2亿元，' +
  '年度计划投资577.5亿元。这387个重点项目，已开复工299个，其中新建126个、续建173个，开复工率77.3%，' +
  '完成投资94.5亿元、投资完成率16.4%。';
const SEED_SECOND =
  '与去年同期相比，全口径项目总数持平，项目总投资同比增加100亿元，开复工个数同比增加2个；' +
  '产业项目同比增加40个，总投资同比增加236亿元，开复工个数同比增加27个。';

let ctx: DemoContext;
let city: Client;
let leader: Client;
let district: Client;

beforeAll(async () => {
  ctx = await createDemoContext('2021-05-20');
  [city, leader, district] = await Promise.all([
    ctx.signInAs('city_admin'),
    ctx.signInAs('leader'),
    ctx.signInAs('district_staff'),
  ]);
}, 120_000);
afterAll(() => ctx.close());

const preview = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/bulletins/preview', payload: { asOf: '2021-05-20', ...payload } });
const templates = async (client: Client) =>
  (await client.request({ method: 'GET', url: '/api/v1/bulletins/templates' })).json<{
    items: Template[];
    placeholders: { name: string; description: string }[];
  }>();

describe('the demo city’s bulletin as of 20 May 2021', () => {
  it('writes the first two paragraphs of seed 000 word for word', async () => {
    const response = await preview(city, {});
    expect(response.statusCode, response.body).toBe(200);
    const bulletin = response.json<Bulletin>();
    const [first = '', second = ''] = bulletin.paragraphs;
    for (const figure of ['387', '210', '177', '1528.2亿元', '577.5亿元', '299', '126', '173', '77.3%', '94.5亿元'])
      expect(first).toContain(figure);
    expect(first).toContain('16.4%');
    expect(first).toBe(SEED_FIRST);
    for (const figure of ['100亿元', '2个', '40个', '236亿元', '27个']) expect(second).toContain(figure);
    expect(second).toBe(SEED_SECOND);
    expect([bulletin.title, bulletin.dateLine]).toEqual(['大庆市重点项目建设情况通报', '（截至2021年5月20日）']);
    expect(bulletin.text.split('\n\n')).toEqual(bulletin.paragraphs);
  });

  it('names the three largest new projects started this year, as the drill-down ranks them by total investment', async () => {
    const drill = (
      await leader.request({
        method: 'GET',
        url: '/api/v1/stats/projects?asOf=2021-05-20&metric=startedNew&sort=totalInvestment&limit=3',
      })
    ).json<{ items: { name: string }[] }>();
    expect(drill.items).toHaveLength(3);
    const names = drill.items.map((item) => item.name).join('、');
    const { paragraphs } = (await preview(leader, {})).json<Bulletin>();
    expect(paragraphs).toContain(`今年新开工的重点项目中，${names}等一批投资规模大、带动效应强的项目正加快建设。`);
    // The demo city has no completion before 20 May; 170 projects are due by the end of the year.
    expect(paragraphs[2]).toBe('今年以来，全市暂无项目竣工投产；预计年底前还将有170个项目竣工投产，总投资280.0亿元。');
    // No warnings yet: the summary paragraph is left out.
    expect(paragraphs).toHaveLength(4);
  });

  it('serves a .docx whose document.xml holds the title, date and figures', async () => {
    const response = await city.request({ method: 'GET', url: '/api/v1/bulletins/docx?asOf=2021-05-20' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bulletin-2021-05-20.docx"; filename*=UTF-8''${encodeURIComponent('大庆市重点项目建设情况通报-2021-05-20.docx')}`,
    );
    const entries = await zipEntries(response.rawPayload);
    const xml = entries.get('word/document.xml') ?? '';
    for (const figure of ['1528.2亿元', '577.5亿元', '77.3%', '94.5亿元', '16.4%', '236亿元'])
      expect(xml).toContain(figure);
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs.slice(0, 4)).toEqual([
      '大庆市重点项目建设情况通报',
      '（截至2021年5月20日）',
      SEED_FIRST,
      SEED_SECOND,
    ]);
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  it.skipIf(pdfFontsMissing)('serves a PDF with the title, date line and the seed’s paragraphs', async () => {
    const response = await city.request({ method: 'GET', url: '/api/v1/bulletins/pdf?asOf=2021-05-20' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('filename="bulletin-2021-05-20.pdf"');
    const [page = '', ...rest] = await pdfPages(response.rawPayload);
    expect(rest).toEqual([]);
    expect(page.startsWith('大庆市重点项目建设情况通报（截至2021年5月20日）')).toBe(true);
    expect(page).toContain(SEED_FIRST);
    expect(page).toContain(SEED_SECOND);
    expect(page.endsWith('— 1 —')).toBe(true);
  });

  it('answers 503 bulletin.pdfUnavailable when the fonts are missing', async () => {
    const bulletin = { title: '标题', dateLine: '（截至2021年5月20日）', paragraphs: ['正文。'] };
    await expect(bulletinPdf(bulletin, '/nonexistent')).rejects.toMatchObject({
      statusCode: 503,
      code: 'bulletin.pdfUnavailable',
    });
  });

  it('writes a district user’s bulletin over its district only', async () => {
    const own = (await district.request({ method: 'GET', url: '/api/v1/stats/figures?asOf=2021-05-20' })).json<{
      figures: { projects: number; startedOrResumed: number };
    }>().figures;
    const bulletin = (await preview(district, {})).json<Bulletin>();
    expect(bulletin.regionName).toBe('让胡路区');
    expect(bulletin.title).toBe('让胡路区重点项目建设情况通报');
    expect(bulletin.paragraphs[0]).toMatch(
      new RegExp(
        `^截至5月20日，全区已落实投资500万元以上重点项目${own.projects}个，.*已开复工${own.startedOrResumed}个`,
      ),
    );
    expect(own.projects).toBeLessThan(387);
    // Asking for the whole city narrows to the district, as the stats do; another district is refused.
    expect((await preview(district, { regionCode: '230600' })).json<Bulletin>().paragraphs).toEqual(
      bulletin.paragraphs,
    );
    const other = await preview(district, { regionCode: '230602' });
    expect(other.statusCode).toBe(400);
    expect(other.json<ErrorBody>().error.fields).toHaveProperty('regionCode');
  });

  it('quotes the industrial projects of a month’s end from the rollup, equal to a pass over the projects', async () => {
    const scope = { actor: actorOf({ id: 0, username: 'city', password: '' }, 'city_admin', { regionCode: '230600' }) };
    const industry = async (year: number, asOf: string) => {
      const row = (await totalsBy(ctx.db, scope, { year, asOf }, 'category')).find((r) => r.key === 'industry');
      return row && withRates(row.totals);
    };
    for (const asOf of ['2021-04-30', '2021-05-31']) {
      const data = await bulletinData(ctx.db, scope, asOf, null);
      expect(data.industry.current).toEqual(await industry(2021, asOf));
      expect(data.industry.previous).toEqual(await industry(2020, `2020${asOf.slice(4)}`));
      expect(data.industry.current.projects).toBeGreaterThan(0);
    }
  });

  it('lets the city narrow its bulletin to a county', async () => {
    const bulletin = (await preview(city, { regionCode: '230621' })).json<Bulletin>();
    expect([bulletin.regionCode, bulletin.regionName]).toEqual(['230621', '肇州县']);
    expect(bulletin.paragraphs[0]).toMatch(/^截至5月20日，全县已落实/);
  });

  it('prints the bulletin from the command line and writes it with --out', async () => {
    const bulletin = (values: CliValues) => runCommand(bulletinCommands, 'bulletin', contextDatabase(ctx.db), values);
    const { text } = await bulletin({ 'as-of': '2021-05-20' });
    expect(text).toContain(SEED_FIRST);
    expect(text.startsWith('大庆市重点项目建设情况通报\n（截至2021年5月20日）')).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), 'kp-bulletin-'));
    try {
      const out = path.join(dir, '通报.docx');
      await bulletin({ 'as-of': '2021-05-20', region: '230621', out });
      const xml = (await zipEntries(await readFile(out))).get('word/document.xml') ?? '';
      expect(docxParagraphs(xml)[0]).toBe('肇州县重点项目建设情况通报');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(bulletin({})).rejects.toThrow('--as-of');
    await expect(bulletin({ 'as-of': '2021-05-20', out: 'x.txt' })).rejects.toThrow('.docx or .pdf');
  });

  it.skipIf(pdfFontsMissing)('writes the bulletin as PDF from the command line', async () => {
    const bulletin = (values: CliValues) => runCommand(bulletinCommands, 'bulletin', contextDatabase(ctx.db), values);
    const dir = await mkdtemp(path.join(tmpdir(), 'kp-bulletin-'));
    try {
      const pdf = path.join(dir, '通报.pdf');
      await bulletin({ 'as-of': '2021-05-20', region: '230621', out: pdf });
      expect((await pdfPages(await readFile(pdf)))[0]).toMatch(
        /^肇州县重点项目建设情况通报（截至2021年5月20日）截至5月20日，全县/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bulletin templates', () => {
  it('starts with the default template of core, and lists the placeholders with descriptions', async () => {
    const { items, placeholders } = await templates(leader);
    expect(items).toEqual([
      expect.objectContaining({
        name: DEFAULT_BULLETIN_TEMPLATE_NAME,
        body: DEFAULT_BULLETIN_TEMPLATE,
        isDefault: true,
      }),
    ]);
    expect(placeholders.find((p) => p.name === '截至日期')?.description).toBeTruthy();
  });

  it('refuses a template with an unknown placeholder with a field message naming it', async () => {
    const [template] = (await templates(city)).items;
    if (!template) throw new Error('no template');
    const response = await city.request({
      method: 'PUT',
      url: `/api/v1/bulletins/templates/${template.id}`,
      headers: { 'if-match': `"${template.version}"` },
      payload: { name: template.name, body: '截至{{截止日期}}，共{{项目个数}}个，{{项目总数}}' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorBody>();
    expect(error.code).toBe('validation');
    expect(error.fields?.body).toBe('模板中有未知的占位符：{{截止日期}}、{{项目总数}}');
    expect(error.message).toBe('模板正文：模板中有未知的占位符：{{截止日期}}、{{项目总数}}');
    const tried = await preview(city, { body: '{{截止日期}}' });
    expect([tried.statusCode, tried.json<ErrorBody>().error.fields?.body]).toEqual([
      400,
      '模板中有未知的占位符：{{截止日期}}',
    ]);
  });

  it('says what is wrong with a template in the reader’s language, with its parameters', async () => {
    const english = await city.request({
      method: 'POST',
      url: '/api/v1/bulletins/preview',
      headers: { 'accept-language': 'en' },
      payload: { asOf: '2021-05-20', body: '共{{项目个数}}}}个' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json<ErrorBody>().error).toMatchObject({
      code: 'validation',
      message: 'template body: unbalanced double braces near "项目个数}}}}个"',
      fields: { body: 'unbalanced double braces near "项目个数}}}}个"' },
    });
    const empty = await preview(city, { body: ' \n' });
    expect(empty.json<ErrorBody>().error.fields).toEqual({ body: '模板正文不能为空' });
  });

  it('does not let a leader edit a template', async () => {
    const [template] = (await templates(leader)).items;
    if (!template) throw new Error('no template');
    const response = await leader.request({
      method: 'PUT',
      url: `/api/v1/bulletins/templates/${template.id}`,
      headers: { 'if-match': `"${template.version}"` },
      payload: { name: template.name, body: '截至{{截至日期}}' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lets the city administrator edit a template under If-Match, audited before and after', async () => {
    const [template] = (await templates(city)).items;
    if (!template) throw new Error('no template');
    const url = `/api/v1/bulletins/templates/${template.id}`;
    const body = `${DEFAULT_BULLETIN_TEMPLATE}\n（{{地区名称}}发展和改革委员会，{{截至年月日}}）`;
    const payload = { name: '周通报', body };
    expect((await city.request({ method: 'PUT', url, payload })).statusCode).toBe(428);
    const stale = await city.request({ method: 'PUT', url, headers: { 'if-match': '"99"' }, payload });
    expect(stale.statusCode).toBe(412);
    const saved = await city.request({ method: 'PUT', url, headers: { 'if-match': `"${template.version}"` }, payload });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe(`"${template.version + 1}"`);
    expect(saved.json<Template>()).toMatchObject({ name: '周通报', body, version: template.version + 1 });

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_username'])
      .where('entity_type', '=', 'bulletin_template')
      .where('entity_id', '=', String(template.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      actor_username: city.user.username,
      before: expect.objectContaining({ name: template.name, body: DEFAULT_BULLETIN_TEMPLATE }),
      after: expect.objectContaining({ name: '周通报', body }),
    });

    const bulletin = (await preview(leader, { templateId: template.id })).json<Bulletin>();
    expect(bulletin.paragraphs.at(-1)).toBe('（大庆市发展和改革委员会，2021年5月20日）');
    expect((await preview(leader, { templateId: 999 })).statusCode).toBe(404);
  });
});
