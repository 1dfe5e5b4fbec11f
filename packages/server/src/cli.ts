/**
 * The command line: `npm run cli -- <command> [options]`. Each command takes --json for machine-readable
 * output and --data-dir (or DATABASE_URL) to choose the database.
 *   migrate                      apply pending migrations
 *   seed-demo                    load the demo city into an empty database
 *   create-admin --username U --password P [--role R] [--region CODE] [--display-name N]
 *   health                       check the database and print what it holds
 *   stats --as-of DATE [--region CODE]   headline figures with year-on-year differences
 *   bulletin --as-of DATE [--region CODE] [--out FILE.docx|FILE.pdf]   the bulletin text, or a Word/PDF file
 *   import FILE.xlsx [--kind monthly-reports --period YYYY-MM] [--dry-run] [--as USER]   a ledger, all rows or none
 *   template [--kind monthly-reports --period YYYY-MM] --out FILE.xlsx   a ledger template
 *   export projects|monthly-reports --out FILE.xlsx [--query "k=v&…"]   a list as Excel, with its filters
 *   export-oc4ids --out FILE [--as USER] / import-oc4ids FILE [--as USER]   OC4IDS open data
 *   verify-audit                 recompute the audit trail's hash chain; exit 1 naming the first broken row
 *   warnings --as-of DATE [--region CODE]   every warning active on the date, with counts by rule and level
 *   evaluate-warnings --as-of DATE [--region CODE]   the daily warning evaluation once, as of the date
 *   plan --project CODE [--as-of DATE]   a project's milestone plan: baseline, latest and actual dates, delays
 *   backup FILE / restore FILE   a consistent logical backup (also of a running server); restore into an empty database
 *   outbox [--drain --dry-run]   the SMS/e-mail outbox's counts, or what a gateway would send now (docs/outbox.md)
 */
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';
import { XlsxFileError } from './io/xlsx.errors.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { parseCliArgs, type CliCommand, type DirectCommand } from './cli/command.ts';
import { foundationCommands } from './cli/foundation.commands.ts';
import { statsCommands } from './cli/stats.commands.ts';
import { oc4idsCommands } from './cli/oc4ids.commands.ts';
import { bulletinCommands } from './cli/bulletin.commands.ts';
import { noticeCommands } from './cli/notice.commands.ts';
import { ioCommands } from './cli/io.commands.ts';
import { auditCommands } from './cli/audit.commands.ts';
import { backupCommands, backupDirectCommands } from './cli/backup.commands.ts';
import { warningCommands } from './cli/warning.commands.ts';
import { outboxCommands } from './cli/outbox.commands.ts';
import { planCommands } from './cli/plan.commands.ts';
import { reserveCommands } from './cli/reserve.commands.ts';
import { rankingCommands } from './cli/ranking.commands.ts';

/** Every command by name; each area of the product contributes its own record. */
const commands: Record<string, CliCommand> = {
  ...foundationCommands,
  ...statsCommands,
  ...oc4idsCommands,
  ...bulletinCommands,
  ...noticeCommands,
  ...ioCommands,
  ...auditCommands,
  ...backupCommands,
  ...warningCommands,
  ...outboxCommands,
  ...planCommands,
  ...reserveCommands,
  ...rankingCommands,
};
/** Commands that open the database themselves. */
const directCommands: Record<string, DirectCommand> = { ...backupDirectCommands };

const { values, positionals } = parseCliArgs(process.argv.slice(2));

function print(output: Record<string, unknown>, text: string) {
  console.log(
    values.json ? JSON.stringify(output, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : text,
  );
}

async function main() {
  const [name, ...args] = positionals;
  const command = name ? commands[name] : undefined;
  const direct = name ? directCommands[name] : undefined;
  if (values.help || (!command && !direct)) {
    const names = [...Object.keys(commands), ...Object.keys(directCommands)];
    console.log(`usage: npm run cli -- <${names.join('|')}> [--json] [--data-dir DIR]`);
    process.exit(values.help ? 0 : 2);
  }
  const dataDir = values['data-dir'];
  const config = loadConfig({ ...process.env, ...(typeof dataDir === 'string' ? { DATA_DIR: dataDir } : {}) });
  if (direct) {
    await direct({ config, values, args, print });
    return;
  }
  if (!command) return;
  const database = await openConfiguredDatabase(config);
  try {
    await command({ database, config, values, args, print });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  // A refused workbook reads as its sentence (its code is its message key); other AppErrors as code and key.
  const text =
    error instanceof XlsxFileError
      ? error.message
      : error instanceof AppError
        ? `${error.code}: ${JSON.stringify(error.fields ?? error.messageKey)}`
        : error instanceof Error
          ? error.message
          : String(error);
  if (values.json) console.log(JSON.stringify({ status: 'error', error: text }));
  else console.error(text);
  process.exit(1);
});
