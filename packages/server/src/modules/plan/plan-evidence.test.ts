/**
 * Evidence of milestone plan nodes over the API, on one project of 萨尔图区: a PNG and a PDF attached to a node of the
 * current plan are listed with the node and download within scope; a text file is refused with a field-level 400 and
 * nothing written; another district gets 404 (upload and download); a node not in the current plan is 404; after a
 * re-plan is approved the evidence sits on the new version's node of the same key, while a node the re-plan dropped
 * keeps its evidence on the superseded version's node (still downloadable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlanNodeInput, type ProjectPlanOutput } from '@keyprojects/core';
import { changeAuditRows, rowCount } from '../../../test/audit.ts';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { multipart } from '../../../test/upload.ts';
import { createProblemCast, type ProblemCast } from '../problem/problem.fixture.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

let ctx: TestContext;
let cast: ProblemCast;
let staff: Client;
let sibling: Client;
let url: string;
let plan: ProjectPlanOutput;

const approve = async (view: ProjectPlanOutput) => {
  const response = await staff.request({
    method: 'POST',
    url: `${url}/approve`,
    headers: { 'if-match': `"${view.draft?.rowVersion}"` },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectPlanOutput>();
};

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  staff = await signIn(ctx.app, cast.staff.user);
  sibling = await signIn(ctx.app, cast.siblingStaff.user);
  url = `/api/v1/projects/${cast.project}/plan`;
  const generated = await staff.request({
    method: 'POST',
    url: `${url}/generate`,
    payload: { targetDate: '2021-12-31', untilStage: 'started' },
  });
  expect(generated.statusCode, generated.body).toBe(201);
  plan = await approve(generated.json<ProjectPlanOutput>());
}, 60_000);
afterAll(() => ctx.close());

const upload = (client: Client, key: string, bytes: Buffer, name: string, contentType: string) =>
  client.request({
    method: 'POST',
    url: `${url}/nodes/${key}/attachments`,
    ...multipart(bytes, name, { field: 'photo', contentType }),
  });
const evidenceCount = () => rowCount(ctx.db, 'attachments');
const auditCount = () => changeAuditRows(ctx.db);
const keyOf = (index: number) => plan.current?.nodes[index]?.key ?? '';

describe('evidence of a plan node', () => {
  it('takes a PNG and a PDF, lists them with the node and serves them within scope', async () => {
    const photo = await upload(staff, keyOf(1), PNG, '用地批复.png', 'image/png');
    expect(photo.statusCode, photo.body).toBe(201);
    const pdf = await upload(staff, keyOf(1), PDF, '用地批复.pdf', 'application/pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json<{ mimeType: string }>().mimeType).toBe('application/pdf');
    expect((await upload(staff, keyOf(0), PNG, '建议书.png', 'image/png')).statusCode).toBe(201);

    plan = (await staff.request({ method: 'GET', url })).json<ProjectPlanOutput>();
    const evidence = plan.current?.nodes[1]?.evidence ?? [];
    expect(evidence.map((e) => [e.fileName, e.mimeType])).toEqual([
      ['用地批复.png', 'image/png'],
      ['用地批复.pdf', 'application/pdf'],
    ]);
    expect(plan.current?.nodes[0]?.evidence.map((e) => e.fileName)).toEqual(['建议书.png']);
    expect(plan.current?.nodes[2]?.evidence).toEqual([]);

    const download = await staff.request({ method: 'GET', url: `/api/v1/attachments/${evidence[1]?.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const stranger = await sibling.request({ method: 'GET', url: `/api/v1/attachments/${evidence[0]?.id}` });
    expect(stranger.statusCode).toBe(404);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(cast.project))
      .where('action', '=', 'update')
      .select('after')
      .execute();
    expect(audit.filter((row) => JSON.stringify(row.after).includes('用地批复.pdf'))).toHaveLength(1);
  });

  it('refuses a text file with a field-level 400 and writes nothing', async () => {
    const [files, audits] = [await evidenceCount(), await auditCount()];
    const text = await upload(staff, keyOf(1), Buffer.from('not evidence'), 'a.txt', 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(Object.keys(text.json<{ error: { fields: object } }>().error.fields)).toEqual(['photo']);
    expect([await evidenceCount(), await auditCount()]).toEqual([files, audits]);
  });

  it('is 404 for another district and for a node not in the current plan', async () => {
    const files = await evidenceCount();
    expect((await upload(sibling, keyOf(1), PNG, 'x.png', 'image/png')).statusCode).toBe(404);
    expect((await upload(staff, 'no_such_node', PNG, 'x.png', 'image/png')).statusCode).toBe(404);
    expect(await evidenceCount()).toBe(files);
  });

  it('follows its node by key through an approved re-plan; a dropped node keeps it on the old version', async () => {
    const before = plan.current;
    const replan = await staff.request({
      method: 'POST',
      url: `${url}/generate`,
      payload: { targetDate: '2022-01-31', untilStage: 'started', reason: '用地指标调整，顺延一个月' },
    });
    expect(replan.statusCode, replan.body).toBe(201);
    const draft = replan.json<ProjectPlanOutput>();
    // The draft carries no evidence: it stays on the approved nodes until the draft is approved.
    expect(draft.draft?.nodes.every((n) => n.evidence.length === 0)).toBe(true);
    const dropped = keyOf(0);
    const saved = await staff.request({
      method: 'PUT',
      url: `${url}/draft`,
      headers: { 'if-match': `"${draft.draft?.rowVersion}"` },
      payload: {
        targetDate: '2022-01-31',
        reason: '用地指标调整，顺延一个月',
        nodes: (draft.draft?.nodes ?? []).filter((n) => n.key !== dropped).map(toPlanNodeInput),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await approve(saved.json<ProjectPlanOutput>());
    expect(after.current?.version).toBe(2);
    const moved = after.current?.nodes.find((n) => n.key === keyOf(1));
    expect(moved?.evidence).toEqual(before?.nodes[1]?.evidence);
    expect(after.current?.nodes.some((n) => n.key === dropped)).toBe(false);

    // The dropped node's file stays on version 1's node of that key, and still downloads.
    const kept = before?.nodes[0]?.evidence[0];
    const owner = await ctx.db
      .selectFrom('attachments as a')
      .innerJoin('milestone_nodes as n', 'n.id', 'a.owner_id')
      .innerJoin('milestone_plans as mp', 'mp.id', 'n.plan_id')
      .where('a.id', '=', kept?.id ?? 0)
      .select(['mp.version', 'n.node_key'])
      .executeTakeFirst();
    expect(owner).toEqual({ version: 1, node_key: dropped });
    expect((await staff.request({ method: 'GET', url: `/api/v1/attachments/${kept?.id}` })).statusCode).toBe(200);
  });
});
