/**
 * The fuzzer's oracles. A fingerprint of every business table (row count and an md5 over its rows)
 * proves that a refused request changed nothing; the scope oracle — `visibleProjects` from db/scope.ts and
 * `isWithinRegion` from core, the same rules the app applies — says which projects a persona may see, and
 * an answer that carries any other project's token, id or region is a leak.
 */
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { isWithinRegion, projectScopeKind } from '@keyprojects/core';
import type { DB } from '../../src/db/schema.ts';
import { visibleProjects } from '../../src/db/scope.ts';
import type { FuzzClient, WorldProject } from './fuzz.world.ts';

/**
 * Tables a refused request may legitimately write to: the audit trail records denials and failed logins
 * (it may only grow: see `auditAppendOnly`) and its chain head moves with it; sessions slide their expiry on
 * every request; a refused sign-in is counted against the name and the address (the lockout and throttle).
 */
const WRITTEN_BY_REFUSALS = new Set(['audit_log', 'audit_chain_head', 'sessions', 'login_attempts', 'login_rate']);
/**
 * Bookkeeping every committed business write moves with it (the data version, migration 2026121032): it says
 * nothing of its own, and answer-cache.test.ts checks that it moves exactly once per writing transaction.
 */
const FOLLOWS_WRITES = new Set(['data_version']);

/**
 * table → `count:checksum` of its rows, for every table of the schema but those refusals may write. The
 * checksum sums each row's xmin (the transaction that last wrote it) and a hash of its text: any insert,
 * update (even one that writes the same values) or delete changes it, and it costs no sort, so the suite
 * can afford one fingerprint per request.
 */
export type Fingerprint = Record<string, string>;

/** Fingerprints every business table in one query. */
export async function fingerprint(db: Kysely<DB>): Promise<Fingerprint> {
  const tables = await businessTables(db);
  const parts = tables.map(
    (t) =>
      sql`select ${t} as t, count(*) || ':' || coalesce(sum(x.xmin::text::bigint + hashtext(x::text)), 0) as h
          from ${sql.table(t)} x`,
  );
  const { rows } = await sql<{ t: string; h: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

let tableCache: string[] | null = null;
async function businessTables(db: Kysely<DB>): Promise<string[]> {
  if (tableCache) return tableCache;
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  tableCache = rows
    .map((r) => r.name)
    .filter((name) => !WRITTEN_BY_REFUSALS.has(name) && !FOLLOWS_WRITES.has(name) && name !== 'fuzz_writes');
  return tableCache;
}

/** The tables whose fingerprints differ (empty when nothing changed). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]);
}

/**
 * Installs the per-request change detector: a statement trigger on every business table counts the
 * statements that wrote to it, and one on the audit trail counts updates, deletes and truncates (inserts
 * are the trail doing its job). A refused request's transaction rolls its count back with its writes,
 * so a count that moved means a committed change. Reading it costs one tiny query per request; the
 * fingerprint above cross-checks it once per operation.
 */
export async function installWriteCounter(db: Kysely<DB>): Promise<void> {
  await sql`create table fuzz_writes (tbl text primary key, n bigint not null)`.execute(db);
  await sql`
    create function fuzz_count() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes values (TG_TABLE_NAME, 1) on conflict (tbl) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`.execute(db);
  // Row triggers, so that a statement that touches no row (an update whose version did not match) is no write.
  const watch = async (table: string, events: string) => {
    await sql`create trigger fuzz_count_rows after ${sql.raw(events)} on ${sql.table(table)}
      for each row execute function fuzz_count()`.execute(db);
    await sql`create trigger fuzz_count_truncate after truncate on ${sql.table(table)}
      for each statement execute function fuzz_count()`.execute(db);
  };
  for (const table of await businessTables(db)) await watch(table, 'insert or update or delete');
  await watch('audit_log', 'update or delete');
}

/** table → statements that wrote to it so far. */
export async function writeCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const { rows } = await sql<{ tbl: string; n: string }>`select tbl, n from fuzz_writes`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.tbl, Number(r.n)]));
}

/** The tables whose write counts differ. */
export function writtenTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

/** What one persona may see, computed from the app's own scope rules on the current data. */
export interface Scope {
  visibleIds: Set<number>;
  /** Tokens (names, codes, report texts) of the projects the persona must never receive. */
  forbidden: WorldProject[];
  /** For region-scoped personas, their region (every region code in a business answer must lie inside). */
  region: string | null;
}

/** Recomputes a persona's scope (after any accepted write, since a write may move a project). */
export async function scopeOf(db: Kysely<DB>, client: FuzzClient, projects: WorldProject[]): Promise<Scope> {
  const actor = client.actor;
  const visible = actor ? await db.selectFrom('projects').select('id').where(visibleProjects(actor)).execute() : [];
  const visibleIds = new Set(visible.map((p) => p.id));
  const region = actor && projectScopeKind(actor.role) === 'region' ? actor.regionCode : null;
  return { visibleIds, forbidden: projects.filter((p) => !visibleIds.has(p.id)), region };
}

/**
 * Why an answer breaks the persona's scope, or null. Looks at the raw text for forbidden tokens and
 * codes, and walks JSON for `projectId` values outside the visible set and region codes outside the region.
 * `regionKeysExempt` lists answers whose region codes are not business data (the region picker's tree).
 */
export function scopeViolation(scope: Scope, body: string, json: unknown, regionChecked: boolean): string | null {
  for (const project of scope.forbidden) {
    if (body.includes(project.token) || body.includes(project.code))
      return `carries project ${project.id} (${project.regionCode}) outside the scope`;
  }
  let found: string | null = null;
  const walk = (value: unknown): void => {
    if (found || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'projectId' && typeof inner === 'number' && !scope.visibleIds.has(inner))
        found = `carries projectId ${inner} outside the scope`;
      else if (
        regionChecked &&
        scope.region &&
        key === 'regionCode' &&
        typeof inner === 'string' &&
        /^\d{6}$/.test(inner) &&
        !isWithinRegion(inner, scope.region)
      )
        found = `carries regionCode ${inner} outside ${scope.region}`;
      else walk(inner);
    }
  };
  walk(json);
  return found;
}

/** Every cell of a workbook as text (exports are checked for leaked tokens like JSON answers). */
export async function workbookText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}
