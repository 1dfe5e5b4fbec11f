/**
 * `bulletin --as-of YYYY-MM-DD [--region CODE] [--template ID] [--as USER] [--out FILE.docx|FILE.pdf] [--json]`: the
 * bulletin (通报) of the acting user's scope (or the region named inside it) as of a date, from the default template
 * or the one named; printed as text, or written as a Word document or a PDF with --out. Acts as a real user (--as,
 * else the first active city administrator), so permission, scope and figures are those of the API.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REGION_CODE_PATTERN } from '@keyprojects/core';
import { migrateToLatest } from '../db/migrate.ts';
import { bulletinDocx } from '../modules/bulletin/bulletin.docx.ts';
import { bulletinPdf } from '../modules/bulletin/bulletin.pdf.ts';
import { composeBulletin } from '../modules/bulletin/bulletin.service.ts';
import { cliActor } from './cli-actor.ts';
import type { CliCommand, CliValues } from './command.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function option(values: CliValues, name: string, pattern: RegExp, hint: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw new Error(`--${name} ${hint}`);
  return value;
}

/** The bulletin command by name, for the CLI's command table. */
export const bulletinCommands: Record<string, CliCommand> = {
  async bulletin({ database, config, values, print }) {
    const asOf = option(values, 'as-of', ISO_DATE, 'must be a date YYYY-MM-DD');
    if (asOf === undefined) throw new Error('--as-of YYYY-MM-DD is required');
    const region = option(values, 'region', REGION_CODE_PATTERN, 'must be a six-digit GB/T 2260 code');
    const template = option(values, 'template', /^[1-9]\d{0,8}$/, 'must be a template id');
    const out = values.out;
    if (out !== undefined && (typeof out !== 'string' || !/\.(docx|pdf)$/.test(out))) {
      throw new Error('--out needs a file name ending in .docx or .pdf');
    }
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const bulletin = await composeBulletin(database.db, actor, {
      asOf,
      regionCode: region,
      templateId: template === undefined ? undefined : Number(template),
    });
    const output = {
      asOf,
      regionCode: bulletin.regionCode,
      title: bulletin.title,
      paragraphs: bulletin.paragraphs,
    };
    if (out === undefined) {
      print(output, [bulletin.title, bulletin.dateLine, '', bulletin.text].join('\n'));
      return;
    }
    const file = path.resolve(out);
    await writeFile(
      file,
      file.endsWith('.pdf') ? await bulletinPdf(bulletin, config.pdfFontDir) : await bulletinDocx(bulletin),
    );
    print({ ...output, file }, `已写入 ${file}`);
  },
};
