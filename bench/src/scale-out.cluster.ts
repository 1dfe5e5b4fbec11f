/**
 * The scale-out test's cluster (scale-out.ts): a PostgreSQL 15 primary and a streaming replica made with
 * pg_basebackup (Debian's binaries, own data directories under /tmp/kp-scale, never the machine's server), the
 * built app as separate node processes, and nginx in front with its own configuration. Every piece is started by
 * this file and stopped by `stop()`, which also removes /tmp/kp-scale.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BASE = '/tmp/kp-scale';
const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PORTS = { primary: 5434, replica: 5433, apps: [3486, 3487], nginx: 8090 } as const;
export const DB_NAME = 'keyprojects';
export const primaryUrl = `postgres://postgres@127.0.0.1:${String(PORTS.primary)}/${DB_NAME}`;
export const replicaUrl = `postgres://postgres@127.0.0.1:${String(PORTS.replica)}/${DB_NAME}`;

/** PostgreSQL refuses to run as root: its commands run as the `postgres` user when this process is root. */
function pgCommand(binary: string, args: string[]): { file: string; args: string[] } {
  const file = path.join(PG_BIN, binary);
  return process.getuid?.() === 0 ? { file: 'runuser', args: ['-u', 'postgres', '--', file, ...args] } : { file, args };
}

function run(binary: string, args: string[]): void {
  const command = pgCommand(binary, args);
  const result = spawnSync(command.file, command.args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
}

const CONF = (port: number) => `
port = ${String(port)}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${BASE}'
shared_buffers = 64MB
max_connections = 60
wal_level = replica
max_wal_senders = 4
hot_standby = on
hot_standby_feedback = on
# A throwaway test cluster: durability is not what is measured.
fsync = off
full_page_writes = off
`;

/** initdb a primary on its port, start it, create the app's database. */
export function startPrimary(): void {
  rmSync(BASE, { recursive: true, force: true });
  mkdirSync(BASE, { recursive: true });
  // The postgres user owns the directory (the sockets and data directories live in it).
  chmodSync(BASE, 0o777);
  const data = path.join(BASE, 'primary');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  appendFileSync(path.join(data, 'postgresql.conf'), CONF(PORTS.primary));
  run('pg_ctl', ['-D', data, '-l', path.join(BASE, 'primary.log'), '-w', 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(PORTS.primary), '-U', 'postgres', DB_NAME]);
}

/** A streaming replica of the primary: pg_basebackup with -R (standby.signal + primary_conninfo), its own port. */
export function startReplica(): void {
  const data = path.join(BASE, 'replica');
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(PORTS.primary),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
  ]);
  run('pg_ctl', ['-D', data, '-l', path.join(BASE, 'replica.log'), '-o', `-p ${String(PORTS.replica)}`, '-w', 'start']);
}

/** An app instance: the built server with node, both database URLs, its port; its log in /tmp/kp-scale. */
export interface AppInstance {
  port: number;
  process: ChildProcess;
  log: string;
}

export async function startApp(serverJs: string, port: number): Promise<AppInstance> {
  const log = path.join(BASE, `app-${String(port)}.log`);
  const child = spawn('node', [serverJs], {
    env: {
      ...process.env,
      DATABASE_URL: primaryUrl,
      DATABASE_READ_URL: replicaUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      // debug: the scheduler's 'already claimed' lines show the other instance's checks.
      LOG_LEVEL: 'debug',
      SESSION_TTL_MINUTES: '60',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  await waitFor(`http://127.0.0.1:${String(port)}/api/v1/auth/me`, child, 240_000);
  return { port, process: child, log };
}

/** Waits until the URL answers at all (401 is an answer), or the process exits. */
async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${String(child.exitCode)} before answering`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer in ${String(timeoutMs)} ms`);
}

/**
 * nginx on its port, round-robin over the instances. Passive failover: an instance that refuses connections is
 * marked failed for 10 s and the request goes to the next (`proxy_next_upstream error timeout`); nginx resends
 * only requests that are idempotent or not yet sent, so a POST in flight on a dying instance fails, as it should.
 */
export function startNginx(): void {
  const dir = path.join(BASE, 'nginx');
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  chmodSync(path.join(dir, 'temp'), 0o777);
  const upstreams = PORTS.apps.map((p) => `    server 127.0.0.1:${String(p)} max_fails=1 fail_timeout=10s;`).join('\n');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  upstream keyprojects {
${upstreams}
  }
  server {
    listen 127.0.0.1:${String(PORTS.nginx)};
    client_max_body_size 20m;
    location / {
      proxy_pass http://keyprojects;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
    }
  }
}
`,
  );
  const result = spawnSync('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nginx failed to start: ${result.stderr}`);
}

/** Stops whatever of the cluster is running and removes its directory. */
export function stopAll(apps: AppInstance[]): void {
  for (const app of apps) if (app.process.exitCode === null) app.process.kill('SIGTERM');
  const dir = path.join(BASE, 'nginx');
  spawnSync('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-s', 'stop'], { stdio: 'ignore' });
  for (const data of ['replica', 'primary']) {
    const command = pgCommand('pg_ctl', ['-D', path.join(BASE, data), '-m', 'fast', '-w', 'stop']);
    spawnSync(command.file, command.args, { stdio: 'ignore' });
  }
}

/** Removes the cluster's directory (after its logs were read). */
export function removeAll(): void {
  rmSync(BASE, { recursive: true, force: true });
}
