/**
 * Rows the meeting and notice tests start from: warnings and problems written straight into their tables with
 * known dates and levels (what the warning job and the problem workflow would have written). Test code only.
 */
import type { Kysely } from 'kysely';
import type { ProblemState, WarningLevel } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

/** A warning on a project; active unless `clearedOn` (one active warning per project and rule). */
export async function insertWarning(
  db: Kysely<DB>,
  w: {
    projectId: number;
    regionCode: string;
    level: WarningLevel;
    raisedOn: string;
    clearedOn?: string;
    text: string;
    rule?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('warnings')
    .values({
      project_id: w.projectId,
      region_code: w.regionCode,
      rule: w.rule ?? (w.level === 'red' ? 'investment_behind_pace' : 'start_overdue'),
      preset_id: 'yinchuan',
      rule_version: 1,
      level: w.level,
      figures: JSON.stringify({}),
      text: w.text,
      first_raised_on: w.raisedOn,
      last_confirmed_on: w.clearedOn ?? w.raisedOn,
      level_changed_on: w.raisedOn,
      cleared_on: w.clearedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** A problem with the dates given (as the workflow would have left it). */
export async function insertProblem(
  db: Kysely<DB>,
  p: {
    projectId: number;
    regionCode: string;
    title: string;
    state: ProblemState;
    raisedOn: string;
    unitId?: number;
    dueOn?: string;
    resolvedOn?: string;
    verifiedOn?: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('problems')
    .values({
      project_id: p.projectId,
      region_code: p.regionCode,
      title: p.title,
      category: 'land',
      description: p.title,
      state: p.state,
      raised_on: p.raisedOn,
      assigned_unit_id: p.unitId ?? null,
      assigned_on: p.unitId ? p.raisedOn : null,
      due_on: p.dueOn ?? null,
      resolved_on: p.resolvedOn ?? null,
      verified_on: p.verifiedOn ?? null,
      grade: p.state === 'verified_closed' ? 'good' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
