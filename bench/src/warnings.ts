/**
 * Every warning rule for a province of projects (50,000 by default, the bench's province data), as the daily job
 * runs it: the time of loading the snapshots, of core's rule engine, of storing (a first run raises, a second
 * confirms); and, in the same run over the same rows, the investment-pace and start-overdue rules answered by one
 * SQL pass — whose counts must agree with the engine's.
 *   PGlite:     npm run bench:warnings -w @keyprojects/bench
 *   PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:warnings -w @keyprojects/bench
 */
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_STAGES, YINCHUAN_PRESET } from '@keyprojects/core';
import type { DB } from '../../packages/server/src/db/schema.ts';
import { rebuildYearProgress } from '../../packages/server/src/modules/report/report.repository.ts';
import {
  presetResolver,
  runRules,
  storeEvaluation,
} from '../../packages/server/src/modules/warning/warning-evaluation.service.ts';
import { loadWarningSnapshots } from '../../packages/server/src/modules/warning/warning.repository.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { generateScale } from './generate-reports.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '50000' } } });
const PROVINCE = '230000';
const AS_OF = '2021-05-20';
/** The bench's reporting periods end with their month, so four months (January–April) count as of 20 May. */
const MONTHS_COUNTED = 4;

const database = await createTestDatabase();
const db = database.db;
const started = Date.now();
await generateScale(db, { projects: Number(values.projects), years: [2021], regionCode: PROVINCE });
await spreadOutcomes(db);
console.log(
  `${values.projects} projects on ${database.kind}, generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

/** Milliseconds `fn` took, and its result. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10, result };
}

/**
 * The generator files every project on pace; this spreads outcomes over the rules: a third far behind the pace, every
 * seventh somewhat behind, every eleventh without its April report, every thirteenth not yet started, every nineteenth started but not in statistics.
 */
async function spreadOutcomes(kdb: Kysely<DB>): Promise<void> {
  await sql`update monthly_reports set completed_this_month = case when project_id % 3 = 0
    then completed_this_month / 10 else completed_this_month / 2 end where project_id % 3 = 0 or project_id % 7 = 0`.execute(
    kdb,
  );
  await sql`delete from monthly_reports where project_id % 11 = 0 and month >= 4`.execute(kdb);
  await sql`update projects set stage = 'preparation', planned_start_date = date '2020-12-01' + (id % 150)
    where id % 13 = 0`.execute(kdb);
  await sql`update projects set actual_start_date = date '2021-01-10' + (id % 120), in_statistics_since = null
    where id % 19 = 0`.execute(kdb);
  await rebuildYearProgress(kdb, 2021);
  await sql`analyze`.execute(kdb);
}

const presets = await presetResolver(db);
for (const run of ['first run (raises)', 'second run (confirms)']) {
  const load = await timed(() => loadWarningSnapshots(db, PROVINCE, AS_OF));
  const engine = await timed(() => runRules(load.result, presets, AS_OF));
  const store = await timed(() =>
    db.transaction().execute((trx) => storeEvaluation(trx, PROVINCE, engine.result, AS_OF, { notify: false })),
  );
  console.log(
    `${run}: ${load.result.length} projects, ${engine.result.projectWarnings.length} warnings — load snapshots ${load.ms} ms, rule engine ${engine.ms} ms, store ${store.ms} ms (raised ${store.result.raised}, confirmed ${store.result.confirmed}, cleared ${store.result.cleared})`,
  );
}

// The same question by one SQL pass: the investment-pace rule (Yinchuan: points behind, yellow ≥ 10, red > 30) and
// start overdue (yellow ≥ 1 month end missed, red ≥ 3) counted by level, over the same rows.
const startedStages = DEFAULT_STAGES.slice(2).map((stage) => stage.code);
const asOfMonth = 2021 * 12 + 5 - 1;
const sqlPass = await timed(
  async () =>
    (
      await sql<Record<string, number>>`
      with p as (
        select
          case when ap.planned_investment > 0 then
            100.0 * (${MONTHS_COUNTED} * ap.planned_investment - 12 * coalesce(g.done, 0)) / (12 * ap.planned_investment)
          end as behind,
          case when p.planned_start_date < ${AS_OF}
            and (case when p.actual_start_date is not null then p.actual_start_date > ${AS_OF}
                 else not (p.stage = any(${startedStages}::text[])) end)
            then ${asOfMonth} - (extract(year from p.planned_start_date)::int * 12 + extract(month from p.planned_start_date)::int - 1)
          end as months_missed
        from projects p
        left join annual_plans ap on ap.project_id = p.id and ap.year = 2021
        left join (
          select project_id, (select sum(x) from unnest(monthly_completed[1:${MONTHS_COUNTED}]) x) as done
          from project_year_progress where year = 2021
        ) g on g.project_id = p.id
        where p.deleted_at is null and p.region_code like '23%'
      )
      select
        count(*) filter (where behind >= 10 and behind <= 30)::int as pace_yellow,
        count(*) filter (where behind > 30)::int as pace_red,
        count(*) filter (where months_missed >= 1 and months_missed < 3)::int as start_yellow,
        count(*) filter (where months_missed >= 3)::int as start_red
      from p`.execute(db)
    ).rows[0],
);
// The engine on the same two rules, snapshot loading included, for the like-for-like comparison.
const twoRules = {
  ...YINCHUAN_PRESET,
  rules: {
    investment_behind_pace: YINCHUAN_PRESET.rules.investment_behind_pace,
    start_overdue: YINCHUAN_PRESET.rules.start_overdue,
  },
  districtRules: {},
};
const engineTwo = await timed(async () =>
  runRules(await loadWarningSnapshots(db, PROVINCE, AS_OF), { forRegion: () => twoRules, byId: () => twoRules }, AS_OF),
);
const engineRows = engineTwo.result.projectWarnings;
const count = (rule: string, level: string) => engineRows.filter((w) => w.rule === rule && w.level === level).length;
const fromEngine = {
  pace_yellow: count('investment_behind_pace', 'yellow'),
  pace_red: count('investment_behind_pace', 'red'),
  start_yellow: count('start_overdue', 'yellow'),
  start_red: count('start_overdue', 'red'),
};
const agree = JSON.stringify(fromEngine) === JSON.stringify(sqlPass.result);
console.log(
  `pace + start overdue (${YINCHUAN_PRESET.label.en}): one SQL pass ${sqlPass.ms} ms, snapshots + rule engine ${engineTwo.ms} ms; SQL ${JSON.stringify(sqlPass.result)}, engine ${JSON.stringify(fromEngine)}: ${agree ? 'agree' : 'DISAGREE'}`,
);
await database.close();
if (!agree) process.exit(1);
