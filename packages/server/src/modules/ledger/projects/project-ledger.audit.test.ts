import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  projectCreateInput,
  projectUpdateInput,
  type ProjectCreateInput,
  type ProjectCreateInputJson,
} from '@keyprojects/core';
import type { Database } from '../../../db/database.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { buildProject, createOrganization, createTestUser } from '../../../../test/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { createProject, updateProject } from '../../project/project.service.ts';
import { snapshotsFromSql } from './project-ledger.audit.ts';

let database: Database;
let actor: Actor;
let ownerId: number;
let officerId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ownerId = await createOrganization(database.db, { name: '快照测试建设有限公司' });
  officerId = (await createTestUser(database.db, 'service_officer', { regionCode: '230600' })).id;
  const user = await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
  actor = {
    id: user.id,
    username: user.username,
    displayName: '快照',
    role: 'city_admin',
    regionCode: '230600',
    organizationId: null,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    locale: 'zh',
  };
});
afterAll(() => database.close());

const input = (overrides: Partial<ProjectCreateInputJson>): ProjectCreateInput =>
  projectCreateInput.parse(buildProject(ownerId, overrides));

/** The `after` JSON text of a project's latest audit row, as the API stored it. */
async function storedAfter(id: number): Promise<string> {
  const row = await database.db
    .selectFrom('audit_log')
    .select((eb) => eb.cast<string>('after', 'text').as('after'))
    .where('entity_type', '=', 'project')
    .where('entity_id', '=', String(id))
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.after;
}

const fromSql = (ids: number[]) => database.db.transaction().execute((trx) => snapshotsFromSql(trx, ids));

describe('the audit snapshot built in SQL', () => {
  it('is the JSON text the API audits, for projects of every shape', async () => {
    const shapes: Partial<ProjectCreateInputJson>[] = [
      {},
      {
        industry: null,
        longitude: null,
        latitude: null,
        plannedStartDate: null,
        plannedCompletionDate: null,
        totalInvestment: '0',
        annualPlans: [],
      },
      {
        regionCode: '230603',
        levels: ['provincial', 'county', 'municipal'],
        category: 'infrastructure',
        nature: 'continuing',
        constructionContent: '新建道路 "12" 公里\n及配套\\管网',
        address: '龙凤区',
        longitude: 125.123456,
        latitude: 46.5,
        totalInvestment: '123456789.123456',
        plannedProductionDate: '2023-01-31',
        actualStartDate: '2021-03-02',
        actualCompletionDate: '2022-12-01',
        actualProductionDate: '2023-02-01',
        stage: 'construction',
        financingModel: 'epc_f',
        serviceOfficerId: officerId,
        responsibleLeader: '李副市长',
        contactPerson: '张工',
        contactPhone: '0459-1234567',
        tags: ['重中之重', '集中开工'],
        inStatistics: true,
        inStatisticsSince: '2021-03-01',
        fundingSources: [
          { kind: 'special_bond', applied: '100', approved: '0.000001', issued: '0' },
          { kind: 'central_budget', applied: '2500.5', approved: '2500.50', issued: '99.99' },
        ],
        annualPlans: [
          { year: 2022, plannedInvestment: '0.1', nature: 'continuing', plannedNewStart: false },
          { year: 2021, plannedInvestment: '1000000', nature: 'new', plannedNewStart: true },
        ],
      },
    ];
    const ids: number[] = [];
    for (const shape of shapes) ids.push((await createProject(database.db, actor, input(shape))).id);
    const built = await fromSql(ids);
    expect(built.map((row) => row.id)).toEqual(ids);
    for (const [index, id] of ids.entries()) expect(built[index]?.snapshot).toBe(await storedAfter(id));
  });

  it('follows an update as the API audits it', async () => {
    const created = await createProject(database.db, actor, input({}));
    const patch = projectUpdateInput.parse({
      name: '快照测试项目（更名）',
      longitude: 126.000001,
      latitude: 45,
      serviceOfficerId: officerId,
      annualPlans: [{ year: 2023, plannedInvestment: '12.345678', nature: 'reserve', plannedNewStart: false }],
    });
    const updated = await updateProject(database.db, actor, created.id, created.version, patch);
    const [built] = await fromSql([updated.id]);
    expect(built?.snapshot).toBe(await storedAfter(updated.id));
  });
});
