/**
 * Lifecycle templates as a city administrator keeps them: listed and read by anyone who reads lifecycles; created
 * and edited by `lifecycle.configure` only, validated whole (core's validateTemplate; every issue named at its
 * field) and audited. An edit of a version no project runs on changes it in place; an edit of a version in use makes
 * the next version of the same code, and the projects on the old one keep it. The default flag follows the edit so
 * new projects get the default's latest version (the projects_lifecycle_defaults trigger reads the flag).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  validateTemplate,
  type LifecycleDefinition,
  type LifecycleTemplateCreate,
  type LifecycleTemplateDetail,
  type LifecycleTemplateList,
  type LifecycleTemplateSaved,
  type LifecycleTemplateUpdate,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors, type FieldMessage } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import * as repo from './lifecycle-template.repository.ts';
import { templateDetail } from './lifecycle.presenter.ts';

/** 400 naming every issue at `definition.<path>` when the template breaks a rule across its steps. */
function assertValid(definition: LifecycleDefinition): void {
  const issues = validateTemplate(definition);
  if (issues.length === 0) return;
  const fields: Record<string, FieldMessage> = {};
  for (const issue of issues) fields[`definition.${issue.path}`] ??= { key: issue.code, params: issue.params };
  throw errors.invalidFields(fields);
}

/** GET /lifecycle/templates. */
export async function listLifecycleTemplates(db: Kysely<DB>, actor: Actor): Promise<LifecycleTemplateList> {
  requirePermission(actor, 'lifecycle.read');
  return { items: (await repo.listTemplates(db)).map(templateDetail).map(({ definition: _, ...summary }) => summary) };
}

/** GET /lifecycle/templates/:id. */
export async function getLifecycleTemplate(db: Kysely<DB>, actor: Actor, id: number): Promise<LifecycleTemplateDetail> {
  requirePermission(actor, 'lifecycle.read');
  const row = await repo.findTemplate(db, id);
  if (!row) throw errors.notFound();
  return templateDetail(row);
}

async function saved(trx: Transaction<DB>, id: number, newVersion: boolean): Promise<LifecycleTemplateSaved> {
  const row = await repo.findTemplate(trx, id);
  if (!row) throw errors.notFound();
  return { ...templateDetail(row), newVersion };
}

/** POST /lifecycle/templates: version 1 of a new code. */
export async function createLifecycleTemplate(
  db: Kysely<DB>,
  actor: Actor,
  body: LifecycleTemplateCreate,
): Promise<LifecycleTemplateSaved> {
  requirePermission(actor, 'lifecycle.configure');
  assertValid(body.definition);
  return db.transaction().execute(async (trx) => {
    if ((await repo.latestVersion(trx, body.code)) > 0)
      throw errors.invalidField('code', 'lifecycle.codeTaken', { code: body.code });
    // Two creations of one code at once: the unique (code, version) lets one win (409 from the error handler).
    const id = await repo.insertTemplate(trx, {
      code: body.code,
      version: 1,
      nameZh: body.name.zh,
      nameEn: body.name.en,
      definition: body.definition,
      retired: false,
      createdBy: actor.id,
    });
    if (body.isDefault) await repo.setDefaultTemplate(trx, id);
    const result = await saved(trx, id, true);
    await recordAudit(trx, actor, {
      entityType: 'lifecycle_template',
      entityId: id,
      action: 'create',
      after: result,
    });
    return result;
  });
}

/**
 * PUT /lifecycle/templates/:id (If-Match: the row version read): in place when no project runs on this version,
 * else as the next version of the code. Only the latest version of a code is edited (412 for an older one).
 */
export async function updateLifecycleTemplate(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  rowVersion: number,
  body: LifecycleTemplateUpdate,
): Promise<LifecycleTemplateSaved> {
  requirePermission(actor, 'lifecycle.configure');
  assertValid(body.definition);
  return db.transaction().execute(async (trx) => {
    if (!(await repo.lockTemplate(trx, id))) throw errors.notFound();
    const before = await repo.findTemplate(trx, id);
    if (!before) throw errors.notFound();
    if (before.rowVersion !== rowVersion || before.superseded) throw errors.versionConflict();
    const retired = body.retired ?? before.retired;
    if (retired && (before.isDefault || body.isDefault))
      throw errors.invalidField('retired', 'lifecycle.templateRetired');
    const values = { nameZh: body.name.zh, nameEn: body.name.en, definition: body.definition, retired };
    let targetId = id;
    if (before.inUse === 0) {
      if (!(await repo.updateTemplateInPlace(trx, id, rowVersion, values))) throw errors.versionConflict();
    } else {
      if (!(await repo.touchTemplate(trx, id, rowVersion))) throw errors.versionConflict();
      targetId = await repo.insertTemplate(trx, {
        ...values,
        code: before.code,
        version: before.version + 1,
        createdBy: actor.id,
      });
    }
    // The default follows its latest version; a flag set here moves it from whichever version held it.
    if (body.isDefault === true || (before.isDefault && targetId !== id)) await repo.setDefaultTemplate(trx, targetId);
    const result = await saved(trx, targetId, targetId !== id);
    await recordAudit(trx, actor, {
      entityType: 'lifecycle_template',
      entityId: targetId,
      action: targetId === id ? 'update' : 'create',
      before: templateDetail(before),
      after: result,
    });
    return result;
  });
}
