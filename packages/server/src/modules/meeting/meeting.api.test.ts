/**
 * Dispatch meetings over the API: the agenda generated from known warnings and problems (red first), decisions
 * that become problems with a clock, the next meeting carrying the last one's decisions, edits under a version,
 * the region scope (another district's meeting is 404), bad input refused with nothing written, and the .docx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, MeetingAgendaItemOutput, MeetingDetailOutput, MeetingOutput } from '@keyprojects/core';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { docxParagraphs, zipEntries } from '../bulletin/bulletin.fixtures.ts';
import { createProblemCast, type ProblemCast } from '../problem/problem.fixture.ts';
import { insertProblem, insertWarning } from './meeting.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
let city: Client;
let staff: Client;
let sibling: Client;
let unit: Client;
let siblingUnit: Client;
const ids = { overdue: 0, red: '', yellow: '', siblingRed: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  city = await signIn(ctx.app, cast.cityAdmin.user);
  staff = await signIn(ctx.app, cast.staff.user);
  sibling = await signIn(ctx.app, cast.siblingStaff.user);
  unit = await signIn(ctx.app, cast.unit.user);
  siblingUnit = await signIn(ctx.app, cast.siblingUnit.user);
  const own = { projectId: cast.project, regionCode: '230602' };
  ids.yellow = await insertWarning(ctx.db, { ...own, level: 'yellow', raisedOn: '2021-05-06', text: '应开工未开工' });
  ids.red = await insertWarning(ctx.db, { ...own, level: 'red', raisedOn: '2021-05-10', text: '落后61%' });
  await insertWarning(ctx.db, {
    ...own,
    level: 'red',
    raisedOn: '2021-05-01',
    clearedOn: '2021-05-15',
    text: '已解除',
  });
  ids.siblingRed = await insertWarning(ctx.db, {
    projectId: cast.siblingProject,
    regionCode: '230603',
    level: 'red',
    raisedOn: '2021-05-11',
    text: '龙凤区落后',
  });
  const problem = { ...own, raisedOn: '2021-04-20', unitId: cast.unit.orgId };
  ids.overdue = await insertProblem(ctx.db, { ...problem, title: '用地报批', state: 'accepted', dueOn: '2021-05-15' });
  await insertProblem(ctx.db, { ...problem, title: '已销号', state: 'verified_closed', dueOn: '2021-05-01' });
  await insertProblem(ctx.db, { ...problem, title: '未到期', state: 'in_progress', dueOn: '2021-06-30' });
}, 60_000);

afterAll(() => ctx.close());

const meetingBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'weekly_dispatch',
  regionCode: '230602',
  heldOn: '2021-05-14',
  title: '萨尔图区重点项目周调度会',
  location: '区政府三楼会议室',
  chair: '区长',
  ...overrides,
});
const create = (client: Client, overrides: Record<string, unknown> = {}) =>
  client.request({ method: 'POST', url: '/api/v1/meetings', payload: meetingBody(overrides) });
const detail = async (client: Client, id: number) => {
  const response = await client.request({ method: 'GET', url: `/api/v1/meetings/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MeetingDetailOutput>();
};
const decide = (client: Client, meetingId: number, overrides: Record<string, unknown> = {}) =>
  client.request({
    method: 'POST',
    url: `/api/v1/meetings/${meetingId}/decisions`,
    payload: {
      projectId: cast.project,
      title: '协调施工用电接入',
      description: '会议议定：区住建局牵头，5个工作日内完成临时用电接入。',
      category: 'utilities',
      assignedUnitId: cast.unit.orgId,
      assigneeName: '王科长',
      ...overrides,
    },
  });
const count = async (table: 'meetings' | 'problems' | 'meeting_agenda_items') =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let first: MeetingOutput;

describe('a dispatch meeting', () => {
  it('opens with its region’s red projects (naming their yellow warnings too), then overdue problems', async () => {
    const response = await create(staff, { heldOn: '2021-05-20' });
    expect(response.statusCode, response.body).toBe(201);
    first = response.json<MeetingOutput>();
    expect(first.previousMeetingId).toBeNull();
    const { agenda } = await detail(staff, first.id);
    const shape = (item: MeetingAgendaItemOutput) => [item.source, item.level, item.warningId ?? item.problemId];
    expect(agenda.map(shape)).toEqual([
      ['warning', 'red', ids.red],
      ['problem', 'red', ids.overdue],
    ]);
    expect(agenda.map((item) => item.position)).toEqual([1, 2]);
    // One item per project: the red warning first, then the same project's yellow one; the cleared one is gone.
    expect(agenda[0]?.title).toMatch(/落后61%.*应开工未开工/);
    expect(agenda[0]?.title).not.toContain('已解除');
    expect(agenda[1]?.title).toContain('用地报批（萨尔图区住建局，应于5月15日前解决，已逾期）');
  });

  it('previews the city’s agenda with every district’s items, red first', async () => {
    const response = await city.request({
      method: 'GET',
      url: '/api/v1/meetings/agenda-preview?regionCode=230600&heldOn=2021-05-20',
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: MeetingAgendaItemOutput[] }>().items;
    expect(items.map((item) => item.warningId ?? item.problemId)).toEqual([ids.red, ids.siblingRed, ids.overdue]);
  });

  it('turns a decision into an assigned problem with the 13710 clock', async () => {
    const response = await decide(staff, first.id);
    expect(response.statusCode, response.body).toBe(201);
    const decision = response.json<MeetingDetailOutput['decisions'][number]>();
    expect(decision).toMatchObject({
      state: 'open',
      unitId: cast.unit.orgId,
      assigneeName: '王科长',
      assignedOn: '2021-05-20',
    });
    expect(decision.dueOn).not.toBeNull();
    expect(decision.clock).toMatchObject({ state: 'on_time', workingDaysOverdue: 0 });
    const row = await ctx.db.selectFrom('problems').selectAll().where('id', '=', decision.id).executeTakeFirstOrThrow();
    expect([row.source, row.meeting_id, row.due_on]).toEqual(['meeting_decision', first.id, decision.dueOn]);
    expect((await detail(staff, first.id)).decisions.map((d) => d.id)).toEqual([decision.id]);
  });

  it('lets the next meeting of the same kind and region open with what the last one decided', async () => {
    const response = await create(staff, { heldOn: '2021-05-27', title: '第二次周调度会' });
    expect(response.statusCode, response.body).toBe(201);
    const second = response.json<MeetingOutput>();
    expect(second.previousMeetingId).toBe(first.id);
    const { previous } = await detail(staff, second.id);
    expect(previous?.id).toBe(first.id);
    expect(previous?.decisions.map((d) => [d.title, d.state])).toEqual([['协调施工用电接入', 'open']]);
    const other = (await create(staff, { heldOn: '2021-05-28', kind: 'monthly_review' })).json<MeetingOutput>();
    expect(other.previousMeetingId).toBeNull();
  });

  it('keeps a meeting from another district’s staff and from other units: 404', async () => {
    expect((await sibling.request({ method: 'GET', url: `/api/v1/meetings/${first.id}` })).statusCode).toBe(404);
    expect((await siblingUnit.request({ method: 'GET', url: `/api/v1/meetings/${first.id}` })).statusCode).toBe(404);
    const list = await sibling.request({ method: 'GET', url: '/api/v1/meetings' });
    expect(list.json<{ items: MeetingOutput[] }>().items).toEqual([]);
    const before = await count('problems');
    expect((await decide(sibling, first.id)).statusCode).toBe(404);
    expect(
      (
        await sibling.request({
          method: 'PATCH',
          url: `/api/v1/meetings/${first.id}`,
          payload: { version: 1, minutes: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect(await count('problems')).toBe(before);
    expect((await create(sibling, { regionCode: '230602' })).statusCode).toBe(400);
  });

  it('shows the assigned unit the meeting with its own decisions only', async () => {
    const seen = await detail(unit, first.id);
    expect(seen.decisions).toHaveLength(1);
    expect(
      (await unit.request({ method: 'PATCH', url: `/api/v1/meetings/${first.id}`, payload: { version: 1 } }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses bad input with a field error and writes nothing', async () => {
    const before = await Promise.all([count('meetings'), count('meeting_agenda_items'), count('problems')]);
    const bad = [
      { heldOn: '2021-02-30' },
      { title: '会'.repeat(20_000) },
      { title: `周调度${String.fromCharCode(0)}会` },
      { kind: 'daily_chat' },
      { regionCode: '999999' },
    ];
    for (const overrides of bad) {
      const response = await create(staff, overrides);
      expect(response.statusCode, JSON.stringify(overrides).slice(0, 80)).toBe(400);
    }
    const fields = (body: string) => Object.keys((JSON.parse(body) as ErrorBody).error.fields ?? {});
    expect(fields((await create(staff, { heldOn: '2021-02-30' })).body)).toEqual(['heldOn']);
    expect(fields((await create(staff, { title: '会'.repeat(20_000) })).body)).toEqual(['title']);
    const wrongUnit = await decide(staff, first.id, { assignedUnitId: cast.siblingUnit.orgId });
    expect([wrongUnit.statusCode, fields(wrongUnit.body)]).toEqual([400, ['assignedUnitId']]);
    const wrongProject = await decide(city, first.id, { projectId: cast.siblingProject });
    expect([wrongProject.statusCode, fields(wrongProject.body)]).toEqual([400, ['projectId']]);
    expect(await Promise.all([count('meetings'), count('meeting_agenda_items'), count('problems')])).toEqual(before);
  });

  it('takes one of two edits made on the same version and refuses the other with 409', async () => {
    const { meeting } = await detail(staff, first.id);
    const edit = (minutes: string) =>
      staff.request({
        method: 'PATCH',
        url: `/api/v1/meetings/${first.id}`,
        payload: { version: meeting.version, minutes, state: 'held' },
      });
    const statuses = (await Promise.all([edit('纪要甲'), edit('纪要乙')])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    expect((await detail(staff, first.id)).meeting).toMatchObject({ state: 'held', version: meeting.version + 1 });
  });

  it('edits the agenda: reorder, note, remove, add', async () => {
    const { meeting, agenda } = await detail(staff, first.id);
    const [a, b] = agenda;
    const response = await staff.request({
      method: 'PUT',
      url: `/api/v1/meetings/${first.id}/agenda`,
      payload: {
        version: meeting.version,
        items: [{ id: b?.id, title: b?.title, note: '请区住建局说明' }, { title: '其他事项：汛期安全生产' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: MeetingAgendaItemOutput[] }>().items;
    expect(items.map((item) => [item.id === null ? null : item.source, item.note])).toEqual([
      ['problem', '请区住建局说明'],
      ['free', null],
    ]);
    expect(items.map((item) => item.id)).not.toContain(a?.id);
    const stale = await staff.request({
      method: 'PUT',
      url: `/api/v1/meetings/${first.id}/agenda`,
      payload: { version: meeting.version, items: [] },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('exports agenda, minutes and decisions as a .docx', async () => {
    const response = await staff.request({ method: 'GET', url: `/api/v1/meetings/${first.id}/docx` });
    expect(response.statusCode, response.body).toBe(200);
    const xml = (await zipEntries(response.rawPayload)).get('word/document.xml') ?? '';
    const text = docxParagraphs(xml).join('\n');
    expect(text).toContain('萨尔图区重点项目周调度会');
    expect(text).toContain('其他事项：汛期安全生产');
    expect(text).toMatch(/纪要[甲乙]/);
    expect(text).toContain('协调施工用电接入');
    expect(text).toContain('王科长');
  });
});
