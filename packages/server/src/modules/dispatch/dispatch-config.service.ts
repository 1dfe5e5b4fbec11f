/**
 * The dispatch configuration the city administrator edits (GET/PUT /dispatch/calendar and /dispatch/deadline-rule):
 * validated by core's schemas, versioned (the PUT names the version it read; 0 for the shipped default; a stale
 * one is 409), audited. A saved rule changes the clocks of problems assigned afterwards only: each problem keeps
 * the rule snapshot it was assigned under.
 */
import type { Kysely } from 'kysely';
import type { CalendarConfig, CalendarUpdate, DeadlineRuleConfig, DeadlineRuleUpdate } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { insertConfig, readConfig, updateConfig } from './dispatch-config.repository.ts';
import { CONFIG_KEYS, calendarInForce, deadlineRuleInForce } from './dispatch-rules.ts';

async function meta(db: Kysely<DB>, key: string) {
  const stored = await readConfig(db, key);
  return {
    version: stored?.version ?? 0,
    isDefault: stored === undefined,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
  };
}

/** GET /dispatch/calendar. */
export async function getCalendar(db: Kysely<DB>, actor: Actor): Promise<CalendarConfig> {
  requirePermission(actor, 'problem.read');
  return { calendar: await calendarInForce(db), ...(await meta(db, CONFIG_KEYS.calendar)) };
}

/** GET /dispatch/deadline-rule. */
export async function getDeadlineRule(db: Kysely<DB>, actor: Actor): Promise<DeadlineRuleConfig> {
  requirePermission(actor, 'problem.read');
  return { rule: await deadlineRuleInForce(db), ...(await meta(db, CONFIG_KEYS.deadlineRule)) };
}

/** Saves a configuration value at the version the client read; 409 when another save came first. */
async function save(db: Kysely<DB>, actor: Actor, key: string, value: unknown, version: number, before: unknown) {
  requirePermission(actor, 'dispatch.configure');
  await db.transaction().execute(async (trx) => {
    const saved =
      version === 0
        ? await insertConfig(trx, key, value, actor.id)
        : (await updateConfig(trx, key, value, version, actor.id)) !== null;
    if (!saved) throw errors.conflict('error.conflict');
    await recordAudit(trx, actor, {
      entityType: 'dispatch_config',
      entityId: key,
      action: 'update',
      before,
      after: value,
    });
  });
}

/** PUT /dispatch/calendar. */
export async function putCalendar(db: Kysely<DB>, actor: Actor, body: CalendarUpdate): Promise<CalendarConfig> {
  requirePermission(actor, 'dispatch.configure');
  const before = await calendarInForce(db);
  await save(db, actor, CONFIG_KEYS.calendar, body.calendar, body.version, before);
  return getCalendar(db, actor);
}

/** PUT /dispatch/deadline-rule. */
export async function putDeadlineRule(
  db: Kysely<DB>,
  actor: Actor,
  body: DeadlineRuleUpdate,
): Promise<DeadlineRuleConfig> {
  requirePermission(actor, 'dispatch.configure');
  const before = await deadlineRuleInForce(db);
  await save(db, actor, CONFIG_KEYS.deadlineRule, body.rule, body.version, before);
  return getDeadlineRule(db, actor);
}
