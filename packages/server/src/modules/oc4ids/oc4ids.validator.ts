/**
 * Validation of an OC4IDS project package against the official JSON Schema with ajv, and the translation of
 * ajv's errors into zod issues, so that the one error handler names and translates each field as it does for
 * every other request.
 *
 * The schema is draft-04 and `ajv-draft-04` is not installed, so the schema is adapted for Ajv's draft-07
 * mode. For this schema that is exact: draft-04 and draft-07 differ in `id` → `$id`, boolean
 * exclusiveMinimum/exclusiveMaximum and the keywords draft-04 lacks; `assertAdaptable` refuses a schema that
 * uses anything else, so a future schema cannot be checked by the wrong rules unnoticed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { z } from 'zod';
import { serverFile } from '../../paths.ts';

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
/** Vendored copy of the 0.9.5 schema (see schema/README.md). */
export const VENDORED_SCHEMA_DIR = serverFile('src/modules/oc4ids/schema');
/** ajv stops collecting after this many problems; a package that wrong needs fixing at the source anyway. */
const MAX_ISSUES = 100;

type JsonSchema = Record<string, unknown>;

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws when the schema uses a draft-04 feature whose meaning differs under draft-07. */
function assertAdaptable(node: unknown, where: string, isRoot: boolean): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      assertAdaptable(item, `${where}/${index.toString()}`, false);
    });
    return;
  }
  if (!isObject(node)) return;
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum'])
    if (typeof node[keyword] === 'boolean') throw new Error(`OC4IDS schema: boolean ${keyword} at ${where}`);
  if (!isObject(node.properties) && typeof node.id === 'string' && !isRoot)
    throw new Error(`OC4IDS schema: nested id at ${where}`);
  for (const [key, child] of Object.entries(node)) {
    // Under "properties" and "definitions" the keys are names, not keywords ("id" is a property there).
    if (key === 'properties' || key === 'definitions') {
      if (isObject(child))
        for (const [name, sub] of Object.entries(child)) assertAdaptable(sub, `${where}/${key}/${name}`, false);
    } else assertAdaptable(child, `${where}/${key}`, false);
  }
}

/** A draft-04 schema as Ajv's draft-07 mode reads it: `$id` for `id`, no `$schema`. */
function adaptDraft04(schema: JsonSchema, name: string): JsonSchema {
  if (schema.$schema !== DRAFT_04) throw new Error(`OC4IDS schema ${name}: expected draft-04`);
  assertAdaptable(schema, name, true);
  const { id, $schema: _draft, ...rest } = schema;
  return { $id: id, ...rest };
}

function readSchema(dir: string, file: string): JsonSchema {
  const parsed: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  if (!isObject(parsed)) throw new Error(`OC4IDS schema ${file}: not an object`);
  return adaptDraft04(parsed, file);
}

// ajv-formats is CommonJS: TypeScript types the default import as the module, whose `default` is the plugin;
// at run time that property exists too (the module sets exports.default), so this works both ways.
const addFormats = addFormatsModule.default;

/** Compiles the package schema (with the project schema it refers to) from a directory holding both files. */
export function createPackageValidator(dir: string = VENDORED_SCHEMA_DIR): ValidateFunction {
  // verbose: errors carry the offending value, which the messages quote.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, verbose: true });
  addFormats(ajv);
  // Annotations of the OCDS family of schemas; they constrain nothing.
  ajv.addVocabulary(['codelist', 'openCodelist', 'versionId']);
  ajv.addSchema(readSchema(dir, 'project-schema.json'));
  return ajv.compile(readSchema(dir, 'project-package-schema.json'));
}

let vendored: ValidateFunction | undefined;

/** The validator over the vendored schema, compiled once (compiling takes a noticeable moment). */
function packageValidator(): ValidateFunction {
  vendored ??= createPackageValidator();
  return vendored;
}

/** The JSON pointer of an ajv error as a path ("/projects/0/id" → ['projects', 0, 'id']). */
function pathOf(error: ErrorObject): (string | number)[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const missing: unknown = error.params.missingProperty;
  return error.keyword === 'required' && typeof missing === 'string' ? [...segments, missing] : segments;
}

const ZOD_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null'] as const;
const isZodType = (type: unknown): type is (typeof ZOD_TYPES)[number] =>
  (ZOD_TYPES as readonly unknown[]).includes(type);

const textInput = (error: ErrorObject) => (typeof error.data === 'string' ? error.data : undefined);

/** One ajv error as the zod issue that says the same, so zod's locales word it in Chinese or English. */
export function ajvErrorToIssue(error: ErrorObject): z.core.$ZodIssue {
  const path = pathOf(error);
  const message = error.message ?? 'invalid';
  const params: Record<string, unknown> = error.params;
  const limit = typeof params.limit === 'number' ? params.limit : 1;
  switch (error.keyword) {
    case 'required':
      return { code: 'invalid_type', expected: 'string', input: undefined, path, message: 'required' };
    case 'type': {
      const types: unknown[] = Array.isArray(params.type) ? params.type : [params.type];
      // JSON Schema's "integer" is a number to the reader.
      return { code: 'invalid_type', expected: types.find(isZodType) ?? 'number', input: error.data, path, message };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const values = allowed.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
      return { code: 'invalid_value', values, input: error.data, path, message };
    }
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return {
        code: 'too_small',
        origin: error.keyword === 'minLength' ? 'string' : error.keyword === 'minItems' ? 'array' : 'object',
        minimum: limit,
        inclusive: true,
        input: error.data,
        path,
        message,
      };
    case 'format': {
      const format = typeof params.format === 'string' ? params.format : 'string';
      const zodFormat = format === 'uri' ? 'url' : format === 'date-time' ? 'datetime' : format;
      return { code: 'invalid_format', format: zodFormat, input: textInput(error), path, message };
    }
    case 'pattern': {
      const pattern = typeof params.pattern === 'string' ? params.pattern : '';
      return { code: 'invalid_format', format: 'regex', pattern, input: textInput(error), path, message };
    }
    default:
      return { code: 'custom', input: error.data, path, message };
  }
}

/** Checks a package against the schema: null when it is valid, the issues otherwise (at most MAX_ISSUES). */
export function packageIssues(
  data: unknown,
  validate: ValidateFunction = packageValidator(),
): z.core.$ZodIssue[] | null {
  if (validate(data)) return null;
  // "anyOf/oneOf" would report each branch; this schema has none, so every error is a problem of its own.
  return (validate.errors ?? []).slice(0, MAX_ISSUES).map(ajvErrorToIssue);
}
