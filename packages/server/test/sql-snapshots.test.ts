/**
 * The query snapshots (packages/server/queries/*.sql) are current: every repository and each of its exported
 * functions is in the registry (scripts/queries/registry.ts), and the SQL regenerated now is the SQL checked in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryFiles, SNAPSHOT_DIR, staleEntries, unregisteredFunctions } from '../scripts/queries/capture.ts';
import { REGISTRY } from '../scripts/queries/registry.ts';
import { renderSnapshots } from '../scripts/queries/snapshots.ts';

const RUN = 'run `npm run sql:snapshots` and commit packages/server/queries/';

describe('the query snapshots', () => {
  it('register every repository and every function it exports, and nothing else', () => {
    const registered = new Set(REGISTRY.map((entry) => entry.file));
    const missing = repositoryFiles().filter((file) => !registered.has(file));
    expect(missing, 'repositories missing from packages/server/scripts/queries/registry.ts').toEqual([]);
    expect(unregisteredFunctions(REGISTRY), 'exported functions missing from the registry').toEqual([]);
    expect(staleEntries(REGISTRY), 'registry entries naming no exported function (renamed or removed)').toEqual([]);
  });

  it('match the SQL the repositories run now', async () => {
    const files = await renderSnapshots();
    const stale = [...files].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
    expect(
      stale.map(([file]) => path.basename(file)),
      `query snapshots differ from the checked-in files: ${RUN}`,
    ).toEqual([]);
    const expected = new Set([...files.keys()].map((file) => path.basename(file)));
    const orphans = readdirSync(SNAPSHOT_DIR).filter((name) => !expected.has(name));
    expect(orphans, `snapshots of repositories that no longer exist: ${RUN}`).toEqual([]);
  }, 120_000);
});
