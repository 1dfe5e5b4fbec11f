/**
 * The built server (issue #14 item 9): `npm start` bundles the server with scripts/build.ts and runs it with plain
 * node. These tests build it the same way and check that what only the bundle can get wrong works: it starts on a
 * fresh embedded database and answers, its CLI runs, and its PDF worker (a separate entry, loaded by file) lays out
 * a bulletin or says the fonts are missing, without tsx anywhere.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const serverRoot = path.resolve(import.meta.dirname, '..');
const tsx = path.resolve(serverRoot, '../../node_modules/.bin/tsx');
const scratch = mkdtempSync(path.join(tmpdir(), 'kp-built-'));
// The bundle is tried on its own embedded databases; DATABASE_URL would point it at the suite's server.
const env: NodeJS.ProcessEnv = { ...process.env, DEMO: 'false', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0' };
delete env.DATABASE_URL;

let server: ChildProcess | undefined;
let origin = '';

beforeAll(async () => {
  await run(tsx, ['scripts/build.ts'], { cwd: serverRoot });
  server = spawn(process.execPath, ['dist/server.js'], {
    cwd: serverRoot,
    env: { ...env, DATA_DIR: path.join(scratch, 'server') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = server;
  origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the built server did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`the built server exited with ${String(code)}:\n${output}`)));
  });
}, 120_000);

afterAll(() => {
  server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the server built to JavaScript', () => {
  it('starts with plain node on a fresh database and answers its API document and requests', async () => {
    const document = (await (await fetch(`${origin}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).length).toBeGreaterThan(100);
    const environment = await fetch(`${origin}/api/v1/environment`);
    expect(environment.status).toBe(200);
    const anonymous = await fetch(`${origin}/api/v1/projects`);
    expect(anonymous.status).toBe(401);
  });

  it('runs its command line from the bundle', async () => {
    const { stdout } = await run(
      process.execPath,
      ['dist/cli.js', 'migrate', '--json', '--data-dir', path.join(scratch, 'cli')],
      { cwd: serverRoot, env },
    );
    const answer = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { applied?: string[] };
    expect(answer.applied).toContain('2026112701_foundation');
  }, 60_000);

  it('loads the PDF worker bundled beside it, which answers without tsx', async () => {
    const worker = new Worker(path.join(serverRoot, 'dist/bulletin.pdf.worker.js'), {
      workerData: {
        bulletin: { title: '测试', dateLine: '', paragraphs: [] },
        fontDir: path.join(scratch, 'no-fonts'),
      },
    });
    const answer = await new Promise<{ ok: boolean; unavailable?: boolean }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer).toEqual(expect.objectContaining({ ok: false, unavailable: true }));
  });
});
