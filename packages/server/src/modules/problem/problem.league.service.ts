/**
 * The responsible units' league table (GET /problems/league and its xlsx): the problems assigned in the period
 * that the viewer may see, each with its clock's "overdue now" from the presenter, through core's leagueTable.
 */
import { leagueTable, type ProblemLeague, type ProblemLeagueQuery } from '@keyprojects/core';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { isOverdue, problemClockState } from './problem.presenter.ts';
import * as repo from './problem.repository.ts';
import type { ProblemDeps } from './problem.service.ts';

/** The league of the period (default: 1 January of the application's year to its date). */
export async function problemLeague(
  deps: ProblemDeps,
  actor: Actor,
  query: ProblemLeagueQuery,
): Promise<ProblemLeague> {
  requirePermission(actor, 'league.read');
  const today = deps.clock.today();
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  const { calendar } = await rulesInForce(deps.db);
  const rows = await repo.leagueProblemRows(deps.db, actor, from, to);
  // The query joins the unit and bounds assigned_on, so neither is null; the guard tells the compiler.
  const problems = rows
    .flatMap(({ unitId, assignedOn, ...row }) =>
      unitId === null || assignedOn === null ? [] : [{ ...row, unitId, assignedOn }],
    )
    .map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      assignedOn: row.assignedOn,
      dueOn: row.dueOn,
      state: row.state,
      resolvedOn: row.resolvedOn,
      grade: row.grade,
      overdueNow: isOverdue(row.state, problemClockState({ ...row, assignedOn: row.assignedOn }, calendar, today)),
    }));
  return { from, to, asOf: today, rows: leagueTable(problems, calendar, { from, to }) };
}
