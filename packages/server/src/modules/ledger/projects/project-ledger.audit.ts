/**
 * The audit rows of a ledger import, built in the database from the rows the import wrote. The API audits a
 * project as `projectSnapshot(findProject(…))` serialised to JSON; reading 10,000 projects back, serialising them and
 * having the database parse 12 MB of JSON again costs about 1.2 s of the embedded engine's CPU per 10,000
 * rows, building the same jsonb from the rows about 0.5 s. `snapshotSql` is therefore a second form of
 * the project presenter's `toProjectOutput` + `projectSnapshot`: project-ledger.audit.test.ts checks
 * the two give the same JSON text for projects of every shape, so a change to one fails until the other follows.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { ProjectOutput } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { projectSnapshot } from '../../project/project.presenter.ts';

/** formatWan in SQL: fen as 万元 with the decimals needed, at least two. */
const wan = (fen: RawBuilder<unknown>) =>
  sql`(case when scale(trim_scale(${fen}::numeric / 1000000)) < 2 then round(${fen}::numeric / 1000000, 2)
    else trim_scale(${fen}::numeric / 1000000) end)::text`;

/** Side-table rows as the snapshot lists them, aggregated per project in one pass (not a subquery per row). */
const sideTables = (ids: readonly number[]) => sql`
  left join (
    select f.project_id, jsonb_agg(jsonb_build_object('kind', f.kind, 'applied', ${wan(sql`f.applied`)},
      'approved', ${wan(sql`f.approved`)}, 'issued', ${wan(sql`f.issued`)}) order by f.kind) as list
    from project_funding_sources f where f.project_id = any(${ids}::int[]) group by f.project_id
  ) fs on fs.project_id = p.id
  left join (
    select ap.project_id, jsonb_agg(jsonb_build_object('year', ap.year,
      'plannedInvestment', ${wan(sql`ap.planned_investment`)}, 'nature', ap.nature,
      'plannedNewStart', ap.planned_new_start) order by ap.year) as list
    from annual_plans ap where ap.project_id = any(${ids}::int[]) group by ap.project_id
  ) pl on pl.project_id = p.id`;

/** These projects, in the order given (`w.n`), joined as `snapshotSql` reads them. */
const from = (ids: readonly number[]) => sql`
  from unnest(${ids}::int[]) with ordinality as w(id, n)
  join projects p on p.id = w.id
  join organizations o on o.id = p.owner_org_id
  join regions r on r.code = p.region_code
  left join users so on so.id = p.service_officer_id
  ${sideTables(ids)}`;

/**
 * The project presenter's audit snapshot of the project `p` read through `from`, as jsonb. Coordinates lose
 * trailing zeros as JS numbers do (46.500000 → 46.5); jsonb_build_object takes at most 100 arguments, so
 * the fields come in two halves.
 */
const snapshotSql = sql`jsonb_build_object(
    'id', p.id, 'code', p.code, 'name', p.name, 'ownerOrgId', p.owner_org_id, 'ownerName', o.name,
    'ownerCreditCode', o.credit_code, 'regionCode', p.region_code, 'regionName', r.name, 'levels', p.levels,
    'category', p.category, 'industry', p.industry, 'nature', p.nature, 'constructionContent', p.construction_content,
    'address', p.address, 'longitude', trim_scale(p.longitude), 'latitude', trim_scale(p.latitude),
    'totalInvestment', ${wan(sql`p.total_investment`)}, 'plannedStartDate', p.planned_start_date,
    'plannedCompletionDate', p.planned_completion_date, 'plannedProductionDate', p.planned_production_date)
  || jsonb_build_object(
    'actualStartDate', p.actual_start_date, 'actualCompletionDate', p.actual_completion_date,
    'actualProductionDate', p.actual_production_date, 'stage', p.stage, 'financingModel', p.financing_model,
    'serviceOfficerId', p.service_officer_id, 'serviceOfficerName', so.display_name,
    'responsibleLeader', p.responsible_leader, 'responsibleUnit', p.responsible_unit,
    'contactPerson', p.contact_person, 'contactPhone', p.contact_phone,
    'tags', p.tags, 'inStatistics', p.in_statistics, 'inStatisticsSince', p.in_statistics_since,
    'fundingSources', coalesce(fs.list, '[]'::jsonb), 'annualPlans', coalesce(pl.list, '[]'::jsonb))`;

/** The snapshots of these projects as the database builds them, in the order given (for the test). */
export async function snapshotsFromSql(trx: Transaction<DB>, ids: readonly number[]) {
  const result = await sql<{ id: number; snapshot: string }>`
    select p.id, (${snapshotSql})::text as snapshot ${from(ids)} order by w.n`.execute(trx);
  return result.rows;
}

/**
 * Appends one audit row per project, in the order given, with the columns recordAudit writes: `after` the
 * project as it now is, `before` (updates) the snapshot of the project as planned against, which the
 * import's version check guarantees is what it was.
 */
export async function insertProjectAudit(
  trx: Transaction<DB>,
  actor: Actor,
  action: 'create' | 'update',
  written: readonly { id: number; before?: ProjectOutput }[],
): Promise<void> {
  if (written.length === 0) return;
  const before = written.flatMap(({ id, before: project }) =>
    project ? [{ id, before: projectSnapshot(project) }] : [],
  );
  await sql`insert into audit_log
      (actor_id, actor_username, actor_role, ip, user_agent, entity_type, entity_id, action, region_code, before, after)
    select ${actor.id}, ${actor.username}, ${actor.role}, ${actor.ip}, ${actor.userAgent?.slice(0, 300) ?? null},
      'project', p.id::text, ${action}, p.region_code, b.before, ${snapshotSql}
    ${from(written.map((row) => row.id))}
    left join jsonb_to_recordset(${JSON.stringify(before)}::jsonb) as b(id int, before jsonb) on b.id = p.id
    order by w.n`.execute(trx);
}
