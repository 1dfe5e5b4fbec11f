/**
 * The demo city: 大庆市 (GB/T 2260 230600) on 20 May 2021, as in the Daqing Daily report of 28 May 2021 (seed 000):
 * 387 key projects (210 new, 177 continuing), total investment 1528.2亿, 2021 plan 577.5亿, 299 started or resumed,
 * 94.5亿 completed; and the 2020 list a year earlier. Pure and deterministic: no I/O, no Math.random.
 */
import { FEN_PER_WAN, OC4IDS_SANDBOX_ROOT } from '@keyprojects/core';
import { buildFlows } from './daqing.money.ts';
import { CITY_CODE, CITY_NAME, REGIONS } from './daqing.names.ts';
import { OrganizationRegistry } from './daqing.orgs.ts';
import { DEMO_OWNER_NAME, describeProjects, natureOf } from './daqing.projects.ts';
import { Rng, at, isoOf } from './daqing.random.ts';
import { AS_OF_2020, AS_OF_2021, buildSchedules } from './daqing.schedule.ts';
import { buildSlots } from './daqing.slots.ts';
import type { DaqingDemo, DemoAnnualPlan, DemoStartStatus, DemoUser, DemoYearCompletion } from './daqing.types.ts';

export type * from './daqing.types.ts';

/** The one password of every demo account (upper, lower, digits and a symbol; 15 characters). */
export const DAQING_DEMO_PASSWORD = 'Daqing@2021demo';

const SEED = 20_210_520;
const SERVICE_OFFICER_KEY = 'user-officer.demo';
const SERVICE_OFFICER_PROJECTS = 20;
const TOP_PRIORITY_PROJECTS = 30;

const CENTIWAN = FEN_PER_WAN / 100n;
const fen = (wan: number): bigint => BigInt(wan) * FEN_PER_WAN;

/** Builds the whole Daqing demo data set; two calls return deep-equal results. */
export function generateDaqingDemo(): DaqingDemo {
  const rng = new Rng(SEED);
  const slots = buildSlots(rng);
  const schedules = buildSchedules(rng, slots);
  const flows = buildFlows(rng, slots, schedules);
  const registry = new OrganizationRegistry(rng);
  const projects = describeProjects(rng, slots, schedules, registry);

  // Levels: the biggest tenth are provincial key projects; the city list holds all but the smallest; districts keep the rest.
  const bySize = projects.map((_, i) => i).sort((a, b) => at(slots, b).total - at(slots, a).total || a - b);
  const provincial = new Set(bySize.slice(0, Math.round(projects.length / 10)));
  projects.forEach((p, i) => {
    const total = at(slots, i).total;
    if (provincial.has(i)) p.levels.push('provincial');
    if (provincial.has(i) || total >= 5000 || rng.chance(0.3)) p.levels.push('municipal');
    if (!provincial.has(i) && total < 100_000) p.levels.push('county');
  });

  // Tags: the seed's named ones, the 2021 list's biggest as 重中之重, the 21 April groundbreaking, 2020's production batch.
  const top2021 = new Set(bySize.filter((i) => at(slots, i).group !== 'O').slice(0, TOP_PRIORITY_PROJECTS));
  projects.forEach((p, i) => {
    const slot = at(slots, i);
    const tags = new Set(slot.named?.tags ?? []);
    if (top2021.has(i)) tags.add('重中之重');
    if (at(schedules, i).eventStart) tags.add('集中开工');
    if (slot.group === 'O' && slot.industrial) tags.add('投产一批');
    p.tags = [...tags];
  });

  // Service officer: paired with twenty projects of the 2021 list.
  const list2021 = rng.shuffle(slots.flatMap((s, i) => (s.group === 'O' ? [] : [i])));
  for (const i of list2021.slice(0, SERVICE_OFFICER_PROJECTS)) at(projects, i).serviceOfficerKey = SERVICE_OFFICER_KEY;

  const annualPlans: DemoAnnualPlan[] = [];
  const yearCompletions: DemoYearCompletion[] = [];
  const startStatus: DemoStartStatus[] = [];
  slots.forEach((slot, i) => {
    const projectKey = at(projects, i).key;
    const f = at(flows, i);
    const s = at(schedules, i);
    const newIn2020 = slot.startYear === 2020;
    if (f.plan2020 !== null) {
      annualPlans.push({
        projectKey,
        year: 2020,
        plannedInvestment: fen(f.plan2020),
        nature: newIn2020 ? 'new' : 'continuing',
        plannedNewStart: newIn2020,
      });
    }
    if (f.plan2021 !== null) {
      annualPlans.push({
        projectKey,
        year: 2021,
        plannedInvestment: fen(f.plan2021),
        nature: natureOf(slot),
        plannedNewStart: slot.group === 'N',
      });
    }
    for (const [year, completed] of [...f.completed].sort(([a], [b]) => a - b)) {
      if (completed > 0) yearCompletions.push({ projectKey, year, completed: fen(completed) });
    }
    if (f.months2020) {
      startStatus.push({
        projectKey,
        year: 2020,
        asOf: AS_OF_2020,
        nature: newIn2020 ? 'new' : 'continuing',
        started: s.start2020 !== null,
        startDate: s.start2020 === null ? null : isoOf(s.start2020),
        monthlyCompleted: f.months2020.map((c) => BigInt(c) * CENTIWAN),
      });
    }
    if (f.months2021) {
      startStatus.push({
        projectKey,
        year: 2021,
        asOf: AS_OF_2021,
        nature: natureOf(slot),
        started: s.start2021 !== null,
        startDate: s.start2021 === null ? null : isoOf(s.start2021),
        monthlyCompleted: f.months2021.map((c) => BigInt(c) * CENTIWAN),
      });
    }
  });

  return {
    cityCode: CITY_CODE,
    cityName: CITY_NAME,
    year: 2021,
    asOf: AS_OF_2021,
    password: DAQING_DEMO_PASSWORD,
    regions: REGIONS.map((r) => ({ code: r.code, name: r.name, longitude: r.seat[0], latitude: r.seat[1] })),
    organizations: registry.organizations,
    projects,
    annualPlans,
    yearCompletions,
    startStatus,
    users: demoUsers(registry.organizations.find((o) => o.name === DEMO_OWNER_NAME)?.key ?? null),
  };
}

/**
 * One account per role, and an administrator of the open-data sandbox: OC4IDS imports land in a region of their
 * own, out of the city's scope and statistics, so only an account of that region sees them in the library.
 */
function demoUsers(ownerKey: string | null): DemoUser[] {
  const user = (
    username: string,
    displayName: string,
    role: DemoUser['role'],
    regionCode: string | null,
    organizationKey: string | null,
  ): DemoUser => ({
    key: `user-${username}`,
    username,
    displayName,
    role,
    regionCode,
    organizationKey,
  });
  return [
    user('daqing.admin', '王晓峰（市发改委）', 'city_admin', CITY_CODE, 'org-drc-230600'),
    user('rhl.staff', '李春燕（让胡路区发改局）', 'district_staff', '230604', 'org-drc-230604'),
    user('owner.demo', '赵磊（项目单位）', 'owner', null, ownerKey),
    user('officer.demo', '孙志强（首席服务员）', 'service_officer', null, 'org-drc-230600'),
    user('unit.demo', '周敏（市自然资源局）', 'responsible_unit', CITY_CODE, 'org-unit-nr'),
    user('leader.demo', '王立新（常务副市长）', 'leader', CITY_CODE, null),
    user('sysadmin', '系统管理员', 'system_admin', CITY_CODE, null),
    user('secadmin', '安全管理员', 'security_admin', CITY_CODE, null),
    user('auditor', '审计管理员', 'audit_admin', CITY_CODE, null),
    // A bank reading the published financing-needs list (issue #13): no region, no organisation, no project scope.
    user('bank', '龙江银行大庆分行（金融机构）', 'financial_institution', null, null),
    user('opendata.admin', '刘洋（开放数据沙箱）', 'city_admin', OC4IDS_SANDBOX_ROOT, null),
  ];
}
