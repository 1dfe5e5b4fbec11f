/**
 * Writing a planned project ledger inside the import's transaction, in bulk. The rows written are the
 * project service's (`toRow`, `sideTableRows`) and each audit row holds the service's `snapshot` of the
 * project read back through the repository after the write, as the API's create and update record it (a
 * test compares the two paths). New projects go in with one statement per table and chunk, the rows passed
 * as one jsonb parameter; updates one statement per project (each patches different fields). One-by-one
 * service calls cost about 25 ms a project on the embedded database, too slow for a 10,000-row ledger.
 */
import { sql, type Transaction } from 'kysely';
import type { ProjectCreateInput, ProjectOutput, ProjectUpdateInput, LedgerRowIssue } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { updateProject } from '../../project/project.repository.ts';
import { sideTableRows, toRow, writeSideTables } from '../../project/project.service.ts';
import { recordTotalsDifferences } from '../../funding/funding.repository.ts';
import { ImportConflict, type ImportProgress } from '../import/import.pipeline.ts';
import { insertProjectAudit } from './project-ledger.audit.ts';

/** The note on funding events recorded from totals a ledger import wrote (their history says where they came from). */
const LEDGER_FUNDING_NOTE = '项目台账导入资金来源';

/** A row that creates a project, with its validated input. */
export interface PlannedCreate {
  row: number;
  input: ProjectCreateInput;
}
/** A row that changes a project: the project as planned against and the changed fields. */
export interface PlannedUpdate {
  row: number;
  current: ProjectOutput;
  patch: ProjectUpdateInput;
}

/**
 * Projects per chunk: each chunk is a handful of statements, so larger chunks save little; this size keeps
 * the progress moving and each jsonb parameter a few MB.
 */
export const WRITE_CHUNK = 2_000;

type Progress = (progress: ImportProgress) => void;
type Done = { count: number; total: number };

/** JSON with bigints (money in fen) as decimal strings, which the columns' input functions read exactly. */
const json = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));

/**
 * Inserts rows into `table` from one jsonb parameter, each row read as the table's row type, so a statement
 * has one parameter however many rows it carries (bound parameters cost per value to send and plan). A key
 * a row lacks is null, as the column's default is for every key `toRow` can leave out of a create.
 */
function insertFromJson(table: 'projects' | 'annual_plans' | 'project_funding_sources', rows: object[]) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const list = sql.join(columns.map((column) => sql.ref(column)));
  const picked = sql.join(columns.map((column) => sql.ref(`r.${column}`)));
  return sql`insert into ${sql.table(table)} (${list})
    select ${picked} from jsonb_populate_recordset(null::${sql.table(table)}, ${json(rows)}::jsonb) as r`;
}

const uniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505' ? error : null;

/** The code named by a unique violation's detail, `Key (code)=(…) already exists.` */
const codeOf = (error: object) =>
  'detail' in error && typeof error.detail === 'string' ? /=\((.+)\)/.exec(error.detail)?.[1] : undefined;

/** Inserts the new projects chunk by chunk with their side tables and audit rows. */
export async function writeCreates(
  trx: Transaction<DB>,
  actor: Actor,
  creates: readonly PlannedCreate[],
  progress: Progress,
  done: Done,
  taken: (row: number) => LedgerRowIssue,
): Promise<void> {
  if (creates.length === 0) return;
  // The statistics rollup takes all the new plans in one statement after the last chunk: spread over its groups,
  // 10,000 plans cost ~1.2 s taken chunk by chunk and ~0.4 s at once (migration 2026121401_rollup_grouped).
  await sql`select set_config('kp.rollup_deferred', 'on', true)`.execute(trx);
  const created: number[] = [];
  for (let start = 0; start < creates.length; start += WRITE_CHUNK) {
    const chunk = creates.slice(start, start + WRITE_CHUNK);
    let inserted: { id: number; code: string }[];
    try {
      const rows = chunk.map(({ input }) => ({ ...toRow(input), created_by: actor.id }));
      const statement = sql<{ id: number; code: string }>`${insertFromJson('projects', rows)} returning id, code`;
      inserted = (await statement.execute(trx)).rows;
    } catch (error) {
      // Another writer took one of the codes after planning: the whole import stops, nothing is kept.
      const violation = uniqueViolation(error);
      if (!violation) throw error;
      const code = codeOf(violation);
      throw new ImportConflict(taken((chunk.find((c) => c.input.code === code) ?? chunk[0])?.row ?? 0));
    }
    const idOf = new Map(inserted.map((row) => [row.code, row.id]));
    created.push(...idOf.values());
    const plans: object[] = [];
    const funding: object[] = [];
    for (const { input } of chunk) {
      const projectId = idOf.get(input.code);
      const side = sideTableRows(input);
      for (const p of side.annualPlans ?? []) {
        plans.push({
          project_id: projectId,
          year: p.year,
          planned_investment: p.plannedInvestment,
          nature: p.nature,
          planned_new_start: p.plannedNewStart,
        });
      }
      for (const f of side.fundingSources ?? []) funding.push({ project_id: projectId, ...f });
    }
    if (plans.length > 0) await insertFromJson('annual_plans', plans).execute(trx);
    if (funding.length > 0) {
      await insertFromJson('project_funding_sources', funding).execute(trx);
      await recordTotalsDifferences(trx, [...idOf.values()], { enteredBy: actor.id, note: LEDGER_FUNDING_NOTE });
    }
    await insertProjectAudit(trx, actor, 'create', inserted);
    done.count += chunk.length;
    progress({ phase: 'writing', processed: done.count, total: done.total });
  }
  await sql`select kp_rollup_add_plans(${created}::int[])`.execute(trx);
  await sql`select set_config('kp.rollup_deferred', 'off', true)`.execute(trx);
}

/** Applies each update if the project is still at the version planned; a moved project stops the import. */
export async function writeUpdates(
  trx: Transaction<DB>,
  actor: Actor,
  updates: readonly PlannedUpdate[],
  progress: Progress,
  done: Done,
  conflict: (row: number) => LedgerRowIssue,
): Promise<void> {
  for (let start = 0; start < updates.length; start += WRITE_CHUNK) {
    const chunk = updates.slice(start, start + WRITE_CHUNK);
    for (const { row, current, patch } of chunk) {
      if (!(await updateProject(trx, actor, current.id, current.version, toRow(patch)))) {
        throw new ImportConflict(conflict(row));
      }
      await writeSideTables(trx, current.id, patch, { enteredBy: actor.id, note: LEDGER_FUNDING_NOTE });
    }
    await insertProjectAudit(
      trx,
      actor,
      'update',
      chunk.map(({ current }) => ({ id: current.id, before: current })),
    );
    done.count += chunk.length;
    progress({ phase: 'writing', processed: done.count, total: done.total });
  }
}
