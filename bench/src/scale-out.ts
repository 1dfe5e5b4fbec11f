/**
 * The scale-out test (issue #14 item 7), `npm run scale:test`: a PostgreSQL primary (port 5434) with a streaming
 * replica (5433), two built app instances (3486, 3487) reading dashboards, drill lists and exports from the replica,
 * nginx (8090) in front. Mixed load runs through nginx — sign-ins, project lists, dashboards and drill lists,
 * monthly report filings, a ledger import — and one instance is killed (SIGKILL) half-way. The report says how many
 * requests failed (only those in flight on the killed instance may), whether every session outlived the instance
 * it signed in on, that each scheduler tick ran once, the replica's lag, and whether primary and replica agree at
 * the end. Everything started is stopped and /tmp/kp-scale removed, also on failure.
 *   npm run scale:test [-- --seconds 40]
 * Needs Debian's postgresql-15 and nginx, and the built server (built here when packages/server/dist is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  PORTS,
  primaryUrl,
  removeAll,
  replicaUrl,
  startApp,
  startNginx,
  startPrimary,
  startReplica,
  stopAll,
  type AppInstance,
} from './scale-out.cluster.ts';
import { DEMO_PASSWORD, DEMO_YEAR, Session, Tally } from './scale-out.load.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '40' } } });
const seconds = Number(values.seconds);
const root = path.resolve(import.meta.dirname, '../..');
const serverJs = path.join(root, 'packages/server/dist/server.js');
const gateway = `http://127.0.0.1:${String(PORTS.nginx)}`;

const apps: AppInstance[] = [];
const cleanUp = () => {
  stopAll(apps);
  removeAll();
};
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Seconds of replay lag as the primary sees it (pg_stat_replication), sampled while the load runs. */
async function sampleLag(lags: number[], until: () => boolean) {
  while (!until()) {
    const [row] = await query<{ lag: number | null }>(
      primaryUrl,
      'select extract(epoch from replay_lag)::float8 as lag from pg_stat_replication',
    );
    lags.push(row?.lag ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What the primary and the replica hold, compared after the load: counts and sums of the business tables. */
const FINGERPRINT = `
  select (select version from data_version) as data_version,
         (select count(*) from projects) as projects,
         (select sum(total_investment) from projects) as total_investment,
         (select count(*) from monthly_reports) as reports,
         (select sum(completed_this_month) from monthly_reports) as completed,
         (select count(*) from audit_log) as audit_rows,
         (select count(*) from job_runs) as job_runs`;

async function main() {
  if (!existsSync(serverJs)) {
    console.log('building the server (npm run build -w @keyprojects/server)…');
    spawnSync('npm', ['run', 'build', '-w', '@keyprojects/server'], { cwd: root, stdio: 'inherit' });
  }
  console.log('primary on 5434, replica on 5433 (pg_basebackup)…');
  startPrimary();
  startReplica();
  // The first instance migrates and loads the demo city; the second starts on the ready database.
  console.log('app instances on 3486 and 3487…');
  apps.push(await startApp(serverJs, PORTS.apps[0]));
  apps.push(await startApp(serverJs, PORTS.apps[1]));
  startNginx();

  const tally = new Tally();
  const users = await demoUsers();
  const sessions = {
    leader: await Session.signIn(gateway, users.leader, tally),
    staff: await Session.signIn(gateway, users.staff, tally),
    owner: await Session.signIn(gateway, users.owner, tally),
  };
  const ownerProjects = await sessions.owner.projectIds();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const running = () => elapsed() < seconds;
  const kill: { at?: number } = {};
  const lags: number[] = [];

  const loop = async (work: () => Promise<void>) => {
    while (running()) await work();
  };
  const killer = (async () => {
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
    kill.at = elapsed();
    tally.markKill();
    apps[1]?.process.kill('SIGKILL');
    console.log(`killed the instance on ${String(PORTS.apps[1])} at ${kill.at.toFixed(1)} s`);
  })();
  const drill = `/api/v1/stats/projects?asOf=${DEMO_YEAR}-05-20&metric=started`;
  let fileCount = 0;
  let imported = 'not run';
  await Promise.all([
    killer,
    sampleLag(lags, () => !running()),
    loop(() => Session.signInAndOut(gateway, users.churn, tally)),
    loop(() => sessions.staff.get('list', '/api/v1/projects?pageSize=20')),
    loop(() => sessions.staff.get('list', '/api/v1/projects?pageSize=20&sort=totalInvestment&order=desc')),
    loop(() => sessions.leader.get('dashboard', `/api/v1/stats/dashboard?asOf=${DEMO_YEAR}-05-20`)),
    loop(() => sessions.leader.get('drill', drill)),
    loop(async () => {
      const id = ownerProjects[fileCount % ownerProjects.length] ?? 0;
      fileCount += 1;
      await sessions.owner.fileReport(id, fileCount);
    }),
    (async () => {
      imported = await sessions.staff.importLedger();
    })(),
  ]);

  // Afterwards: the sessions signed in before the kill still answer (whichever instance they now reach).
  const kept = await Promise.all(Object.values(sessions).map((s) => s.stillSignedIn()));
  // The replica catches up; then both hold the same.
  let equal = false;
  let fingerprints: unknown[] = [];
  for (let attempt = 0; attempt < 40 && !equal; attempt += 1) {
    fingerprints = await Promise.all([query(primaryUrl, FINGERPRINT), query(replicaUrl, FINGERPRINT)]);
    equal = JSON.stringify(fingerprints[0]) === JSON.stringify(fingerprints[1]);
    if (!equal) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const dashboardPrimary = await sessions.leader.dashboardBody('primary');
  const dashboardReplica = await sessions.leader.dashboardBody('replica');
  const ticks = await query<{ job: string; tick: string; instance: string; finished: boolean }>(
    primaryUrl,
    'select job, tick, instance, finished_at is not null as finished from job_runs order by job, tick',
  );
  const ranInLogs = apps.flatMap((app) =>
    readFileSync(app.log, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"msg":"job ran"'))
      .map((line) => {
        const entry = JSON.parse(line) as { job: string; tick: string };
        return `${entry.job}@${entry.tick}`;
      }),
  );
  const ranTwice = ranInLogs.filter((tick, i) => ranInLogs.indexOf(tick) !== i);
  // Each instance checks its jobs as it starts: the later one finds the ticks claimed (a debug line each).
  const claimedElsewhere = apps.map(
    (app) => readFileSync(app.log, 'utf8').split('"msg":"job tick already claimed"').length - 1,
  );

  console.log('\n## scale-out report');
  console.log(
    `load: ${String(seconds)} s through nginx, instance ${String(PORTS.apps[1])} killed at ${(kill.at ?? 0).toFixed(1)} s`,
  );
  console.log(tally.report());
  console.log(`ledger import (background job, polled through nginx): ${imported}`);
  console.log(
    `sessions signed in before the kill still signed in after it: ${String(kept.filter(Boolean).length)} of ${String(kept.length)}`,
  );
  console.log(
    `scheduler: ${String(ticks.length)} ticks in job_runs (${[...new Set(ticks.map((t) => t.instance))].length} instances claimed), ` +
      `${String(ranInLogs.length)} "job ran" lines in both logs, ticks run twice: ${String(ranTwice.length)}; ` +
      `checks that found the tick already claimed, per instance: ${claimedElsewhere.join(' / ')}`,
  );
  const sortedLags = [...lags].sort((a, b) => a - b);
  console.log(
    `replica lag (pg_stat_replication.replay_lag, ${String(lags.length)} samples): median ${((sortedLags[Math.floor(lags.length / 2)] ?? 0) * 1000).toFixed(1)} ms, ` +
      `max ${((sortedLags.at(-1) ?? 0) * 1000).toFixed(1)} ms; answers read from: ${tally.readFrom()}`,
  );
  console.log(`primary and replica equal afterwards: ${String(equal)} ${JSON.stringify(fingerprints[0])}`);
  console.log(
    `dashboard read from primary and from replica identical: ${String(dashboardPrimary === dashboardReplica)}`,
  );
  const ok = equal && ranTwice.length === 0 && kept.every(Boolean) && dashboardPrimary === dashboardReplica;
  console.log(ok ? 'scale-out test: PASS' : 'scale-out test: FAIL');
  return ok;
}

try {
  const ok = await main();
  cleanUp();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  cleanUp();
  process.exit(1);
}

/** The demo's accounts the load signs in with (the demo city's generator names them). */
async function demoUsers() {
  const rows = await query<{ username: string; role: string }>(
    primaryUrl,
    `select username, role from users where role in ('leader', 'district_staff', 'owner', 'city_admin') order by id`,
  );
  const first = (role: string) => {
    const row = rows.find((r) => r.role === role);
    if (!row) throw new Error(`no demo ${role}`);
    return { username: row.username, password: DEMO_PASSWORD };
  };
  return { leader: first('leader'), staff: first('district_staff'), owner: first('owner'), churn: first('city_admin') };
}
