import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_OC4IDS, SHARED_OC4IDS_DIR, officialExample, sharedValidator } from './oc4ids.fixtures.ts';
import { VENDORED_SCHEMA_DIR, createPackageValidator, packageIssues } from './oc4ids.validator.ts';

const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

describe('the OC4IDS schema check', () => {
  it.skipIf(!HAS_SHARED_OC4IDS)('uses a vendored schema identical to shared/oc4ids', () => {
    for (const file of ['project-package-schema.json', 'project-schema.json'])
      expect(readJson(VENDORED_SCHEMA_DIR, file), file).toEqual(readJson(SHARED_OC4IDS_DIR, file));
  });

  it('accepts the official example', () => {
    expect(packageIssues(officialExample(), sharedValidator())).toBeNull();
    expect(packageIssues(officialExample())).toBeNull();
  });

  it('turns ajv errors into issues at the offending fields', () => {
    const example = officialExample();
    delete example.uri;
    const [project] = example.projects;
    if (!project) throw new Error('the example has a project');
    project.status = 'stalled';
    project.budget = { amount: { amount: 'forty million', currency: 'GBP' } };
    project.title = '';
    const issues = packageIssues(example) ?? [];
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.code]));
    expect(byPath).toEqual({
      uri: 'invalid_type',
      'projects.0.status': 'invalid_value',
      'projects.0.budget.amount.amount': 'invalid_type',
      'projects.0.title': 'too_small',
    });
    expect(issues.find((issue) => issue.path.join('.') === 'uri')?.message).toBe('required');
  });

  it('refuses to adapt a draft-04 schema whose meaning would change under draft-07', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kp-oc4ids-'));
    try {
      cpSync(VENDORED_SCHEMA_DIR, dir, { recursive: true });
      const schema = readJson(dir, 'project-schema.json') as { properties: Record<string, object> };
      schema.properties.id = { ...schema.properties.id, minimum: 0, exclusiveMinimum: true };
      writeFileSync(path.join(dir, 'project-schema.json'), JSON.stringify(schema));
      expect(() => createPackageValidator(dir)).toThrow(/boolean exclusiveMinimum/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
