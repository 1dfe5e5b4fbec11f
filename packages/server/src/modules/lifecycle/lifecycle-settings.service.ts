/**
 * The lifecycle settings a city administrator edits (GET/PUT /lifecycle/settings): how many days back a transition
 * may be dated. Kept in dispatch_config under the key 'lifecycle', versioned (the PUT names the version it read; 0
 * for the shipped default; a stale one is 409) and audited, as the working-day calendar is.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  lifecycleSettingsValue,
  type LifecycleSettings,
  type LifecycleSettingsUpdate,
  type LifecycleSettingsValue,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { insertConfig, readConfig, updateConfig } from '../dispatch/dispatch-config.repository.ts';
import { DEFAULT_BACKDATE_WINDOW_DAYS } from './lifecycle-transition.service.ts';

const KEY = 'lifecycle';
const DEFAULT_SETTINGS: LifecycleSettingsValue = { backdateWindowDays: DEFAULT_BACKDATE_WINDOW_DAYS };

/** The settings in force: the saved value, or the default when none was saved or it no longer parses. */
export async function lifecycleSettingsInForce(db: Kysely<DB> | Transaction<DB>): Promise<LifecycleSettingsValue> {
  const stored = await readConfig(db, KEY);
  const parsed = stored ? lifecycleSettingsValue.safeParse(stored.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_SETTINGS;
}

/** GET /lifecycle/settings. */
export async function getLifecycleSettings(db: Kysely<DB>, actor: Actor): Promise<LifecycleSettings> {
  requirePermission(actor, 'lifecycle.read');
  const stored = await readConfig(db, KEY);
  return {
    ...(await lifecycleSettingsInForce(db)),
    version: stored?.version ?? 0,
    isDefault: stored === undefined,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
  };
}

/** PUT /lifecycle/settings: saved at the version the client read; 409 when another save came first. */
export async function putLifecycleSettings(
  db: Kysely<DB>,
  actor: Actor,
  body: LifecycleSettingsUpdate,
): Promise<LifecycleSettings> {
  requirePermission(actor, 'lifecycle.configure');
  await db.transaction().execute(async (trx) => {
    const before = await lifecycleSettingsInForce(trx);
    const value: LifecycleSettingsValue = { backdateWindowDays: body.backdateWindowDays };
    const saved =
      body.version === 0
        ? await insertConfig(trx, KEY, value, actor.id)
        : (await updateConfig(trx, KEY, value, body.version, actor.id)) !== null;
    if (!saved) throw errors.conflict('error.conflict');
    await recordAudit(trx, actor, {
      entityType: 'dispatch_config',
      entityId: KEY,
      action: 'update',
      before,
      after: value,
    });
  });
  return getLifecycleSettings(db, actor);
}
