/**
 * The deadline rule and the working-day calendar in force: what the administrator saved in dispatch_config, else
 * core's defaults (RULE_13710, CHINA_CALENDAR). A stored value that no longer passes core's schema (it was saved
 * by an older version) falls back to the default rather than stopping every clock.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  CHINA_CALENDAR,
  RULE_13710,
  deadlineRuleSchema,
  workCalendar,
  workCalendarSchema,
  type DeadlineRule,
  type WorkCalendar,
  type WorkCalendarConfig,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { readConfig } from './dispatch-config.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The dispatch_config keys. */
export const CONFIG_KEYS = { calendar: 'work_calendar', deadlineRule: 'deadline_rule' } as const;

/** The rule and calendar in force, with the calendar also in its look-up form. */
export interface RulesInForce {
  rule: DeadlineRule;
  calendarConfig: WorkCalendarConfig;
  calendar: WorkCalendar;
}

/** The deadline rule in force. */
export async function deadlineRuleInForce(db: Db): Promise<DeadlineRule> {
  const stored = await readConfig(db, CONFIG_KEYS.deadlineRule);
  const parsed = stored ? deadlineRuleSchema.safeParse(stored.value) : null;
  return parsed?.success ? parsed.data : RULE_13710;
}

/** The working-day calendar in force, as configured. */
export async function calendarInForce(db: Db): Promise<WorkCalendarConfig> {
  const stored = await readConfig(db, CONFIG_KEYS.calendar);
  const parsed = stored ? workCalendarSchema.safeParse(stored.value) : null;
  return parsed?.success ? parsed.data : CHINA_CALENDAR;
}

/** Both, read once per request or job run. */
export async function rulesInForce(db: Db): Promise<RulesInForce> {
  // One after the other: inside a transaction the two reads share one connection anyway.
  const rule = await deadlineRuleInForce(db);
  const calendarConfig = await calendarInForce(db);
  return { rule, calendarConfig, calendar: workCalendar(calendarConfig) };
}
