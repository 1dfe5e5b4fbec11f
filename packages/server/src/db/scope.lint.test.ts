/**
 * The lint rule that keeps scope in one place (eslint.config.js): selecting from `projects` outside db/scope.ts and
 * the project repository is an error. Proved on a deliberately bad fixture, and on the scope module itself (allowed).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// The rule is syntactic: lint without type information (fast, and the fixture needs no program).
const eslint = new ESLint({ cwd: root, ignore: false, overrideConfig: tseslint.configs.disableTypeChecked });

async function restricted(file: string) {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
}

describe('the scope lint rule', () => {
  it('reports every selectFrom(projects) in a module outside the allowed ones', async () => {
    expect(await restricted('packages/server/test/lint-fixtures/unscoped-projects.ts')).toEqual([10, 11]);
  });

  it('allows the scope module and a module that goes through it', async () => {
    expect(await restricted('packages/server/src/db/scope.ts')).toEqual([]);
    expect(await restricted('packages/server/src/modules/report/report-list.service.ts')).toEqual([]);
  });
}, 60_000);
