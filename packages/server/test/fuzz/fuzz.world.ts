/**
 * The fuzzer's world: a test database with three districts' organisations, projects and monthly reports,
 * one signed-in client per role (plus an anonymous one), and the ids the generators draw from. Every
 * project name, code and report text carries a unique token so the scope oracle can find a leaked
 * project anywhere in an answer, whatever its shape.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROLES, type Role } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client, type TestUser } from '../factories.ts';
import type { TestContext } from '../helper.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';

/** Who sends a request: a role's signed-in client, or nobody. */
export type Persona = Role | 'anonymous';
export const PERSONAS: readonly Persona[] = [...ROLES, 'anonymous'];

/** A client that can be signed in again (a fuzzed logout that succeeds ends its session). */
export interface FuzzClient {
  persona: Persona;
  actor: Actor | null;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** The raw session cookie value and CSRF token, for the tampering cases. */
  session: { cookie: string; csrf: string } | null;
  resignIn(): Promise<void>;
}

/** A project of the world with the token that marks it in any answer. */
export interface WorldProject {
  id: number;
  regionCode: string;
  token: string;
  code: string;
}

export interface World {
  clients: Record<Persona, FuzzClient>;
  projects: WorldProject[];
  organizationIds: number[];
  userIds: number[];
  templateIds: number[];
}

/** The districts of 大庆 the world spreads over: 萨尔图, 龙凤, 让胡路. */
const DISTRICTS = ['230602', '230603', '230604'] as const;

function scopeOf(role: Role, orgs: { home: number; unit: number }): { regionCode?: string; organizationId?: number } {
  switch (role) {
    case 'city_admin':
    case 'service_officer':
      return { regionCode: '230600' };
    case 'district_staff':
      return { regionCode: '230602' };
    case 'leader':
      return { regionCode: '230603' };
    case 'responsible_unit':
      return { regionCode: '230602', organizationId: orgs.unit };
    case 'owner':
      return { organizationId: orgs.home };
    case 'system_admin':
    case 'security_admin':
    case 'audit_admin':
    case 'financial_institution':
      return {};
  }
}

async function clientFor(app: FastifyInstance, role: Role, user: TestUser, scope: ReturnType<typeof scopeOf>) {
  let signed: Client = await signIn(app, user);
  const client: FuzzClient = {
    persona: role,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.username,
      role,
      regionCode: scope.regionCode ?? null,
      organizationId: scope.organizationId ?? null,
      ip: null,
      userAgent: null,
      locale: 'zh',
    },
    request: (options) => signed.request(options),
    session: signed.session,
    async resignIn() {
      signed = await signIn(app, user);
      client.session = signed.session;
    },
  };
  return client;
}

/** Builds the world on a fresh test context. */
export async function buildWorld(ctx: TestContext): Promise<World> {
  const orgByDistrict = await Promise.all(
    DISTRICTS.map((regionCode) => createOrganization(ctx.db, { regionCode, name: `业主单位${regionCode}` })),
  );
  const secondHomeOrg = await createOrganization(ctx.db, { regionCode: '230602', name: '另一业主单位230602' });
  const unit = await createOrganization(ctx.db, { kind: 'responsible_unit', regionCode: '230602' });
  const orgs = { home: orgByDistrict[0] ?? 0, unit };
  const users = await Promise.all(
    ROLES.map(async (role) => {
      const scope = scopeOf(role, orgs);
      return { role, scope, user: await createTestUser(ctx.db, role, scope) };
    }),
  );
  const entries = await Promise.all(
    users.map(async (u) => [u.role, await clientFor(ctx.app, u.role, u.user, u.scope)]),
  );
  const anonymous: FuzzClient = {
    persona: 'anonymous',
    actor: null,
    request: (options) => ctx.app.inject(options),
    session: null,
    resignIn: async () => undefined,
  };
  const clients = { ...Object.fromEntries(entries), anonymous } as Record<Persona, FuzzClient>;
  const officerId = users.find((u) => u.role === 'service_officer')?.user.id ?? null;

  const city = clients.city_admin;
  const projects: WorldProject[] = [];
  const owners = [...orgByDistrict, secondHomeOrg];
  for (const [i, ownerOrgId] of owners.entries()) {
    const regionCode = DISTRICTS[i % DISTRICTS.length] ?? '230602';
    const token = `FZTOKEN${String(i + 1).padStart(2, '0')}Q`;
    const code = `2103-${regionCode}-04-01-${String(700001 + i)}`;
    const body = buildProject(ownerOrgId, {
      code,
      regionCode,
      name: `模糊测试项目${token}`,
      ...(i === 0 && officerId ? { serviceOfficerId: officerId } : {}),
    });
    const created = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    if (created.statusCode !== 201) throw new Error(`world project: ${created.body}`);
    const { id } = created.json<{ id: number }>();
    const report = await city.request({
      method: 'PUT',
      url: `/api/v1/projects/${id}/reports/2021/4`,
      payload: { completedThisMonth: '100', progressText: `进度${token}`, submit: true },
    });
    if (report.statusCode !== 200) throw new Error(`world report: ${report.body}`);
    projects.push({ id, regionCode, token, code });
  }
  const templates = await ctx.db.selectFrom('bulletin_templates').select('id').execute();
  return {
    clients,
    projects,
    organizationIds: [...owners, unit],
    userIds: users.map((u) => u.user.id),
    templateIds: templates.map((t) => t.id),
  };
}
