/**
 * The 大庆 demo's attraction pipeline (issue #13 item 5): leads in every state across the districts, dated 2020-2021
 * before the demo's date — in talks, at a framework agreement, signed, dropped, and registered as key projects. The
 * registered ones are linked to the demo's own projects (not new ones) at several phases — preparing, under
 * construction, in production, at full capacity, one upgrading — and carry their data as a conversion would (name,
 * region, industry, owner as investor, total investment as amount). The rows are history, so they are written
 * with their dates rather than moved through the service on the demo's one date. Deterministic: fixed lists.
 */
import type { Insertable, Kysely } from 'kysely';
import { wan, type LeadSource, type LeadStage } from '@keyprojects/core';
import { cliActor } from '../../cli/cli-actor.ts';
import type { DB } from '../../db/schema.ts';
import type { AttractionLeadTable } from '../../db/schema.attraction.ts';
import { scopedProjects } from '../../db/scope.ts';

interface Dates {
  createdOn: string;
  frameworkOn?: string;
  contractOn?: string;
  registeredOn?: string;
  upgradeOn?: string;
  droppedOn?: string;
}

/** Leads that have not (yet) become projects: investor, project, industry, 万元, source, district, stage, dates. */
const OPEN_LEADS: readonly [string, string, string, number, LeadSource, string, LeadStage, Dates][] = [
  [
    '华北新材料集团有限公司',
    '高端聚烯烃新材料项目',
    'C',
    120000,
    'government',
    '230602',
    'talks',
    { createdOn: '2021-04-12' },
  ],
  [
    '远景新能源集团有限公司',
    '风光储一体化示范项目',
    'D',
    350000,
    'expo',
    '230606',
    'talks',
    { createdOn: '2021-03-22' },
  ],
  ['中冷物流股份有限公司', '农产品冷链物流园', 'G', 28000, 'online', '230621', 'talks', { createdOn: '2021-05-10' }],
  [
    '星湖生物科技有限公司',
    '玉米深加工生物发酵项目',
    'C',
    65000,
    'enterprise_referral',
    '230622',
    'talks',
    { createdOn: '2021-02-26' },
  ],
  [
    '长城汽车零部件有限公司',
    '新能源汽车零部件产业园',
    'C',
    80000,
    'resident_office',
    '230604',
    'framework',
    { createdOn: '2020-11-16', frameworkOn: '2021-01-20' },
  ],
  [
    '云端数据科技有限公司',
    '寒地大数据中心项目',
    'I',
    150000,
    'government',
    '230671',
    'framework',
    { createdOn: '2020-12-08', frameworkOn: '2021-03-15' },
  ],
  [
    '龙江文旅集团有限公司',
    '温泉康养小镇项目',
    'R',
    45000,
    'expo',
    '230624',
    'framework',
    { createdOn: '2021-01-05', frameworkOn: '2021-04-02' },
  ],
  [
    '恒力化工集团有限公司',
    '精细化工产业链延伸项目',
    'C',
    210000,
    'enterprise_referral',
    '230605',
    'contract',
    { createdOn: '2020-09-14', frameworkOn: '2020-11-02', contractOn: '2021-03-18' },
  ],
  [
    '北大荒农牧集团有限公司',
    '百万头生猪全产业链项目',
    'A',
    96000,
    'resident_office',
    '230623',
    'contract',
    { createdOn: '2020-10-20', frameworkOn: '2020-12-11', contractOn: '2021-04-26' },
  ],
  [
    '宏华石油装备有限公司',
    '石油装备智能制造基地',
    'C',
    54000,
    'online',
    '230603',
    'contract',
    { createdOn: '2020-08-03', frameworkOn: '2020-10-15', contractOn: '2021-02-08' },
  ],
  [
    '京东方光电有限公司',
    '光电显示模组项目',
    'C',
    70000,
    'expo',
    '230602',
    'dropped',
    { createdOn: '2020-07-06', frameworkOn: '2020-09-01', droppedOn: '2021-01-12' },
  ],
  [
    '顺通跨境物流有限公司',
    '跨境电商物流枢纽',
    'G',
    30000,
    'online',
    '230604',
    'dropped',
    { createdOn: '2020-10-12', droppedOn: '2021-02-03' },
  ],
];

/** Leads registered as demo projects: the phases their projects are at, how many, and when each step fell. */
const LINKED: readonly { phases: string[]; count: number; dates: Dates; upgradeOn?: string; source: LeadSource }[] = [
  {
    phases: ['preparation'],
    count: 2,
    source: 'government',
    dates: { createdOn: '2020-09-07', frameworkOn: '2020-11-09', contractOn: '2021-01-18', registeredOn: '2021-03-01' },
  },
  {
    phases: ['started', 'construction'],
    count: 3,
    source: 'enterprise_referral',
    dates: { createdOn: '2020-03-09', frameworkOn: '2020-04-20', contractOn: '2020-06-08', registeredOn: '2020-07-06' },
  },
  {
    phases: ['completed', 'production'],
    count: 2,
    source: 'expo',
    dates: { createdOn: '2020-02-10', frameworkOn: '2020-03-16', contractOn: '2020-04-27', registeredOn: '2020-05-25' },
  },
  {
    phases: ['full_capacity'],
    count: 2,
    source: 'resident_office',
    dates: { createdOn: '2020-01-13', frameworkOn: '2020-02-24', contractOn: '2020-03-30', registeredOn: '2020-04-27' },
  },
  {
    phases: ['full_capacity'],
    count: 1,
    source: 'enterprise_referral',
    upgradeOn: '2021-04-15',
    dates: { createdOn: '2020-01-06', frameworkOn: '2020-02-17', contractOn: '2020-03-23', registeredOn: '2020-04-20' },
  },
];

const UNITS: Record<string, string> = {
  '230602': '萨尔图区招商局',
  '230603': '龙凤区招商局',
  '230604': '让胡路区招商局',
  '230605': '红岗区招商局',
  '230606': '大同区招商局',
  '230621': '肇州县招商局',
  '230622': '肇源县招商局',
  '230623': '林甸县招商局',
  '230624': '杜尔伯特县招商局',
  '230671': '高新区招商局',
};
const PEOPLE = ['王磊', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '孙强'];

const dateColumns = (d: Dates) => ({
  created_on: d.createdOn,
  framework_on: d.frameworkOn ?? null,
  contract_on: d.contractOn ?? null,
  registered_on: d.registeredOn ?? null,
  upgrade_on: d.upgradeOn ?? null,
  dropped_on: d.droppedOn ?? null,
  created_at: `${d.createdOn}T02:00:00Z`,
  updated_at: `${d.upgradeOn ?? d.registeredOn ?? d.droppedOn ?? d.contractOn ?? d.frameworkOn ?? d.createdOn}T02:00:00Z`,
});

/** Seeds the pipeline (once: nothing when a lead exists); the number of leads written. */
export async function seedAttractionDemo(db: Kysely<DB>): Promise<{ leads: number; linked: number }> {
  const existing = await db.selectFrom('attraction_leads').select('id').limit(1).executeTakeFirst();
  if (existing) return { leads: 0, linked: 0 };
  const actor = await cliActor(db, {});
  const rows: Insertable<AttractionLeadTable>[] = [];
  OPEN_LEADS.forEach(([investor, projectName, industry, amountWan, source, regionCode, stage, dates], n) => {
    rows.push({
      investor,
      project_name: projectName,
      industry,
      amount: wan(amountWan),
      source,
      region_code: regionCode,
      responsible_person: PEOPLE[n % PEOPLE.length] ?? '王磊',
      responsible_unit: UNITS[regionCode] ?? '大庆市招商局',
      stage,
      ...dateColumns(dates),
      created_by: actor.id,
    });
  });
  const taken: number[] = [];
  let linked = 0;
  for (const group of LINKED) {
    // The demo's own projects at the group's phase (not the reserve demo's 2011- codes), the largest first.
    const projects = await scopedProjects(db, actor)
      .innerJoin('organizations as o', 'o.id', 'projects.owner_org_id')
      .where('projects.stage', 'in', group.phases)
      .where('projects.code', 'not like', '2011-%')
      .$if(taken.length > 0, (qb) => qb.where('projects.id', 'not in', taken))
      .select([
        'projects.id',
        'projects.name',
        'projects.region_code as regionCode',
        'projects.industry',
        'projects.total_investment as totalInvestment',
        'o.name as ownerName',
      ])
      .orderBy('projects.total_investment', 'desc')
      .orderBy('projects.id')
      .limit(group.count)
      .execute();
    for (const project of projects) {
      taken.push(project.id);
      linked += 1;
      rows.push({
        investor: project.ownerName,
        project_name: project.name,
        industry: project.industry,
        amount: project.totalInvestment,
        source: group.source,
        region_code: project.regionCode,
        responsible_person: PEOPLE[(rows.length + 3) % PEOPLE.length] ?? '王磊',
        responsible_unit: UNITS[project.regionCode] ?? '大庆市招商局',
        stage: group.upgradeOn ? 'upgrade' : 'registered',
        ...dateColumns({ ...group.dates, ...(group.upgradeOn ? { upgradeOn: group.upgradeOn } : {}) }),
        project_id: project.id,
        created_by: actor.id,
        note: '由招商线索转入重点项目库',
      });
    }
  }
  await db.insertInto('attraction_leads').values(rows).execute();
  return { leads: rows.length, linked };
}
