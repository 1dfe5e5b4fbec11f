/**
 * `notice --kind daily|weekly --as-of YYYY-MM-DD [--region CODE] [--as USER] [--out FILE.docx] [--json]`: the daily
 * notice (日通报) or the weekly dispatch report (周调度, the week ending on the date) of the acting user's scope,
 * from live warnings and problems through the kind's default template; printed, or written as a Word document with
 * --out. Acts as a real user (--as, else the first active city administrator), so scope and figures are the API's.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NOTICE_KINDS, REGION_CODE_PATTERN, type NoticeKind } from '@keyprojects/core';
import { migrateToLatest } from '../db/migrate.ts';
import { bulletinDocx } from '../modules/bulletin/bulletin.docx.ts';
import { composeNotice } from '../modules/notice/notice.service.ts';
import { cliActor } from './cli-actor.ts';
import type { CliCommand } from './command.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isKind = (value: unknown): value is NoticeKind => NOTICE_KINDS.some((kind) => kind === value);

/** The notice command by name, for the CLI's command table. */
export const noticeCommands: Record<string, CliCommand> = {
  async notice({ database, values, print }) {
    const kind = values.kind;
    if (!isKind(kind)) throw new Error('--kind daily|weekly is required');
    const asOf = values['as-of'];
    if (typeof asOf !== 'string' || !ISO_DATE.test(asOf)) throw new Error('--as-of YYYY-MM-DD is required');
    const region = values.region;
    if (region !== undefined && (typeof region !== 'string' || !REGION_CODE_PATTERN.test(region)))
      throw new Error('--region must be a six-digit GB/T 2260 code');
    const out = values.out;
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.docx')))
      throw new Error('--out needs a file name ending in .docx');
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const notice = await composeNotice(database.db, actor, kind, { date: asOf, regionCode: region });
    const output = {
      kind,
      from: notice.from,
      to: notice.to,
      regionCode: notice.regionCode,
      title: notice.title,
      figures: notice.figures,
      paragraphs: notice.paragraphs,
    };
    if (out === undefined) {
      print(output, [notice.title, notice.dateLine, '', notice.text].join('\n'));
      return;
    }
    const file = path.resolve(out);
    await writeFile(file, await bulletinDocx(notice));
    print({ ...output, file }, `已写入 ${file}`);
  },
};
