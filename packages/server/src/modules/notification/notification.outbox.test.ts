/**
 * The outbox: `notify` queues a message per channel the recipient has; drainers claim with a lease (two at once
 * never get the same row, on PostgreSQL truly concurrently), a failed send is retried after the lease, a sent row
 * is never claimed again; the CLI's dry run prints what a gateway would send and claims nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestUser } from '../../../test/factories.ts';
import { contextDatabase, runCommand } from '../../../test/cli.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { outboxCommands } from '../../cli/outbox.commands.ts';
import { notify } from './notification.repository.ts';
import { claimBatch, LEASE_SECONDS, markFailed, markSent, outboxCounts } from './notification.outbox.ts';

let ctx: TestContext;
let withPhone: number;
let withBoth: number;
let withNone: number;

const notice = (n: number) => ({
  kind: 'test',
  title: `预警${n}`,
  body: `项目${n}投资进度落后`,
  link: `/warnings/${n}`,
  entityType: 'warning',
  entityId: n,
  createdOn: TEST_TODAY,
});

beforeAll(async () => {
  ctx = await createTestContext();
  withPhone = (await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' })).id;
  withBoth = (await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' })).id;
  withNone = (await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' })).id;
  await ctx.db.updateTable('users').set({ phone: '13800000001' }).where('id', '=', withPhone).execute();
  await ctx.db
    .updateTable('users')
    .set({ phone: '13800000002', email: 'staff@daqing.example.cn' })
    .where('id', '=', withBoth)
    .execute();
}, 60_000);

afterAll(() => ctx.close());

describe('the outbox', () => {
  it('refuses a malformed phone or e-mail in the database itself', async () => {
    for (const values of [{ phone: '1380000' }, { phone: '13800000001\n' }, { email: 'a@b.cn, c@d.cn' }]) {
      await expect(ctx.db.updateTable('users').set(values).where('id', '=', withNone).execute()).rejects.toThrow();
    }
  });

  it('queues one message per channel a recipient has', async () => {
    await notify(ctx.db, [withPhone, withBoth, withNone], notice(1));
    const rows = await ctx.db
      .selectFrom('notification_outbox')
      .select(['channel', 'recipient', 'subject', 'body'])
      .orderBy('recipient')
      .execute();
    expect(rows).toEqual([
      { channel: 'sms', recipient: '13800000001', subject: '预警1', body: '预警1：项目1投资进度落后' },
      { channel: 'sms', recipient: '13800000002', subject: '预警1', body: '预警1：项目1投资进度落后' },
      {
        channel: 'email',
        recipient: 'staff@daqing.example.cn',
        subject: '预警1',
        body: '项目1投资进度落后\n\n/warnings/1',
      },
    ]);
  });

  it('prints what a gateway would send on a dry run, and claims nothing', async () => {
    const { output } = await runCommand(outboxCommands, 'outbox', contextDatabase(ctx.db), {
      drain: true,
      'dry-run': true,
    });
    expect(output).toMatchObject({ dryRun: true, count: 3 });
    expect(await outboxCounts(ctx.db)).toEqual({ pending: 3, leased: 0, sent: 0, dead: 0 });
  });

  it('never gives two drainers at once the same row', async () => {
    for (let n = 2; n <= 41; n += 1) await notify(ctx.db, [withPhone, withBoth], notice(n));
    const total = (await outboxCounts(ctx.db)).pending;
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => claimBatch(ctx.db, `drainer-${i}`, 25)));
    const ids = batches.flat().map((row) => String(row.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Math.min(total, 150));
    const leased = await ctx.db
      .selectFrom('notification_outbox')
      .select(['claimed_by', 'attempts'])
      .where('claimed_at', 'is not', null)
      .execute();
    expect(leased.every((row) => row.attempts === 1 && row.claimed_by?.startsWith('drainer-'))).toBe(true);
    expect(await claimBatch(ctx.db, 'late', 10)).toEqual([]);
  });

  it('retries a failed send once its lease expires, and never claims a sent row again', async () => {
    const [sent, failed] = await ctx.db.selectFrom('notification_outbox').select('id').orderBy('id').limit(2).execute();
    if (!sent || !failed) throw new Error('no rows');
    expect(await markSent(ctx.db, [sent.id])).toBe(1);
    await markFailed(ctx.db, failed.id, 'provider answered 503');
    // Let every lease run out, as LEASE_SECONDS later.
    await sql`update notification_outbox set claimed_at = claimed_at - make_interval(secs => ${LEASE_SECONDS + 1})`.execute(
      ctx.db,
    );
    const again = await claimBatch(ctx.db, 'retry', 1000);
    const againIds = again.map((row) => row.id);
    expect(againIds).toContain(failed.id);
    expect(againIds).not.toContain(sent.id);
    expect(again.find((row) => row.id === failed.id)).toMatchObject({
      attempts: 2,
      last_error: 'provider answered 503',
    });
  });

  it('refuses a real drain without a gateway', async () => {
    const { output } = await runCommand(outboxCommands, 'outbox', contextDatabase(ctx.db), { drain: true });
    expect(output).toEqual({ error: 'noGateway' });
    process.exitCode = 0;
  });
});
