/**
 * Test factories: organisations, users (with a known password), valid project inputs, and a signed-in
 * HTTP client over `app.inject` that carries the session cookie and CSRF token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { creditCodeCheckChar, type ProjectCreateInputJson, type Role } from '@keyprojects/core';
import type { DB } from '../src/db/schema.ts';
import type { Actor } from '../src/modules/auth/actor.ts';
import { createUser } from '../src/modules/user/user.service.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let sequence = 0;
const next = () => (sequence += 1);

/** A valid 统一社会信用代码 derived from a number. */
export function creditCodeFor(n: number): string {
  const first17 = `91230600${String(n).padStart(9, '0')}`;
  return `${first17}${creditCodeCheckChar(first17) ?? '0'}`;
}

export async function createOrganization(
  db: Kysely<DB>,
  overrides: Partial<{ kind: string; name: string; regionCode: string }> = {},
): Promise<number> {
  const n = next();
  const row = await db
    .insertInto('organizations')
    .values({
      kind: overrides.kind ?? 'owner',
      name: overrides.name ?? `测试单位${n}有限公司`,
      credit_code: creditCodeFor(n),
      region_code: overrides.regionCode ?? '230602',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
}

export async function createTestUser(
  db: Kysely<DB>,
  role: Role,
  scope: { regionCode?: string | null; organizationId?: number | null } = {},
): Promise<TestUser> {
  const username = `${role.replace('_', '')}${next()}`;
  const id = await createUser(db, null, {
    username,
    displayName: `测试${role}`,
    password: TEST_PASSWORD,
    role,
    regionCode: scope.regionCode ?? null,
    organizationId: scope.organizationId ?? null,
  });
  return { id, username, password: TEST_PASSWORD };
}

/** The actor a service call acts as for a test user (what the session hook would build for a request). */
export function actorOf(
  user: TestUser,
  role: Role,
  scope: { regionCode?: string | null; organizationId?: number | null } = {},
): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: `测试${role}`,
    role,
    regionCode: scope.regionCode ?? null,
    organizationId: scope.organizationId ?? null,
    ip: null,
    userAgent: null,
    locale: 'zh',
  };
}

/** A valid project creation body; `code` is unique per call. */
export function buildProject(
  ownerOrgId: number,
  overrides: Partial<ProjectCreateInputJson> = {},
): Record<string, unknown> {
  const n = next();
  return {
    code: `2103-${overrides.regionCode ?? '230602'}-04-01-${String(100000 + n).slice(-6)}`,
    name: `测试项目${n}`,
    ownerOrgId,
    regionCode: '230602',
    levels: ['municipal'],
    category: 'industry',
    industry: 'C',
    nature: 'new',
    totalInvestment: '12500.50',
    plannedStartDate: '2021-04-01',
    plannedCompletionDate: '2022-10-31',
    longitude: 125.1,
    latitude: 46.6,
    annualPlans: [{ year: 2021, plannedInvestment: '5000', nature: 'new', plannedNewStart: true }],
    ...overrides,
  };
}

export interface Client {
  user: TestUser;
  /** The session cookie's value and the CSRF token the client sends (the fuzzer tampers with copies). */
  session: { cookie: string; csrf: string };
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Signs the user in and returns a client whose requests carry the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, user: TestUser): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kp_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return {
    user,
    session: { cookie: cookie.value, csrf: csrfToken },
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie: `kp_session=${cookie.value}`, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      }),
  };
}
