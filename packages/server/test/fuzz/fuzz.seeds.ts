/**
 * A valid body for each operation that takes one, so the fuzzer can mutate something the app would
 * accept (one bad key in an otherwise good request reaches deeper than a random object).
 */
import fc from 'fast-check';
import { buildProject } from '../factories.ts';
import type { Operation } from './fuzz.requests.ts';
import type { World } from './fuzz.world.ts';

/**
 * Bodies the operation accepts from a permitted persona (unique keys such as project codes and usernames
 * vary, so that an accepted one does not make every later one fail on "taken" before the bad value is
 * stored), or undefined when none is worth mutating.
 */
export function validBodies(op: Operation, world: World): fc.Arbitrary<Record<string, unknown>> | undefined {
  const body = validBody(op, world);
  if (!body) return undefined;
  const unique = fc.integer({ min: 100_000, max: 999_999 });
  const { code, username } = body;
  if (typeof code === 'string') return unique.map((n) => ({ ...body, code: `${code.slice(0, -6)}${n}` }));
  if (typeof username === 'string' && op.path.startsWith('/api/v1/users'))
    return unique.map((n) => ({ ...body, username: `${username}${n}` }));
  return fc.constant(body);
}

/** One valid body for the operation (a fixed code or username). */
export function validBody(op: Operation, world: World): Record<string, unknown> | undefined {
  const ownerOrgId = world.organizationIds[0] ?? 1;
  switch (`${op.method} ${op.path.replace(/\/$/, '')}`) {
    case 'POST /api/v1/auth/login':
      // Never a real username: failures on a real account would lock it and change the users table.
      return { username: 'fuzz-nobody', password: 'Wrong-Passw0rd!' };
    case 'POST /api/v1/organizations':
      return { kind: 'owner', name: '模糊测试新单位', regionCode: '230602', creditCode: null };
    case 'POST /api/v1/users':
      return {
        username: 'fuzz.user',
        displayName: '模糊',
        password: 'Fuzz-Passw0rd!',
        role: 'owner',
        organizationId: ownerOrgId,
      };
    case 'PATCH /api/v1/users/{id}/role':
      return { role: 'district_staff', regionCode: '230602' };
    case 'POST /api/v1/projects':
      return buildProject(ownerOrgId, { code: '2103-230602-04-01-799999' });
    case 'PATCH /api/v1/projects/{id}':
      return { name: '模糊测试改名', totalInvestment: '100', ownerOrgId: world.organizationIds[1] ?? 1 };
    case 'PUT /api/v1/projects/{id}/reports/{year}/{month}':
      return { completedThisMonth: '10.5', progressText: '进度', submit: true, started: true, startedOn: '2021-04-01' };
    case 'POST /api/v1/projects/{id}/reports/{year}/{month}/review':
      return { decision: 'return', reason: '请补充' };
    case 'PUT /api/v1/periods/{year}/{month}':
      return { cutoffDate: '2021-05-25', deadline: '2021-06-05' };
    case 'PUT /api/v1/bulletins/templates/{id}':
      return { name: '模糊模板', body: '截至{{asOf}}，共有项目{{projectCount}}个。' };
    case 'POST /api/v1/bulletins/preview':
      return { asOf: '2021-05-20', regionCode: '230602', body: '项目{{projectCount}}个' };
    case 'POST /api/v1/oc4ids/import':
      return {
        version: '0.9',
        uri: 'x',
        publishedDate: '2021-05-20T00:00:00Z',
        publisher: { name: 'x' },
        projects: [{ id: 'p1', title: 'x' }],
      };
    default:
      return undefined;
  }
}
