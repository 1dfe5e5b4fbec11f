/**
 * Excel from the command line, acting as the data's city administrator (or --as <username>):
 *   import <file.xlsx> [--kind projects|monthly-reports --period YYYY-MM] [--dry-run] [--as U] [--lang en]
 *                                                          preview or commit a project or monthly-report ledger
 *   export <what> --out <file.xlsx> [--query "k=v&…"]      what: a registered export (projects, monthly-reports
 *                                                          with the review desk's query, e.g. "year=2021&month=5")
 *   template [--kind monthly-reports --period YYYY-MM] --out <file.xlsx>
 *                                                          the project ledger template, or a period's report ledger
 * Progress lines go to stderr (`progress writing 500/3000`), so --json output stays one JSON document.
 * The report ledger follows the server's calendar: TODAY when set, else today in China, for periods begun.
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { LEDGER_KINDS, type LedgerKind } from '@keyprojects/core';
import { fixedClock, systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { RequestValidationError, issuesToFields } from '../errors.ts';
import { EXPORTS, findExport } from '../modules/ledger/exports/export.registry.ts';
import { importProjectLedger, importReportLedger } from '../modules/ledger/ledger.service.ts';
import { buildProjectTemplate } from '../modules/ledger/projects/project-ledger.template.ts';
import type { ReportPeriod } from '../modules/ledger/reports/report-ledger.importer.ts';
import { buildReportTemplate } from '../modules/ledger/reports/report-ledger.template.ts';
import type { ReportCalendar } from '../modules/report/report.service.ts';
import type { ImportProgress } from '../modules/ledger/import/import.pipeline.ts';
import { cliActor, option } from './cli-actor.ts';
import type { CliCommand, CliValues } from './command.ts';

function requireOut(values: CliValues): string {
  const out = option(values, 'out');
  if (!out) throw new Error('--out <file.xlsx> is required');
  return out;
}

/** --kind (default projects) and, for monthly reports, --period YYYY-MM. */
function kindOf(values: CliValues): { kind: 'projects' } | { kind: 'monthly-reports'; period: ReportPeriod } {
  const kind = option(values, 'kind') ?? 'projects';
  if (!(LEDGER_KINDS as readonly string[]).includes(kind))
    throw new Error(`--kind must be ${LEDGER_KINDS.join(' or ')}`);
  if ((kind as LedgerKind) === 'projects') return { kind: 'projects' };
  const match = /^(\d{4})-(0?[1-9]|1[0-2])$/.exec(option(values, 'period') ?? '');
  if (!match) throw new Error('--period YYYY-MM is required with --kind monthly-reports');
  return { kind: 'monthly-reports', period: { year: Number(match[1]), month: Number(match[2]) } };
}

/** The server's calendar for report rules: TODAY when configured, else today in China. */
function calendar(): ReportCalendar {
  const config = loadConfig(process.env);
  const clock = config.today ? fixedClock(config.today) : systemClock;
  return { today: () => clock.today(), deadlineDay: config.reportDeadlineDay };
}

/** The io commands by name, for cli.ts: import, export, template. */
export const ioCommands: Record<string, CliCommand> = {
  async import({ database, values, args, print }) {
    const [path] = args;
    if (!path) {
      throw new Error(
        'usage: import <file.xlsx> [--kind projects|monthly-reports --period YYYY-MM] [--dry-run] [--as USER] [--json]',
      );
    }
    const ledger = kindOf(values);
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const file = await readFile(path);
    const options = {
      dryRun: values['dry-run'] === true,
      locale: actor.locale,
      onProgress: ({ phase, processed, total }: ImportProgress) =>
        process.stderr.write(`progress ${phase} ${processed}/${total}\n`),
    };
    const result =
      ledger.kind === 'projects'
        ? await importProjectLedger(database.db, calendar(), actor, file, options)
        : await importReportLedger(database.db, calendar(), actor, file, { ...options, period: ledger.period });
    const { summary } = result;
    const lines = [
      `${result.committed ? 'imported' : result.dryRun ? 'preview' : 'NOT imported'}: ${summary.rows} rows — ` +
        `${summary.create} new, ${summary.update} changed, ${summary.unchanged} unchanged, ${summary.errors} errors`,
      ...result.errors.map((e) => `  row ${e.row} ${e.column ?? ''} ${e.header ?? ''}: ${e.message}`),
    ];
    print({ status: result.dryRun || result.committed ? 'ok' : 'invalid', ...result }, lines.join('\n'));
    if (!result.dryRun && !result.committed) process.exitCode = 1;
  },

  async export({ database, values, args, print }) {
    const [what] = args;
    const entry = what ? findExport(what) : undefined;
    if (!entry) throw new Error(`usage: export <${EXPORTS.map((e) => e.name).join('|')}> --out <file.xlsx>`);
    const out = requireOut(values);
    const actor = await cliActor(database.db, values);
    const query = Object.fromEntries(new URLSearchParams(option(values, 'query') ?? ''));
    const { write } = await entry.prepare(database.db, actor, query).catch((error: unknown) => {
      // Name the bad parameters (e.g. a missing year) rather than a bare 'validation'.
      if (!(error instanceof RequestValidationError)) throw error;
      throw new Error(`--query: ${JSON.stringify(issuesToFields(error.issues, actor.locale))}`);
    });
    const stream = createWriteStream(out);
    const rows = await write(stream);
    if (!stream.writableFinished) await once(stream, 'finish');
    print({ status: 'ok', export: entry.name, rows, file: out }, `exported ${rows} rows to ${out}`);
  },

  async template({ database, values, print }) {
    const ledger = kindOf(values);
    const out = requireOut(values);
    const actor = await cliActor(database.db, values);
    const file =
      ledger.kind === 'projects'
        ? await buildProjectTemplate(database.db, actor)
        : await buildReportTemplate(database.db, actor, ledger.period);
    await writeFile(out, file);
    print({ status: 'ok', file: out }, `template written to ${out}`);
  },
};
