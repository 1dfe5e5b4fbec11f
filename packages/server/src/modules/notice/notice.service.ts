/**
 * Notices (日通报、周调度): the figures of a day or of the week ending on a date, from live warnings and problems in
 * the viewer's scope, written by core's renderNotice through the kind's default template; the .docx; the
 * templates (seeded with core's defaults on first read, edited by the city administrator: versioned, audited,
 * unknown placeholders refused by name like the bulletin's).
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTICE_TEMPLATES,
  NOTICE_EXAMPLE_COUNT,
  NOTICE_PLACEHOLDERS,
  NOTICE_PLACEHOLDER_GROUPS,
  bulletinTemplateIssueKey,
  noticeDateLine,
  noticePeriod,
  noticeTitle,
  renderNotice,
  validateNoticeTemplate,
  type NoticeData,
  type NoticeKind,
  type NoticeOutput,
  type NoticeQuery,
  type NoticeTemplateInput,
  type NoticeTemplateOutput,
  type NoticeTemplatesOutput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { DOCX_MIME, bulletinDocx } from '../bulletin/bulletin.docx.ts';
import { bulletinRegion } from '../bulletin/bulletin.service.ts';
import * as repo from './notice.repository.ts';

/** A template as the API shows it. */
function templateJson(row: repo.NoticeTemplateRow): NoticeTemplateOutput {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    body: row.body,
    isDefault: row.is_default,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** Writes core's default template of each kind that has none yet (first read, the demo). */
/** The templates (the defaults are stored by migration 2026120703), with the placeholders they may use. */
export async function listNoticeTemplates(db: Kysely<DB>, actor: Actor): Promise<NoticeTemplatesOutput> {
  requirePermission(actor, 'notice.read');
  return {
    items: (await repo.listNoticeTemplates(db)).map(templateJson),
    placeholders: [...NOTICE_PLACEHOLDERS],
    groups: NOTICE_PLACEHOLDER_GROUPS,
  };
}

/** The 400 naming what is wrong with a template body (the bulletin's messages: one wording for both). */
function assertUsableTemplate(body: string, field: 'body' | 'templateId'): void {
  const issue = validateNoticeTemplate(body);
  if (!issue) return;
  const { key, params } = bulletinTemplateIssueKey(issue);
  throw errors.invalidField(field, key, params);
}

const snapshot = (row: repo.NoticeTemplateRow) => ({
  kind: row.kind,
  name: row.name,
  body: row.body,
  version: row.version,
});

/** Replaces a template's name and body (city administrators): 400 on bad placeholders, 404, 412 when stale. */
export async function updateNoticeTemplate(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  input: NoticeTemplateInput,
): Promise<NoticeTemplateOutput> {
  requirePermission(actor, 'notice.template.edit');
  assertUsableTemplate(input.body, 'body');
  return db.transaction().execute(async (trx) => {
    const before = await repo.findNoticeTemplate(trx, id, true);
    if (!before) throw errors.notFound();
    if (before.version !== version) throw errors.versionConflict();
    const after = await repo.updateNoticeTemplate(trx, id, version, { ...input, updatedBy: actor.id });
    if (!after) throw errors.versionConflict();
    await recordAudit(trx, actor, {
      entityType: 'notice_template',
      entityId: id,
      action: 'update',
      regionCode: actor.regionCode,
      before: snapshot(before),
      after: snapshot(after),
    });
    return templateJson(after);
  });
}

/** The figures of a notice for a scope and period. */
export async function noticeData(
  db: Kysely<DB>,
  scope: repo.NoticeScope,
  kind: NoticeKind,
  region: { name: string; level: NoticeData['regionLevel'] } | null,
): Promise<NoticeData> {
  const [warnings, problems, districts, units, warningExamples, overdueExamples] = await Promise.all([
    repo.noticeWarningCounts(db, scope),
    repo.noticeProblemCounts(db, scope),
    repo.noticeDistricts(db, scope),
    repo.noticeUnits(db, scope),
    repo.noticeWarningExamples(db, scope, NOTICE_EXAMPLE_COUNT),
    repo.noticeOverdueExamples(db, scope, NOTICE_EXAMPLE_COUNT),
  ]);
  return {
    kind,
    from: scope.from,
    to: scope.to,
    regionName: region?.name ?? '',
    regionLevel: region?.level ?? null,
    warningsRaised: { red: warnings.raisedRed, yellow: warnings.raisedYellow },
    warningsCleared: warnings.cleared,
    activeRed: warnings.activeRed,
    activeYellow: warnings.activeYellow,
    problemsOpened: problems.opened,
    problemsResolved: problems.resolved,
    problemsClosed: problems.closed,
    problemsOpen: problems.open,
    problemsOverdue: problems.overdue,
    districts,
    units,
    warningExamples,
    overdueExamples,
  };
}

/** The notice of the viewer's scope (narrowed to a region if asked) for a date, through the kind's default template. */
export async function composeNotice(
  db: Kysely<DB>,
  actor: Actor,
  kind: NoticeKind,
  query: NoticeQuery,
): Promise<NoticeOutput> {
  requirePermission(actor, 'notice.read');
  const template = await repo.findDefaultNoticeTemplate(db, kind);
  const body = template?.body ?? DEFAULT_NOTICE_TEMPLATES[kind];
  // A stored template may name a placeholder a later version retired; say so rather than print {{…}}.
  assertUsableTemplate(body, 'templateId');
  const region = await bulletinRegion(db, actor, query.regionCode);
  const { from, to } = noticePeriod(kind, query.date);
  const data = await noticeData(db, { actor, regionCode: region?.code ?? null, from, to }, kind, region);
  const { paragraphs, text } = renderNotice(body, data);
  return {
    kind,
    from,
    to,
    regionCode: region?.code ?? null,
    regionName: data.regionName,
    title: noticeTitle(kind, data.regionName),
    dateLine: noticeDateLine(from, to),
    templateId: template?.id ?? null,
    text,
    paragraphs,
    figures: {
      warningsRaisedRed: data.warningsRaised.red,
      warningsRaisedYellow: data.warningsRaised.yellow,
      warningsCleared: data.warningsCleared,
      activeRed: data.activeRed,
      activeYellow: data.activeYellow,
      problemsOpened: data.problemsOpened,
      problemsResolved: data.problemsResolved,
      problemsClosed: data.problemsClosed,
      problemsOpen: data.problemsOpen,
      problemsOverdue: data.problemsOverdue,
    },
  };
}

/** A notice as a Word document (the bulletin's official-document layout), its download audited as an export. */
export async function noticeFile(db: Kysely<DB>, actor: Actor, kind: NoticeKind, query: NoticeQuery) {
  const notice = await composeNotice(db, actor, kind, query);
  await recordTransfer(db, actor, {
    action: 'export',
    what: `notice.${kind}.docx`,
    regionCode: notice.regionCode,
    details: { date: query.date, regionCode: notice.regionCode },
  });
  return {
    file: await bulletinDocx(notice),
    mime: DOCX_MIME,
    fileName: `${notice.title}-${notice.to}.docx`,
    asciiFallback: `notice-${kind}-${notice.to}.docx`,
  };
}
