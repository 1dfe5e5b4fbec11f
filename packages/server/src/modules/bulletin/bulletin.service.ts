/**
 * Bulletins (通报): the templates they are written from, and the bulletin of a scope as of a date — the stats
 * service's figures (same region scope, same SQL path) poured into a template by core's renderBulletin.
 */
import type { Kysely } from 'kysely';
import {
  BULLETIN_EXAMPLE_COUNT,
  BULLETIN_PLACEHOLDERS,
  BULLETIN_PLACEHOLDER_GROUPS,
  bulletinTemplateIssueKey,
  type BulletinPreviewInput,
  type BulletinQuery,
  type BulletinTemplateInput,
  type BulletinTemplateOutput,
  type BulletinTemplatesOutput,
  DEFAULT_BULLETIN_TEMPLATE,
  bulletinTitle,
  chineseDate,
  emptyFigures,
  isWithinRegion,
  renderBulletin,
  validateBulletinTemplate,
  withRates,
  type BulletinData,
  type RegionLevel,
  type RenderedBulletin,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { fundingSummariesOf } from '../funding/funding.service.ts';
import { findRegion } from '../region/region.repository.ts';
import { projectNamesInScope, projectsBehind, type StatScope } from '../stats/stats.repository.ts';
import { statisticsOf } from '../stats/stats-rollup.repository.ts';
import { headline } from '../stats/stats.service.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import { DOCX_MIME, bulletinDocx } from './bulletin.docx.ts';
import { PDF_MIME } from './bulletin.pdf.ts';
import { renderBulletinPdf } from './bulletin.pdf-runner.ts';
import * as repo from './bulletin.repository.ts';

/** A template as the API shows it. */
export function templateJson(row: repo.BulletinTemplateRow): BulletinTemplateOutput {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    isDefault: row.is_default,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** The templates (the default first), with the placeholders they may use and the headings of their groups. */
export async function listBulletinTemplates(db: Kysely<DB>, actor: Actor): Promise<BulletinTemplatesOutput> {
  requirePermission(actor, 'bulletin.read');
  return {
    items: (await repo.listTemplates(db)).map(templateJson),
    placeholders: [...BULLETIN_PLACEHOLDERS],
    groups: BULLETIN_PLACEHOLDER_GROUPS,
  };
}

/**
 * Throws the 400 naming what is wrong with a template on its field ('body', or 'templateId' for a stored template
 * gone bad), every unknown placeholder spelled out.
 */
function assertUsableTemplate(body: string, field: 'body' | 'templateId'): void {
  const issue = validateBulletinTemplate(body);
  if (!issue) return;
  const { key, params } = bulletinTemplateIssueKey(issue);
  throw errors.invalidField(field, key, params);
}

const snapshot = (row: repo.BulletinTemplateRow) => ({
  name: row.name,
  body: row.body,
  isDefault: row.is_default,
  version: row.version,
});

/**
 * Replaces a template's name and body (city administrators only): 400 naming unknown placeholders, 404 for no
 * such template, 412 when `version` is stale; audited with the values before and after.
 */
export async function updateBulletinTemplate(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  input: BulletinTemplateInput,
): Promise<BulletinTemplateOutput> {
  requirePermission(actor, 'bulletin.template.edit');
  assertUsableTemplate(input.body, 'body');
  return db.transaction().execute(async (trx) => {
    const before = await repo.findTemplate(trx, id, true);
    if (!before) throw errors.notFound();
    if (before.version !== version) throw errors.versionConflict();
    const after = await repo.updateTemplate(trx, id, version, { ...input, updatedBy: actor.id });
    if (!after) throw errors.versionConflict();
    await recordAudit(trx, actor, {
      entityType: 'bulletin_template',
      entityId: id,
      action: 'update',
      regionCode: actor.regionCode,
      before: snapshot(before),
      after: snapshot(after),
    });
    return templateJson(after);
  });
}

/** A bulletin as written, with what the page and the .docx put around it. */
export interface ComposedBulletin extends RenderedBulletin {
  asOf: string;
  regionCode: string | null;
  regionName: string;
  /** 大庆市重点项目建设情况通报 */
  title: string;
  /** （截至2021年5月20日） */
  dateLine: string;
}

export interface BulletinRegion {
  code: string;
  name: string;
  level: RegionLevel;
}

/**
 * The region a bulletin (or a notice) covers: the one asked for if it lies in the actor's region, the actor's own if the one
 * asked for contains it (as the stats narrow), else a field error; without a request, the actor's region (none
 * for owners and service officers, whose scope is their projects).
 */
export async function bulletinRegion(
  db: Kysely<DB>,
  actor: Actor,
  requested: string | undefined,
): Promise<BulletinRegion | null> {
  let code = requested ?? actor.regionCode;
  if (requested !== undefined) {
    if (!(await findRegion(db, requested))) throw errors.invalidField('regionCode', 'region.unknown');
    if (actor.regionCode !== null && !isWithinRegion(requested, actor.regionCode)) {
      if (!isWithinRegion(actor.regionCode, requested)) throw errors.invalidField('regionCode', 'region.outOfScope');
      code = actor.regionCode;
    }
  }
  return code === null ? null : ((await findRegion(db, code)) ?? null);
}

/** The template body a request names: its own body, a stored template, or the default. */
async function templateBody(db: Kysely<DB>, request: BulletinPreviewInput): Promise<string> {
  if (request.body !== undefined) {
    assertUsableTemplate(request.body, 'body');
    return request.body;
  }
  const row =
    request.templateId !== undefined
      ? await repo.findTemplate(db, request.templateId)
      : await repo.findDefaultTemplate(db);
  if (!row && request.templateId !== undefined) throw errors.notFound();
  const body = row?.body ?? DEFAULT_BULLETIN_TEMPLATE;
  // A stored template may name a placeholder a later version retired; say so rather than print {{…}}.
  assertUsableTemplate(body, 'templateId');
  return body;
}

/**
 * The figures a bulletin quotes, in the stats' scope: headline figures now and a year earlier, the industrial
 * projects' figures (category breakdown) on both dates, and the largest new projects started this year (the
 * drill-down behind startedNew, by total investment).
 */
export async function bulletinData(
  db: Kysely<DB>,
  scope: StatScope,
  asOf: string,
  region: Pick<BulletinRegion, 'name' | 'level'> | null,
): Promise<BulletinData> {
  const year = Number(asOf.slice(0, 4));
  const { options, current, previous, previousAsOf } = await headline(db, scope, asOf);
  // The category groups from the rollup where it answers (a region as of a month's end), as the dashboard's are:
  // each pass over the projects reads a year of progress rows and cost ~1 s at province scale.
  const categories = async (at: typeof options) =>
    (await statisticsOf(db, scope, at, ['category'])).groups.category ?? [];
  const [categoriesNow, categoriesBefore, started] = await Promise.all([
    categories(options),
    categories({ year: year - 1, asOf: previousAsOf }),
    projectsBehind(db, scope, options, { metric: 'startedNew', limit: BULLETIN_EXAMPLE_COUNT }),
  ]);
  const industry = (rows: typeof categoriesNow) => {
    const row = rows.find((r) => r.key === 'industry');
    return row ? withRates(row.totals) : emptyFigures();
  };
  const ids = started.rows.map((r) => r.id);
  const [nameOf, funding] = await Promise.all([
    projectNamesInScope(db, scope.actor, ids),
    fundingSummariesOf(db, scope.actor, asOf, scope.regionCode),
  ]);
  return {
    asOf,
    regionName: region?.name ?? '',
    regionLevel: region?.level ?? null,
    current,
    previous,
    industry: { current: industry(categoriesNow), previous: industry(categoriesBefore) },
    startedExamples: ids.flatMap((id) => nameOf.get(id) ?? []),
    // Warnings and the problem list do not exist yet; the placeholder renders empty and its paragraph is left out.
    warningsSummary: '',
    funding,
  };
}

/** The bulletin of the actor's scope (narrowed to a region if asked) as of a date, from a template. */
export async function composeBulletin(
  db: Kysely<DB>,
  actor: Actor,
  request: BulletinPreviewInput,
): Promise<ComposedBulletin> {
  requirePermission(actor, 'bulletin.read');
  const body = await templateBody(db, request);
  const region = await bulletinRegion(db, actor, request.regionCode);
  const data = await bulletinData(db, { actor, regionCode: region?.code }, request.asOf, region);
  const rendered = renderBulletin(body, data);
  return {
    ...rendered,
    asOf: request.asOf,
    regionCode: region?.code ?? null,
    regionName: data.regionName,
    title: bulletinTitle(data.regionName),
    dateLine: `（截至${chineseDate(request.asOf)}）`,
  };
}

/** A bulletin file ready to send: its bytes, type and names. */
export interface BulletinFile {
  file: Buffer;
  mime: string;
  fileName: string;
  asciiFallback: string;
}

/**
 * The bulletin of a scope as a Word document or a PDF, its download audited as an export of business data
 * (before the layout, so a PDF that times out is still on record as asked for).
 */
export async function bulletinFile(
  db: Kysely<DB>,
  actor: Actor,
  query: BulletinQuery,
  format: { kind: 'docx' } | { kind: 'pdf'; fontDir: string },
): Promise<BulletinFile> {
  const bulletin = await composeBulletin(db, actor, query);
  await recordTransfer(db, actor, {
    action: 'export',
    what: `bulletin.${format.kind}`,
    regionCode: bulletin.regionCode,
    details: { asOf: bulletin.asOf, regionCode: bulletin.regionCode },
  });
  const file = format.kind === 'pdf' ? await renderBulletinPdf(bulletin, format.fontDir) : await bulletinDocx(bulletin);
  return {
    file,
    mime: format.kind === 'pdf' ? PDF_MIME : DOCX_MIME,
    fileName: `${bulletin.title}-${bulletin.asOf}.${format.kind}`,
    asciiFallback: `bulletin-${bulletin.asOf}.${format.kind}`,
  };
}
