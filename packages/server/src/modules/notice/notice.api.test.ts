/**
 * The daily notice and the weekly dispatch report over the API and the CLI: figures from a known set of warnings
 * and problems (raised, cleared, active, opened, resolved, closed, overdue), the viewer's scope, the text through
 * the default template, template edits (unknown placeholders refused by name, stale versions 412), the .docx.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, NoticeOutput, NoticeTemplatesOutput } from '@keyprojects/core';
import { contextDatabase, runCommand } from '../../../test/cli.ts';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { noticeCommands } from '../../cli/notice.commands.ts';
import { docxParagraphs, zipEntries } from '../bulletin/bulletin.fixtures.ts';
import { insertProblem, insertWarning } from '../meeting/meeting.fixture.ts';
import { createProblemCast, type ProblemCast } from '../problem/problem.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
let city: Client;
let staff: Client;
let sibling: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  city = await signIn(ctx.app, cast.cityAdmin.user);
  staff = await signIn(ctx.app, cast.staff.user);
  sibling = await signIn(ctx.app, cast.siblingStaff.user);
  const own = { projectId: cast.project, regionCode: '230602' };
  const other = { projectId: cast.siblingProject, regionCode: '230603' };
  // The week 5-14..5-20: raised red 2 (own 5-20, other 5-15), yellow 1 (own 5-14); cleared 1 (5-18).
  await insertWarning(ctx.db, {
    ...own,
    level: 'red',
    raisedOn: '2021-05-20',
    text: '完成投资120万元，序时进度应完成310万元，落后61%',
  });
  await insertWarning(ctx.db, { ...other, level: 'red', raisedOn: '2021-05-15', text: '计划5月1日开工，仍未开工' });
  await insertWarning(ctx.db, {
    ...own,
    level: 'yellow',
    raisedOn: '2021-05-14',
    text: '月报未报',
    rule: 'report_missing',
  });
  await insertWarning(ctx.db, {
    ...own,
    level: 'yellow',
    raisedOn: '2021-05-01',
    clearedOn: '2021-05-18',
    text: '已解除',
  });
  await insertWarning(ctx.db, { ...own, level: 'yellow', raisedOn: '2021-05-02', text: '早先的黄色预警' });
  const unitId = cast.unit.orgId;
  const p = { ...own, unitId };
  await insertProblem(ctx.db, {
    ...p,
    title: '用地报批',
    state: 'accepted',
    raisedOn: '2021-04-20',
    dueOn: '2021-05-10',
  });
  await insertProblem(ctx.db, {
    ...p,
    title: '施工用电',
    state: 'in_progress',
    raisedOn: '2021-05-20',
    dueOn: '2021-06-10',
  });
  await insertProblem(ctx.db, {
    ...p,
    title: '已解决',
    state: 'resolved',
    raisedOn: '2021-05-03',
    dueOn: '2021-05-12',
    resolvedOn: '2021-05-17',
  });
  await insertProblem(ctx.db, {
    ...p,
    title: '已销号',
    state: 'verified_closed',
    raisedOn: '2021-04-01',
    dueOn: '2021-04-20',
    resolvedOn: '2021-04-15',
    verifiedOn: '2021-05-19',
  });
  await insertProblem(ctx.db, {
    ...other,
    unitId: cast.siblingUnit.orgId,
    title: '龙凤区问题',
    state: 'open',
    raisedOn: '2021-05-16',
    dueOn: '2021-05-18',
  });
}, 60_000);

afterAll(() => ctx.close());

const notice = async (client: Client, kind: string, date: string) => {
  const response = await client.request({ method: 'GET', url: `/api/v1/notices/${kind}?date=${date}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NoticeOutput>();
};

describe('the notices', () => {
  it('count the week’s warnings and problems for the city', async () => {
    const weekly = await notice(city, 'weekly', '2021-05-20');
    expect([weekly.from, weekly.to, weekly.title]).toEqual(['2021-05-14', '2021-05-20', '大庆市重点项目周调度情况']);
    expect(weekly.figures).toEqual({
      warningsRaisedRed: 2,
      warningsRaisedYellow: 1,
      warningsCleared: 1,
      activeRed: 2,
      activeYellow: 2,
      problemsOpened: 2,
      problemsResolved: 1,
      problemsClosed: 1,
      problemsOpen: 4,
      problemsOverdue: 2,
    });
    expect(weekly.paragraphs[0]).toContain('本周（5月14日至5月20日），全市重点项目新增预警3个，其中红色预警2个');
    expect(weekly.text).toContain('萨尔图区红色预警1个、黄色预警2个、逾期问题1个');
    expect(weekly.text).toContain('萨尔图区住建局在办问题3个、其中逾期1个');
    expect(weekly.text).toContain('（萨尔图区）完成投资120万元，序时进度应完成310万元，落后61%');
    expect(weekly.text).toContain('“用地报批”（责任单位：萨尔图区住建局，应于5月10日前解决，已逾期10天）');
  });

  it('count the day for the daily notice', async () => {
    const daily = await notice(city, 'daily', '2021-05-20');
    expect(daily.figures).toMatchObject({
      warningsRaisedRed: 1,
      warningsRaisedYellow: 0,
      problemsOpened: 1,
      warningsCleared: 0,
    });
    expect(daily.paragraphs[0]).toMatch(/^5月20日，全市重点项目新增预警1个/);
  });

  it('keep to the viewer’s district', async () => {
    const own = await notice(sibling, 'weekly', '2021-05-20');
    expect(own.figures).toMatchObject({ warningsRaisedRed: 1, activeYellow: 0, problemsOpen: 1, problemsOverdue: 1 });
    expect(own.text).not.toContain('萨尔图区');
    const outside = await sibling.request({
      method: 'GET',
      url: '/api/v1/notices/weekly?date=2021-05-20&regionCode=230602',
    });
    expect(outside.statusCode).toBe(400);
  });

  it('refuse a bad date or kind', async () => {
    expect((await city.request({ method: 'GET', url: '/api/v1/notices/weekly?date=2021-13-01' })).statusCode).toBe(400);
    expect((await city.request({ method: 'GET', url: '/api/v1/notices/monthly?date=2021-05-20' })).statusCode).toBe(
      400,
    );
  });

  it('edit templates: unknown placeholders refused by name, stale versions refused, the text follows', async () => {
    const list = (
      await city.request({ method: 'GET', url: '/api/v1/notices/templates' })
    ).json<NoticeTemplatesOutput>();
    const daily = list.items.find((t) => t.kind === 'daily' && t.isDefault);
    expect(list.items.filter((t) => t.isDefault).map((t) => t.kind)).toEqual(['daily', 'weekly']);
    if (!daily) throw new Error('no default daily template');
    const put = (client: Client, body: string, version = daily.version) =>
      client.request({
        method: 'PUT',
        url: `/api/v1/notices/templates/${daily.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { name: daily.name, body },
      });
    const bad = await put(city, '{{通报日期}}{{截至日期}}');
    expect(bad.statusCode).toBe(400);
    expect((JSON.parse(bad.body) as ErrorBody).error.fields?.body).toContain('{{截至日期}}');
    expect((await put(staff, '{{通报日期}}')).statusCode).toBe(403);
    const good = await put(city, '{{通报日期}}，{{范围}}红色预警{{红色预警个数}}个。');
    expect(good.statusCode, good.body).toBe(200);
    expect((await put(city, '{{通报日期}}')).statusCode).toBe(412);
    expect((await notice(city, 'daily', '2021-05-20')).text).toBe('5月20日，全市红色预警2个。');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'notice_template')
      .execute();
    expect(audit).toEqual([{ action: 'update' }]);
  });

  it('download as .docx', async () => {
    const response = await staff.request({ method: 'GET', url: '/api/v1/notices/weekly/docx?date=2021-05-20' });
    expect(response.statusCode, response.body).toBe(200);
    const paragraphs = docxParagraphs((await zipEntries(response.rawPayload)).get('word/document.xml') ?? '');
    expect(paragraphs[0]).toBe('萨尔图区重点项目周调度情况');
    expect(paragraphs[1]).toBe('（2021年5月14日至5月20日）');
    expect(paragraphs[2]).toMatch(/^本周（5月14日至5月20日），全区重点项目新增预警2个/);
  });

  it('are written by the CLI, to a .docx with --out', async () => {
    const run = (values: Record<string, string>) =>
      runCommand(noticeCommands, 'notice', contextDatabase(ctx.db), values);
    const { text } = await run({ kind: 'weekly', 'as-of': '2021-05-20' });
    expect(text.startsWith('大庆市重点项目周调度情况\n（2021年5月14日至5月20日）')).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), 'kp-notice-'));
    try {
      const out = path.join(dir, '周调度.docx');
      await run({ kind: 'weekly', 'as-of': '2021-05-20', out });
      const xml = (await zipEntries(await readFile(out))).get('word/document.xml') ?? '';
      expect(docxParagraphs(xml)[0]).toBe('大庆市重点项目周调度情况');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(run({ 'as-of': '2021-05-20' })).rejects.toThrow('--kind');
    await expect(run({ kind: 'daily', 'as-of': '2021-05-20', out: 'x.pdf' })).rejects.toThrow('.docx');
  });
});
