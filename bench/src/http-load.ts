/**
 * Requests per second a running app answers on a few routes, with C connections each sending one request after
 * another for S seconds (issue #14's throughput figures): signs in over HTTP, then loads each path in turn and
 * prints requests/s, median and p99. `/auth/me` is the yardstick: an authenticated route that does almost nothing.
 *   npm run bench:load -w @keyprojects/bench -- --url http://127.0.0.1:3000 --user rhl.staff --password Daqing@2021demo \
 *     --path '/api/v1/stats/dashboard?asOf=2021-05-20' --path /api/v1/projects
 * The load runs in this process (Node's fetch keeps its connections alive), on the same machine as the server: the
 * figures compare routes measured in one run, not machines. On a machine busy with other work, requests/s mostly
 * measure the neighbours; `--server-pid` (Linux) also prints the CPU the server process and `--db-pids` the
 * database backends spent per request, which other load hardly changes.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    user: { type: 'string', default: 'rhl.staff' },
    password: { type: 'string', default: 'Daqing@2021demo' },
    path: { type: 'string', multiple: true, default: [] },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    'server-pid': { type: 'string' },
    'db-pids': { type: 'string' },
  },
});

/** CPU milliseconds (user + system) the processes have used so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pids: string[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that has gone counts no more.
    }
  }
  return ticks * 10;
}
const serverPids = values['server-pid'] ? [values['server-pid']] : [];
const dbPids = values['db-pids']?.split(',').filter(Boolean) ?? [];
const connections = Number(values.connections);
const seconds = Number(values.seconds);

const login = await fetch(`${values.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: values.user, password: values.password }),
});
const session = login.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
await login.text();
if (login.status !== 200 || !session) throw new Error(`sign-in failed with ${String(login.status)}`);
const cookie = session.split(';')[0] ?? '';

async function load(path: string) {
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = [cpuMs(serverPids), cpuMs(dbPids)] as const;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const answer = await fetch(`${values.url}${path}`, { headers: { cookie } });
      await answer.arrayBuffer();
      if (answer.status !== 200) failed += 1;
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const perRequest = (before: number, pids: string[]) => (cpuMs(pids) - before) / Math.max(1, latencies.length);
  return {
    path,
    rps: Math.round(latencies.length / seconds),
    median: at(0.5),
    p99: at(0.99),
    failed,
    serverCpu: perRequest(cpuBefore[0], serverPids),
    dbCpu: perRequest(cpuBefore[1], dbPids),
  };
}

for (const path of ['/api/v1/auth/me', ...values.path]) {
  await load(path); // warm-up pass, not reported
  const r = await load(path);
  console.log(
    `${r.path}: ${String(r.rps)} req/s, median ${r.median.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms` +
      (serverPids.length ? `, server CPU ${r.serverCpu.toFixed(2)} ms/req` : '') +
      (dbPids.length ? `, database CPU ${r.dbCpu.toFixed(2)} ms/req` : '') +
      (r.failed ? `, ${String(r.failed)} not 200` : ''),
  );
}
