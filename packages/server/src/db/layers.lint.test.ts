/**
 * The layer rules of eslint.config.js, each proved on a deliberately bad fixture (packages/server/test/lint-fixtures/):
 * core stays pure, the web imports nothing of the server, src/db/ imports no module, modules do not import app.ts,
 * routes do not query or set an error handler, and no two files import each other.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = 'packages/server/test/lint-fixtures';
// The rules are syntactic: lint without type information (fast, and the fixtures need no program).
const eslint = new ESLint({ cwd: root, ignore: false, overrideConfig: tseslint.configs.disableTypeChecked });

/** `line rule` for each message of the layer rules in a file. */
async function findings(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  const layerRules = new Set(['no-restricted-imports', 'no-restricted-syntax', 'import-x/no-cycle']);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && layerRules.has(m.ruleId))
    .map((m) => `${String(m.line)} ${m.ruleId ?? ''}`);
}

describe('the layer lint rules', () => {
  it('reports a core file that imports node I/O, the database or the server', async () => {
    expect(await findings(`${FIXTURES}/core/impure.ts`)).toEqual([
      '5 no-restricted-imports',
      '6 no-restricted-imports',
      '7 no-restricted-imports',
    ]);
  });

  it('reports a web file that imports the server', async () => {
    expect(await findings(`${FIXTURES}/web/imports-server.ts`)).toEqual(['5 no-restricted-imports']);
  });

  it("reports a web file that reads the computer's clock for a date", async () => {
    expect(await findings(`${FIXTURES}/web/reads-clock.ts`)).toEqual([
      '4 no-restricted-syntax',
      '5 no-restricted-syntax',
    ]);
  });

  it('reports a database-layer file that imports a module', async () => {
    expect(await findings(`${FIXTURES}/db/imports-module.ts`)).toEqual(['5 no-restricted-imports']);
  });

  it('reports a module that imports app.ts', async () => {
    expect(await findings(`${FIXTURES}/modules/imports-app.ts`)).toEqual(['5 no-restricted-imports']);
  });

  it('reports a route file that queries, opens a transaction, imports sql or sets its own error handler', async () => {
    expect(await findings(`${FIXTURES}/modules/querying.routes.ts`)).toEqual([
      '6 no-restricted-imports',
      '13 no-restricted-syntax', // setErrorHandler
      '14 no-restricted-syntax', // selectFrom
      '16 no-restricted-syntax', // transaction
      '17 no-restricted-syntax', // deleteFrom
    ]);
  });

  it('reports both files of an import cycle', async () => {
    expect(await findings(`${FIXTURES}/cycle/first.ts`)).toEqual(['2 import-x/no-cycle']);
    expect(await findings(`${FIXTURES}/cycle/second.ts`)).toEqual(['2 import-x/no-cycle']);
  });

  it('passes the real layers: a core contract, a web API client, the scope module, a thin route file', async () => {
    expect(await findings('packages/core/src/project.contract.ts')).toEqual([]);
    expect(await findings('packages/web/src/api/projects.ts')).toEqual([]);
    expect(await findings('packages/server/src/db/scope.ts')).toEqual([]);
    expect(await findings('packages/server/src/modules/project/project.routes.ts')).toEqual([]);
  });
}, 120_000);
