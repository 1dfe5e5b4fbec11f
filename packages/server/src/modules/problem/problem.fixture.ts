/**
 * The cast of the problem tests: the city's administrator, the staff of 萨尔图区 (230602) and of its sibling 龙凤区
 * (230603), a responsible unit in each district and one of the city, their accounts, an owner and a service
 * officer, and a project in each district. Test code only.
 */
import type { Kysely } from 'kysely';
import { projectCreateInput, type Role } from '@keyprojects/core';
import { actorOf, buildProject, createOrganization, createTestUser, type TestUser } from '../../../test/factories.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { createProject } from '../project/project.service.ts';

export interface Person {
  user: TestUser;
  actor: Actor;
}

export interface ProblemCast {
  cityAdmin: Person;
  staff: Person;
  siblingStaff: Person;
  owner: Person;
  officer: Person;
  unit: Person & { orgId: number };
  siblingUnit: Person & { orgId: number };
  cityUnitId: number;
  project: number;
  siblingProject: number;
}

async function person(
  db: Kysely<DB>,
  role: Role,
  scope: { regionCode?: string | null; organizationId?: number | null },
): Promise<Person> {
  const user = await createTestUser(db, role, scope);
  return { user, actor: actorOf(user, role, scope) };
}

async function unitPerson(db: Kysely<DB>, regionCode: string, name: string) {
  const orgId = await createOrganization(db, { kind: 'responsible_unit', regionCode, name });
  return { ...(await person(db, 'responsible_unit', { regionCode, organizationId: orgId })), orgId };
}

/** Creates the cast on a fresh database. */
export async function createProblemCast(db: Kysely<DB>): Promise<ProblemCast> {
  const cityAdmin = await person(db, 'city_admin', { regionCode: '230600' });
  const ownerOrg = await createOrganization(db, { regionCode: '230602' });
  const officer = await person(db, 'service_officer', { regionCode: '230602' });
  const siblingOwnerOrg = await createOrganization(db, { regionCode: '230603' });
  const create = async (regionCode: string, code: string, officerId: number | null, ownerOrg: number) =>
    (
      await createProject(
        db,
        cityAdmin.actor,
        projectCreateInput.parse(buildProject(ownerOrg, { regionCode, code, serviceOfficerId: officerId })),
      )
    ).id;
  return {
    cityAdmin,
    staff: await person(db, 'district_staff', { regionCode: '230602' }),
    siblingStaff: await person(db, 'district_staff', { regionCode: '230603' }),
    owner: await person(db, 'owner', { organizationId: ownerOrg }),
    officer,
    unit: await unitPerson(db, '230602', '萨尔图区住建局'),
    siblingUnit: await unitPerson(db, '230603', '龙凤区住建局'),
    cityUnitId: await createOrganization(db, {
      kind: 'responsible_unit',
      regionCode: '230600',
      name: '大庆市自然资源局',
    }),
    project: await create('230602', '2103-230602-04-01-700001', officer.user.id, ownerOrg),
    siblingProject: await create('230603', '2103-230603-04-01-700002', null, siblingOwnerOrg),
  };
}
