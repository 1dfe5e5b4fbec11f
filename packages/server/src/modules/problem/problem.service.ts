/**
 * The problem list's reads and the API's raise: the lists (全部 / 任务清单 / 责任清单) with the clock's overdue
 * filter applied over core's clockState, the detail with its history, attachments and the viewer's actions, and
 * attachments (checked by their bytes, stored in the database, served only to those who see the problem).
 */
import type { Kysely } from 'kysely';
import type {
  ProblemAttachment,
  ProblemCreateBody,
  ProblemDetail,
  ProblemList,
  ProblemListItem,
  ProblemListQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { sniffImageType } from '../report/report-photo.service.ts';
import { createProblem } from './problem.create.ts';
import { isOverdue, problemClockState, toProblemDetail, toProblemListItem } from './problem.presenter.ts';
import * as files from './problem-attachment.repository.ts';
import * as repo from './problem.repository.ts';

export interface ProblemDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** The most problems a list or an export reads before paging (a city's open and recent problems fit). */
const LIST_CAP = 5000;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Every problem the actor may see that matches the query, in the view's order, before paging. */
export async function allMatchingProblems(
  deps: ProblemDeps,
  actor: Actor,
  query: Omit<ProblemListQuery, 'limit' | 'offset'>,
): Promise<ProblemListItem[]> {
  requirePermission(actor, 'problem.read');
  const today = deps.clock.today();
  const { calendar } = await rulesInForce(deps.db);
  const rows = await repo.listProblemRows(deps.db, actor, query, LIST_CAP);
  const kept =
    query.overdue === undefined
      ? rows
      : rows.filter((row) => isOverdue(row.state, problemClockState(row, calendar, today)) === query.overdue);
  return kept.map((row) => toProblemListItem(row, calendar, today));
}

/** GET /problems: one page of the list. */
export async function listProblems(deps: ProblemDeps, actor: Actor, query: ProblemListQuery): Promise<ProblemList> {
  const items = await allMatchingProblems(deps, actor, query);
  return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}

/** GET /problems/:id, or 404 when the actor may not see it. */
export async function getProblem(deps: ProblemDeps, actor: Actor, id: number): Promise<ProblemDetail> {
  requirePermission(actor, 'problem.read');
  const row = await repo.findProblem(deps.db, actor, id);
  if (!row) throw errors.notFound();
  const { calendar } = await rulesInForce(deps.db);
  const events = (await repo.problemEvents(deps.db, id)).map((event) => ({ ...event, id: Number(event.id) }));
  const attachments = (await files.problemAttachments(deps.db, id)).map(toAttachment);
  return toProblemDetail(row, { events, attachments }, actor, calendar, deps.clock.today());
}

/** POST /problems: raises (and, for staff naming a unit, assigns) a problem; the detail. */
export async function raiseProblem(deps: ProblemDeps, actor: Actor, body: ProblemCreateBody): Promise<ProblemDetail> {
  const { id } = await deps.db.transaction().execute((trx) => createProblem(trx, deps, actor, body));
  return getProblem(deps, actor, id);
}

function toAttachment(row: {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
}): ProblemAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    createdOn: row.createdAt.toISOString().slice(0, 10),
  };
}

/** The type the bytes actually are, among those a problem may carry (photos, scanned letters as PDF), or null. */
function sniffAttachmentType(bytes: Buffer): string | null {
  const image = sniffImageType(bytes);
  if (image === 'image/jpeg' || image === 'image/png') return image;
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : null;
}

/** Attaches a file to a problem the actor may see and work on (not after it is closed). */
export async function addAttachment(
  deps: ProblemDeps,
  actor: Actor,
  problemId: number,
  file: { fileName: string; bytes: Buffer; truncated: boolean },
): Promise<ProblemAttachment> {
  requirePermission(actor, 'problem.work');
  if (file.truncated || file.bytes.length > MAX_ATTACHMENT_BYTES)
    throw errors.invalidField('file', 'problem.attachmentSize', { limit: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  const mimeType = sniffAttachmentType(file.bytes);
  if (!mimeType) throw errors.invalidField('file', 'problem.attachmentType');
  return deps.db.transaction().execute(async (trx) => {
    const problem = await repo.findProblem(trx, actor, problemId);
    if (!problem) throw errors.notFound();
    if (problem.state === 'verified_closed') throw errors.conflict('problem.state');
    const row = await files.insertAttachment(trx, {
      problemId,
      fileName: file.fileName.slice(0, 200),
      mimeType,
      data: file.bytes,
      createdBy: actor.id,
    });
    await recordAudit(trx, actor, {
      entityType: 'problem',
      entityId: problemId,
      action: 'update',
      regionCode: problem.regionCode,
      after: { attachment: row.fileName, sizeBytes: row.sizeBytes },
    });
    return toAttachment(row);
  });
}

/** An attachment's bytes, or 404 when the actor cannot see its problem. */
export async function readAttachment(deps: ProblemDeps, actor: Actor, problemId: number, attachmentId: number) {
  requirePermission(actor, 'problem.read');
  if (!(await repo.findProblem(deps.db, actor, problemId))) throw errors.notFound();
  const file = await files.findAttachment(deps.db, problemId, attachmentId);
  if (!file) throw errors.notFound();
  return file;
}
