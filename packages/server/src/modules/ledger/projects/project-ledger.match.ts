/**
 * Rows without a project code find their project by name. Offices' own ledgers often have no 项目代码 column (or
 * leave a row's code empty): such a row is the visible live project with exactly its name (trimmed, as every text
 * cell is), in the row's region or the file's when one is named. One such project: the row updates it. None: the
 * row is a new project under a code the import issues (dated on the application's date, in the row's region, the
 * other digits from a hash of region and name, as the open-data import issues sandbox codes). Several: the row is
 * refused, naming their codes, since only a code can say which one is meant.
 */
import { isWithinRegion, type ProjectOutput } from '@keyprojects/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { issueProjectCodes } from '../../../db/scope.ts';
import type { Actor } from '../../auth/actor.ts';
import { findProjects } from '../../project/project.repository.ts';
import type { ParsedRow } from './project-ledger.rows.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How a code-less row found its project. */
export type NameMatch =
  | { kind: 'name'; project: ProjectOutput }
  | { kind: 'issued'; code: string }
  | { kind: 'ambiguous'; codes: string[] }
  /** A new project whose region is not known yet (the file's region is still to be chosen): no code to issue. */
  | { kind: 'unplaced' };

/** Names are looked up in chunks (one array parameter each) so no statement grows without bound. */
const CHUNK = 1_000;

/** The row's name when the row has no code to go by. */
export function nameKeyOf(row: ParsedRow): string | null {
  const name = row.values.get('name');
  return row.code === null && typeof name === 'string' ? name : null;
}

/**
 * Matches every code-less row with a name to a project by name (see the module comment). `regionOf` gives the
 * row's region (its region cell, else the file's; undefined when neither names one); `today` is the application's
 * date. Codes issued here are free anywhere and distinct from each other (one per region and name).
 */
export async function matchByName(
  db: Db,
  actor: Actor,
  rows: readonly ParsedRow[],
  regionOf: (row: ParsedRow) => string | undefined,
  today: string,
): Promise<Map<ParsedRow, NameMatch>> {
  const named = rows.flatMap((row) => {
    const name = nameKeyOf(row);
    return name === null ? [] : [{ row, name }];
  });
  const names = [...new Set(named.map((entry) => entry.name))];
  const byName = new Map<string, ProjectOutput[]>();
  for (let start = 0; start < names.length; start += CHUNK) {
    for (const project of await findProjects(db, actor, { names: names.slice(start, start + CHUNK) })) {
      byName.set(project.name, [...(byName.get(project.name) ?? []), project]);
    }
  }

  const matches = new Map<ParsedRow, NameMatch>();
  const toIssue = new Map<string, { area: string; name: string }>();
  for (const { row, name } of named) {
    const region = regionOf(row);
    const found = (byName.get(name) ?? []).filter(
      (project) => region === undefined || isWithinRegion(project.regionCode, region),
    );
    const [only] = found;
    if (found.length > 1) matches.set(row, { kind: 'ambiguous', codes: found.map((project) => project.code).sort() });
    else if (only) matches.set(row, { kind: 'name', project: only });
    else if (region === undefined) matches.set(row, { kind: 'unplaced' });
    else toIssue.set(`${region}:${name}`, { area: region, name });
  }
  const issued = await issueProjectCodes(
    db,
    [...toIssue].map(([seed, { area }]) => ({ seed, area })),
    today,
  );
  for (const { row, name } of named) {
    const code = issued.get(`${regionOf(row) ?? ''}:${name}`);
    if (!matches.has(row) && code !== undefined) matches.set(row, { kind: 'issued', code });
  }
  return matches;
}
