/**
 * Requests per second a running app answers on a few routes, with C connections each sending one request after
 * another for S seconds (issue #14's throughput figures): signs in over HTTP, then loads each path in turn and
 * prints requests/s, median and p99. `/auth/me` is the yardstick: an authenticated route that does almost nothing.
 *   npm run bench:load -w @keyprojects/bench -- --url http://127.0.0.1:3000 --user rhl.staff --password Daqing@2021demo \
 *     --path '/api/v1/stats/dashboard?asOf=2021-05-20' --path /api/v1/projects
 * The load runs in this process (Node's fetch keeps its connections alive), on the same machine as the server: the
 * figures compare routes measured in one run, not machines.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    user: { type: 'string', default: 'rhl.staff' },
    password: { type: 'string', default: 'Daqing@2021demo' },
    path: { type: 'string', multiple: true, default: [] },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
  },
});
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
  return { path, rps: Math.round(latencies.length / seconds), median: at(0.5), p99: at(0.99), failed };
}

for (const path of ['/api/v1/auth/me', ...values.path]) {
  await load(path); // warm-up pass, not reported
  const r = await load(path);
  console.log(
    `${r.path}: ${String(r.rps)} req/s, median ${r.median.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms` +
      (r.failed ? `, ${String(r.failed)} not 200` : ''),
  );
}
