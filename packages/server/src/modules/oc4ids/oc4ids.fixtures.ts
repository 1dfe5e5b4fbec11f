/**
 * Test fixtures: the official OC4IDS files in shared/oc4ids (beside the repository in CI, or wherever
 * OC4IDS_SHARED_DIR points), the official example, and a validator compiled from those files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { REPO_ROOT } from '../../paths.ts';
import { createPackageValidator, VENDORED_SCHEMA_DIR } from './oc4ids.validator.ts';

const besideRepository = path.resolve(REPO_ROOT, '../shared/oc4ids');

/** Whether the published shared/oc4ids is at hand (beside the repository in CI, not in a bare clone). */
export const HAS_SHARED_OC4IDS = process.env.OC4IDS_SHARED_DIR !== undefined || existsSync(besideRepository);

/**
 * shared/oc4ids: the schema, codelists and example as published (Apache-2.0); in a bare clone without it,
 * the copies vendored in schema/ (identical, as a test checks whenever both are present).
 */
export const SHARED_OC4IDS_DIR =
  process.env.OC4IDS_SHARED_DIR ?? (existsSync(besideRepository) ? besideRepository : VENDORED_SCHEMA_DIR);

/** A fresh copy of the official example package. */
export function officialExample(): { projects: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SHARED_OC4IDS_DIR, 'examples/example.json'), 'utf8')) as {
    projects: Record<string, unknown>[];
  } & Record<string, unknown>;
}

let shared: ValidateFunction | undefined;

/** The package validator over the shared (not the vendored) schema files. */
export function sharedValidator(): ValidateFunction {
  shared ??= createPackageValidator(SHARED_OC4IDS_DIR);
  return shared;
}
