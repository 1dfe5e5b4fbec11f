/**
 * Problem attachments: a photo or PDF (checked by its bytes, not its name) is stored and downloaded by those who
 * see the problem; anything else is a field-level 400 that stores nothing; another unit gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemAttachment, ProblemDetail } from '@keyprojects/core';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { multipart } from '../../../test/upload.ts';
import { createProblemCast, type ProblemCast } from './problem.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
let staff: Client;
let unit: Client;
let siblingUnit: Client;
let problemId = 0;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  staff = await signIn(ctx.app, cast.staff.user);
  unit = await signIn(ctx.app, cast.unit.user);
  siblingUnit = await signIn(ctx.app, cast.siblingUnit.user);
  const raised = await staff.request({
    method: 'POST',
    url: '/api/v1/problems',
    payload: {
      projectId: cast.project,
      title: '围挡缺失',
      category: 'environment',
      description: '施工现场围挡缺失',
      assignedUnitId: cast.unit.orgId,
    },
  });
  problemId = raised.json<ProblemDetail>().id;
}, 60_000);

afterAll(() => ctx.close());

const upload = (client: Client, file: Buffer, name: string) =>
  client.request({ method: 'POST', url: `/api/v1/problems/${problemId}/attachments`, ...multipart(file, name) });

describe('problem attachments', () => {
  it('stores a photo the unit uploads and lets the staff download it', async () => {
    const response = await upload(unit, PNG, '现场.png');
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json<ProblemAttachment>();
    expect(file).toMatchObject({ fileName: '现场.png', mimeType: 'image/png', sizeBytes: PNG.length });
    const download = await staff.request({
      method: 'GET',
      url: `/api/v1/problems/${problemId}/attachments/${file.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const other = await siblingUnit.request({
      method: 'GET',
      url: `/api/v1/problems/${problemId}/attachments/${file.id}`,
    });
    expect(other.statusCode).toBe(404);
  });

  it('refuses a file that is not an image or a PDF, whatever its name, and stores nothing', async () => {
    const response = await upload(unit, Buffer.from('MZ not really a picture'), 'photo.png');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual(['file']);
    const stored = await ctx.db.selectFrom('attachments').select('id').where('owner_kind', '=', 'problem').execute();
    expect(stored).toHaveLength(1);
    expect((await upload(siblingUnit, PNG, 'x.png')).statusCode).toBe(404);
  });
});
