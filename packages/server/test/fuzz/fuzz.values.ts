/**
 * Values for the fuzzer: fast-check arbitraries built from an operation's JSON Schema (as the OpenAPI
 * document gives it), the bad values an attacker or a careless user sends (SQL, path traversal, NUL bytes,
 * lone surrogates, 20,000-character words, numbers one past int4/bigint, prototype keys), and mutations of
 * a valid object (a key dropped, added or given a bad value, the whole body replaced).
 */
import fc from 'fast-check';

/** The subset of JSON Schema that zod's OpenAPI output uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  example?: unknown;
}

/** Strings that have broken servers, by kind; a kind is picked first so that each is tried as often. */
export const BAD_STRINGS_BY_KIND: Readonly<Record<string, readonly string[]>> = {
  sql: [
    "' or 1=1--",
    'name; drop table projects',
    "'; drop table projects; --",
    "%' or '1'='1",
    'name desc; select pg_sleep(10)',
    '\\',
    '%',
    '_',
  ],
  traversal: [
    '../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..\\..\\windows\\win.ini',
  ],
  nul: ['a\u0000b', '\u0000', '/etc/passwd\u0000.png'],
  control: ['\u0001\u001b[31m', 'a\r\nSet-Cookie: x=1', '\u007f'],
  surrogate: ['\ud800', 'x\udfffy', '\udbff\udfff\ud800'],
  long: ['w'.repeat(20_000), '字'.repeat(20_000), 'a '.repeat(10_000)],
  unicode: ['\u202eevil\u202c', '\u200b', '\ufeff', 'e\u0301', '👩‍👩‍👧‍👦', '\u{10ffff}', '１２３', 'İı'],
  markup: [
    '<script>alert(1)</script>',
    '{{constructor.constructor("return process")()}}',
    "=cmd|' /C calc'!A0",
    '${7*7}',
  ],
  prototype: ['__proto__', 'constructor', 'prototype', 'toString'],
  numeric: [
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '0x1F',
    '-0',
    '2147483648',
    '-2147483649',
    '9223372036854775808',
    '99999999999999999999999999.999999',
    '-1',
    '1.5',
    '1e-7',
  ],
  empty: ['', ' ', 'null', 'true', 'undefined'],
  date: ['2021-02-30', '9999-12-31', '0001-01-01', '0000-01-01', '2021-13-01', '+002021-01-01'],
};

/** Every bad string, flat. */
export const BAD_STRINGS: readonly string[] = Object.values(BAD_STRINGS_BY_KIND).flat();

/** A bad string, each kind equally likely. */
export const badString: fc.Arbitrary<string> = fc.oneof(
  ...Object.values(BAD_STRINGS_BY_KIND).map((values) => fc.constantFrom(...values)),
);

/** Numbers at the edges: one past int4 and bigint, huge, negative, fractional, denormal. */
export const BAD_NUMBERS: readonly number[] = [
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 63, // one past bigint (the nearest double)
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  0,
  -1,
  0.5,
  5e-324,
];

/** Keys that poison an object built by spreading or assigning: prototype keys and an unknown one. */
export const BAD_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'id', 'role'];

/** Any bad JSON value: a bad string or number, or a value of the wrong shape. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: badString },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], { $gt: '' }, poisoned('__proto__')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** An object whose own (enumerable, serialised) key is a prototype key, as JSON.parse would build it. */
export function poisoned(key: string, value: unknown = { isAdmin: true, role: 'city_admin' }): object {
  const object = {};
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const money = fc.oneof(
  fc.stringMatching(/^-?\d{1,19}(\.\d{1,8})?$/),
  fc.constantFrom('0', '12500.00', '92233720368547.75807', '-1', '1e5'),
);

/** Values the schema describes (kept small; bounds as the schema states them). */
export function fromSchema(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(fromSchema));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0]);
  if (Array.isArray(schema.type)) {
    if (schema.type.includes('string') && schema.type.includes('number')) return money;
    return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type })));
  }
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1;
      const max = Math.min(schema.maximum ?? 1_000_000, 2_147_483_647);
      return fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.max(min, max) });
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object':
      return objectOf(schema);
    case undefined:
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'date') return fc.constantFrom('2021-05-20', '2021-01-31', '2020-12-31');
  if (schema.format === 'date-time') return fc.constantFrom('2021-05-20T08:00:00.000Z', '2021-01-01T00:00:00Z');
  const text = fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 30, Math.max(schema.minLength ?? 0, 30)),
  });
  return typeof schema.example === 'string' ? fc.oneof(fc.constant(schema.example), text) : text;
}

function objectOf(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, fromSchema(inner)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

export type Path = (string | number)[];

/** Paths to every leaf (and every nested object or array) of a JSON value. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([key, inner]) => pathsOf(inner, [...prefix, key]))];
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (inner, key) => (inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** A deep copy of `value` with `path` set (or deleted when `remove`), keys defined as own properties. */
export function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value) && remove && rest.length === 0) return value.filter((_, i) => i !== head);
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (remove && rest.length === 0) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the mutation is deleting this key
    delete copy[head];
    return copy;
  }
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, replacement, remove),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A bad value of the same JSON type as the one it replaces (a string stays a string), or of another. */
function badLike(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string')
    return fc.oneof({ weight: 4, arbitrary: badString }, { weight: 1, arbitrary: badValue });
  if (typeof original === 'number')
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BAD_NUMBERS) }, { weight: 1, arbitrary: badValue });
  return badValue;
}

/**
 * A mutation of a valid object: mostly one value (at any depth) replaced by a bad one of the same type,
 * else a key dropped, a prototype or unknown key added, or the whole body replaced.
 */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const somePath = paths.length ? fc.constantFrom(...paths) : fc.constant<Path>(['x']);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: somePath.chain((path) => badLike(getAt(valid, path)).map((bad) => setAt(valid, path, bad))),
    },
    { weight: 1, arbitrary: somePath.map((path) => setAt(valid, path, undefined, true)) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...BAD_KEYS), badValue).map(([key, bad]) => setAt(valid, [key], bad)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...BAD_KEYS).map((key) => setAt(valid, [key], poisoned('role', 'city_admin'))),
    },
    { weight: 1, arbitrary: badValue },
  );
}
