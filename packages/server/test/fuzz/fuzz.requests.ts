/**
 * Requests for the fuzzer, generated per operation of the OpenAPI document: who sends it (each role or
 * nobody, with honest, tampered or forged cookies and CSRF tokens), path ids (in and out of scope, and
 * malformed), query strings and bodies from the schema or mutated from a valid one, odd content types,
 * malformed JSON and multipart oddities on the upload routes.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { PERSONAS, type Persona, type World } from './fuzz.world.ts';
import { BAD_STRINGS, badString, badValue, fromSchema, mutated, poisoned, type JsonSchema } from './fuzz.values.ts';
import { validBodies } from './fuzz.seeds.ts';

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  path: string;
  pathParams: Record<string, JsonSchema>;
  query: Record<string, JsonSchema>;
  headers: Record<string, JsonSchema>;
  body: JsonSchema | undefined;
  multipart: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  consumes?: string[];
}

/** Every operation the app's OpenAPI document lists. */
export function operationsOf(app: FastifyInstance): Operation[] {
  const document = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const params = (where: string) =>
        Object.fromEntries((op.parameters ?? []).filter((p) => p.in === where).map((p) => [p.name, p.schema]));
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        pathParams: params('path'),
        query: params('query'),
        headers: params('header'),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content || (op.consumes ?? []).includes('multipart/form-data'),
      };
    }),
  );
}

/** How the request presents its credentials. */
export const CREDENTIALS = ['honest', 'tamperedCookie', 'forgedCookie', 'wrongCsrf', 'noCsrf', 'twoCookies'] as const;
export type Credentials = (typeof CREDENTIALS)[number];

/** A generated request, ready for `inject` once the persona's credentials are applied. */
export interface FuzzRequest {
  persona: Persona;
  credentials: Credentials;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const RAW_PATH_VALUES = ['0', '-1', '2147483648', '9223372036854775808', '1e3', '0x10', '1.0', ' 1', '%2e%2e%2f'];
const RAW_PATH_EXTRA = ['..%2f..%2fetc%2fpasswd', '%00', '1%00', 'abc', '١', '1;drop%20table%20projects', '%ED%A0%80'];

/** Percent-encodes any string, lone surrogates included (as the replacement character's UTF-8 bytes). */
export function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

function pathValue(name: string, schema: JsonSchema, world: World): fc.Arbitrary<string> {
  const ids =
    name === 'year'
      ? [2021, 2020]
      : name === 'month'
        ? [4, 5, 13]
        : name === 'photoId'
          ? [1, 2]
          : [...world.projects.map((p) => p.id), ...world.templateIds, ...world.userIds];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids.map(String)) },
    { weight: 1, arbitrary: fromSchema(schema).map((v) => encode(String(v))) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_PATH_VALUES, ...RAW_PATH_EXTRA) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_STRINGS).map(encode) },
  );
}

const queryText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const RAW_QUERY_EXTRAS = [
  '__proto__[role]=city_admin',
  'constructor[prototype][x]=1',
  'regionCode=230603&regionCode=230604',
  'sort=name%3B%20drop%20table%20projects',
  'x=%00',
  'q=%ED%A0%80',
  'q=%ff',
  'page[]=1',
];

/**
 * A query string: none or a few values the schema allows (so that many requests succeed and their answers
 * reach the scope oracle), then mostly one of them made bad, sometimes a raw extra (prototype keys,
 * repeated keys, broken percent-encoding).
 */
function queryString(op: Operation): fc.Arbitrary<string> {
  const names = Object.keys(op.query);
  const valid = fc
    .subarray(names, { maxLength: Math.min(3, names.length) })
    .chain((chosen) =>
      fc.record(Object.fromEntries(chosen.map((name) => [name, fromSchema(op.query[name]).map(queryText)]))),
    );
  const oneBad = names.length
    ? fc.tuple(valid, fc.constantFrom(...names), badString).map(([values, name, bad]) => ({ ...values, [name]: bad }))
    : valid;
  const raw = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_EXTRAS) },
  );
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: oneBad }), raw)
    .map(([values, extra]) => {
      const parts = Object.entries(values).map(([k, v]) => `${k}=${encode(v)}`);
      if (extra) parts.push(extra);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

const MALFORMED_JSON = [
  '{',
  '{"a":1,}',
  "{'a':1}",
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"a":NaN}',
  '\u0000',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"__proto__":{"role":"city_admin"}}',
  '{"a":1,"a":2}',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/xml',
  'multipart/form-data',
  'application/jsonx',
];

function jsonBody(op: Operation, world: World): fc.Arbitrary<{ payload: string; contentType: string }> {
  const valid = validBodies(op, world);
  const json = fc.oneof(
    { weight: 2, arbitrary: fromSchema(op.body) },
    { weight: valid ? 5 : 0, arbitrary: valid ? valid.chain(mutated) : fc.constant(null) },
    { weight: valid ? 1 : 0, arbitrary: valid ?? fc.constant(null) },
    { weight: 1, arbitrary: badValue },
    { weight: 1, arbitrary: fc.constant(poisoned('__proto__')) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: json.map((v) => ({ payload: JSON.stringify(v ?? null), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(json, fc.constantFrom(...CONTENT_TYPES))
        .map(([v, contentType]) => ({ payload: JSON.stringify(v ?? null), contentType })),
    },
  );
}

const BOUNDARY = 'fuzzBoundary7MA4YWxk';
const FILE_NAMES = [
  'photo.png',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'a\u0000.png',
  `${'长'.repeat(300)}.xlsx`,
  'x.xlsx',
  'CON',
  '',
];
const FILE_BYTES = [
  Buffer.from('not a picture'),
  Buffer.alloc(0),
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('504b030414000000', 'hex'),
  Buffer.from('%PDF-1.4 <script>'),
];

/** A multipart body: right or wrong field, hostile file names, lying content types, broken framing. */
function multipartBody(): fc.Arbitrary<{ payload: Buffer; contentType: string }> {
  const part = fc.record({
    field: fc.constantFrom('photo', 'file', 'other', '__proto__'),
    name: fc.constantFrom(...FILE_NAMES),
    type: fc.constantFrom(
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/html',
      '',
    ),
    bytes: fc.constantFrom(...FILE_BYTES),
  });
  return fc
    .tuple(
      fc.array(part, { minLength: 0, maxLength: 3 }),
      fc.constantFrom('closed', 'unclosed', 'noBoundaryHeader', 'wrongBoundary'),
    )
    .map(([parts, framing]) => {
      const chunks = parts.flatMap((p) => [
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
        ),
        p.bytes,
        Buffer.from('\r\n'),
      ]);
      if (framing !== 'unclosed') chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
      const contentType =
        framing === 'noBoundaryHeader'
          ? 'multipart/form-data'
          : `multipart/form-data; boundary=${framing === 'wrongBoundary' ? 'other' : BOUNDARY}`;
      return { payload: Buffer.concat(chunks), contentType };
    });
}

function ifMatch(): fc.Arbitrary<string | undefined> {
  return fc.constantFrom(undefined, '"1"', '"2"', 'W/"1"', '"999999999"', '"9999999999"', '"-1"', '*', '"1", "2"');
}

/** Who sends it: every persona, the two that write business data (city, district) more often. */
function persona(): fc.Arbitrary<Persona> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Persona>('city_admin', 'district_staff') },
    { weight: 4, arbitrary: fc.constantFrom(...PERSONAS) },
  );
}

/** Requests for one operation. */
export function requestsFor(op: Operation, world: World): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc
    .record(
      Object.fromEntries(
        Object.keys(op.pathParams).map((name) => [name, pathValue(name, op.pathParams[name] ?? {}, world)]),
      ),
    )
    .map((values) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1'));
  const bodyArb: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> = op.multipart
    ? multipartBody()
    : op.body
      ? jsonBody(op, world)
      : fc.constant({});
  return fc
    .record({
      persona: persona(),
      credentials: fc.oneof(
        { weight: 12, arbitrary: fc.constant<Credentials>('honest') },
        { weight: 2, arbitrary: fc.constantFrom(...CREDENTIALS) },
      ),
      path: pathArb,
      query: queryString(op),
      body: bodyArb,
      ifMatch: 'if-match' in op.headers ? ifMatch() : fc.constant(undefined),
    })
    .map(({ persona, credentials, path, query, body, ifMatch: version }) => ({
      persona,
      credentials,
      method: op.method,
      url: `${path}${query}`,
      headers: {
        ...(body.contentType ? { 'content-type': body.contentType } : {}),
        ...(version === undefined ? {} : { 'if-match': version }),
      },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
    }));
}
