/**
 * `outbox [--json]`: the SMS/e-mail outbox's counts; `outbox --drain --dry-run [--limit N]`: what a gateway
 * draining it now would send, without claiming anything. No gateway ships with KeyProjects (docs/outbox.md), so a
 * drain without --dry-run is refused rather than marking messages sent that nobody sent.
 */
import { outboxCounts, peekClaimable } from '../modules/notification/notification.outbox.ts';
import type { CliCommand } from './command.ts';

export const outboxCommands: Record<string, CliCommand> = {
  async outbox({ database, values, print }) {
    if (!values.drain) {
      const counts = await outboxCounts(database.db);
      print(
        { ...counts },
        `outbox: ${counts.pending} waiting, ${counts.leased} leased, ${counts.sent} sent, ${counts.dead} given up`,
      );
      return;
    }
    if (!values['dry-run']) {
      print(
        { error: 'noGateway' },
        'no gateway is built in: use --drain --dry-run to see what one would send (docs/outbox.md)',
      );
      process.exitCode = 2;
      return;
    }
    const limit = Math.max(1, Math.min(Number(values.limit ?? 100) || 100, 10_000));
    const rows = await peekClaimable(database.db, limit);
    const messages = rows.map((row) => ({
      id: String(row.id),
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      attempts: row.attempts,
    }));
    const text = messages
      .map((m) => `#${m.id} ${m.channel} → ${m.recipient}  ${m.subject}\n    ${m.body.replace(/\n/g, '\n    ')}`)
      .join('\n');
    print({ dryRun: true, count: messages.length, messages }, `${messages.length} message(s) would be sent\n${text}`);
  },
};
