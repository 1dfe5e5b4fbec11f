import {
  DEFAULT_STAGES,
  FEN_PER_WAN,
  OC4IDS_SANDBOX_ROOT,
  ROLES,
  ROLES_WITH_ORGANIZATION,
  ROLES_WITH_REGION,
  isValidCreditCode,
  parseProjectCode,
  percent,
  sumFen,
  wan,
  yi,
  type Fen,
  type IndustrySection,
  type ProjectCategory,
} from '@keyprojects/core';
import { describe, expect, it } from 'vitest';
import {
  DAQING_DEMO_PASSWORD,
  generateDaqingDemo,
  type DemoProject,
  type DemoStartStatus,
} from './daqing.generator.ts';

const demo = generateDaqingDemo();
const byKey = new Map(demo.projects.map((p) => [p.key, p]));

/** The key-project list of a year: the projects with a plan that year, with their plan and 20 May status. */
function list(year: number) {
  const plans = demo.annualPlans.filter((a) => a.year === year);
  const status = new Map(demo.startStatus.filter((s) => s.year === year).map((s) => [s.projectKey, s]));
  const rows = plans.map((plan) => {
    const project = byKey.get(plan.projectKey);
    const st = status.get(plan.projectKey);
    if (!project || !st) throw new Error(`incomplete list entry ${plan.projectKey}`);
    return { project, plan, status: st, completed: sumFen(st.monthlyCompleted) };
  });
  const industry = rows.filter((r) => r.project.category === 'industry');
  return {
    rows,
    count: rows.length,
    newCount: rows.filter((r) => r.plan.nature === 'new').length,
    continuingCount: rows.filter((r) => r.plan.nature === 'continuing').length,
    reserveCount: rows.filter((r) => r.plan.nature === 'reserve').length,
    total: sumFen(rows.map((r) => r.project.totalInvestment)),
    plan: sumFen(rows.map((r) => r.plan.plannedInvestment)),
    started: rows.filter((r) => r.status.started),
    completed: sumFen(rows.map((r) => r.completed)),
    industry: {
      count: industry.length,
      total: sumFen(industry.map((r) => r.project.totalInvestment)),
      started: industry.filter((r) => r.status.started).length,
    },
  };
}

const y2021 = list(2021);
const y2020 = list(2020);
const priorCompleted = (key: string, before: number): Fen =>
  sumFen(demo.yearCompletions.filter((c) => c.projectKey === key && c.year < before).map((c) => c.completed));

describe('Daqing demo: the seed figures of 20 May 2021', () => {
  it('lists 387 projects, 210 new and 177 continuing, none in reserve', () => {
    expect(y2021.count).toBe(387);
    expect(y2021.newCount).toBe(210);
    expect(y2021.continuingCount).toBe(177);
    expect(y2021.reserveCount).toBe(0);
  });

  it('totals 1528.2亿 of investment and a 577.5亿 annual plan, exactly', () => {
    expect(y2021.total).toBe(yi('1528.2'));
    expect(y2021.plan).toBe(yi('577.5'));
  });

  it('has 299 started or resumed (126 new, 173 continuing): 77.3%', () => {
    expect(y2021.started.length).toBe(299);
    expect(y2021.started.filter((r) => r.plan.nature === 'new').length).toBe(126);
    expect(y2021.started.filter((r) => r.plan.nature === 'continuing').length).toBe(173);
    expect(percent(299n, BigInt(y2021.count))).toBe('77.3');
  });

  it('completed 94.5亿 from January to 20 May, 16.4% of the plan', () => {
    expect(y2021.completed).toBe(yi('94.5'));
    expect(percent(y2021.completed, y2021.plan)).toBe('16.4');
  });
});

describe('Daqing demo: the same date a year earlier (20 May 2020)', () => {
  it('lists as many projects: the 177 continuing ones plus 210 finished in 2020', () => {
    expect(y2020.count).toBe(y2021.count);
    const keys2020 = new Set(y2020.rows.map((r) => r.project.key));
    const continuing = y2021.rows.filter((r) => r.plan.nature === 'continuing');
    expect(continuing.every((r) => keys2020.has(r.project.key))).toBe(true);
    const keys2021 = new Set(y2021.rows.map((r) => r.project.key));
    const only2020 = y2020.rows.filter((r) => !keys2021.has(r.project.key));
    expect(only2020.length).toBe(210);
    expect(only2020.every((r) => r.project.actualCompletionDate?.startsWith('2020'))).toBe(true);
  });

  it('totals 100亿 less investment and two fewer starts', () => {
    expect(y2020.total).toBe(yi('1428.2'));
    expect(y2021.total - y2020.total).toBe(yi('100'));
    expect(y2020.started.length).toBe(297);
    expect(y2021.started.length - y2020.started.length).toBe(2);
  });

  it('has 40 fewer industrial projects, 236亿 less industrial investment, 27 fewer industrial starts', () => {
    expect(y2021.industry.count - y2020.industry.count).toBe(40);
    expect(y2021.industry.total - y2020.industry.total).toBe(yi('236'));
    expect(y2021.industry.started - y2020.industry.started).toBe(27);
  });

  it('planned 531.6亿 for 2020 and completed 85.6亿 by 20 May 2020', () => {
    expect(y2020.plan).toBe(yi('531.6'));
    expect(y2020.completed).toBe(yi('85.6'));
  });
});

describe('Daqing demo: money is consistent per project', () => {
  it('completes only on started projects, never more than the year plan', () => {
    for (const y of [y2021, y2020]) {
      for (const r of y.rows) {
        expect(r.status.monthlyCompleted).toHaveLength(5);
        expect(r.status.monthlyCompleted.every((m) => m >= 0n && m % (FEN_PER_WAN / 100n) === 0n)).toBe(true);
        if (!r.status.started) expect(r.completed).toBe(0n);
        expect(r.completed <= r.plan.plannedInvestment).toBe(true);
      }
    }
  });

  it('never plans more than the investment still to be made', () => {
    for (const plan of demo.annualPlans) {
      const project = byKey.get(plan.projectKey);
      expect(project).toBeDefined();
      expect(plan.plannedInvestment > 0n).toBe(true);
      expect(
        plan.plannedInvestment <= (project?.totalInvestment ?? 0n) - priorCompleted(plan.projectKey, plan.year),
      ).toBe(true);
    }
  });

  it('never completes more than the total, and 2020 did at least what it had done by May', () => {
    for (const p of demo.projects) {
      const ytd2021 = sumFen(
        demo.startStatus.filter((s) => s.projectKey === p.key && s.year === 2021).flatMap((s) => s.monthlyCompleted),
      );
      expect(priorCompleted(p.key, 2021) + ytd2021 <= p.totalInvestment).toBe(true);
    }
    for (const r of y2020.rows) {
      const year = demo.yearCompletions.find((c) => c.projectKey === r.project.key && c.year === 2020);
      expect(r.completed <= (year?.completed ?? 0n)).toBe(true);
    }
    const finished = y2020.rows.filter((r) => !y2021.rows.some((x) => x.project.key === r.project.key));
    for (const r of finished) expect(priorCompleted(r.project.key, 2021)).toBe(r.project.totalInvestment);
  });

  it('has realistic, skewed amounts of at least 500万 in whole 万元', () => {
    const totals = demo.projects.map((p) => p.totalInvestment);
    expect(totals.every((t) => t >= wan('500') && t % FEN_PER_WAN === 0n)).toBe(true);
    expect(demo.annualPlans.every((a) => a.plannedInvestment % FEN_PER_WAN === 0n)).toBe(true);
    expect(totals.filter((t) => t < yi('1')).length / totals.length).toBeGreaterThan(0.3);
    expect(totals.filter((t) => t >= yi('10')).length).toBeGreaterThanOrEqual(24);
    const huge = totals.filter((t) => t >= yi('50')).length;
    expect(huge).toBeGreaterThanOrEqual(3);
    expect(huge).toBeLessThanOrEqual(8);
  });

  it('keeps funding sources applied ≥ approved ≥ issued within the total', () => {
    const funded = demo.projects.filter((p) => p.fundingSources.length > 0);
    expect(funded.length).toBeGreaterThan(20);
    for (const p of funded) {
      expect(p.category).not.toBe('industry');
      for (const f of p.fundingSources) {
        expect(
          f.applied >= f.approved && f.approved >= f.issued && f.issued >= 0n && f.applied <= p.totalInvestment,
        ).toBe(true);
      }
    }
  });
});

describe('Daqing demo: records are well formed', () => {
  it('is deterministic', () => {
    expect(generateDaqingDemo()).toEqual(demo);
  });

  it('gives every project a unique, well-shaped code in its own district, issued before the planned start', () => {
    const codes = new Set(demo.projects.map((p) => p.code));
    expect(codes.size).toBe(demo.projects.length);
    for (const p of demo.projects) {
      const parsed = parseProjectCode(p.code, (area) => area === p.regionCode);
      expect(parsed.ok, p.code).toBe(true);
      if (!parsed.ok) continue;
      expect(['01', '02', '03']).toContain(parsed.parts.typeCode);
      const issued = `${parsed.parts.issueYear}-${String(parsed.parts.issueMonth).padStart(2, '0')}`;
      expect(issued <= p.plannedStartDate.slice(0, 7), p.code).toBe(true);
    }
  });

  it('gives every organisation a valid, unique credit code and every owner a project', () => {
    expect(new Set(demo.organizations.map((o) => o.creditCode)).size).toBe(demo.organizations.length);
    for (const o of demo.organizations) expect(isValidCreditCode(o.creditCode), `${o.name} ${o.creditCode}`).toBe(true);
    const owners = demo.organizations.filter((o) => o.kind === 'owner');
    expect(owners.length).toBeGreaterThan(200);
    expect(owners.length).toBeLessThan(300);
    const owning = new Set(demo.projects.map((p) => p.ownerKey));
    expect(owners.every((o) => owning.has(o.key))).toBe(true);
    for (const p of demo.projects) expect(owners.some((o) => o.key === p.ownerKey)).toBe(true);
    expect(demo.organizations.filter((o) => o.kind === 'drc')).toHaveLength(1 + demo.regions.length);
    expect(demo.organizations.filter((o) => o.kind === 'responsible_unit').length).toBeGreaterThanOrEqual(4);
  });

  it('places every project inside the city, around its own district seat', () => {
    const seats = new Map(demo.regions.map((r) => [r.code, r]));
    for (const p of demo.projects) {
      expect(p.longitude).toBeGreaterThanOrEqual(123.7);
      expect(p.longitude).toBeLessThanOrEqual(125.4);
      expect(p.latitude).toBeGreaterThanOrEqual(45.4);
      expect(p.latitude).toBeLessThanOrEqual(47.1);
      expect(Math.round(p.longitude * 1e6) / 1e6).toBe(p.longitude);
      const seat = seats.get(p.regionCode);
      expect(seat).toBeDefined();
      expect(Math.abs(p.longitude - (seat?.longitude ?? 0))).toBeLessThan(0.25);
      expect(Math.abs(p.latitude - (seat?.latitude ?? 0))).toBeLessThan(0.25);
    }
  });

  it('has consistent dates', () => {
    const status2021 = new Map(demo.startStatus.filter((s) => s.year === 2021).map((s) => [s.projectKey, s]));
    for (const p of demo.projects) {
      const dates = [
        p.plannedStartDate,
        p.plannedCompletionDate,
        p.plannedProductionDate,
        p.actualStartDate,
        p.actualCompletionDate,
        p.actualProductionDate,
      ];
      for (const d of dates) if (d !== null) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      expect(p.plannedStartDate <= p.plannedCompletionDate).toBe(true);
      if (p.plannedProductionDate) expect(p.plannedCompletionDate <= p.plannedProductionDate).toBe(true);
      for (const d of [p.actualStartDate, p.actualCompletionDate, p.actualProductionDate])
        if (d) expect(d <= demo.asOf).toBe(true);
      if (p.actualCompletionDate) expect((p.actualStartDate ?? '9') < p.actualCompletionDate).toBe(true);
      if (p.actualProductionDate) expect((p.actualCompletionDate ?? '9') <= p.actualProductionDate).toBe(true);
      if (p.inStatistics) expect((p.actualStartDate ?? '9') <= (p.inStatisticsSince ?? '')).toBe(true);
      else expect(p.inStatisticsSince).toBeNull();
      expect(p.tags.includes('集中开工')).toBe(p.actualStartDate === '2021-04-21');
      const st = status2021.get(p.key);
      if (st?.nature === 'new') {
        expect(p.plannedStartDate.startsWith('2021')).toBe(true);
        expect(p.actualStartDate).toBe(st.startDate);
      }
      if (st?.nature === 'continuing') expect(['2019', '2020']).toContain(p.actualStartDate?.slice(0, 4));
    }
    for (const s of demo.startStatus) checkStatusDates(s, byKey.get(s.projectKey));
  });

  it('gives every 2021 project exactly one 2021 plan and every project a plan', () => {
    for (const p of demo.projects) {
      const plans = demo.annualPlans.filter((a) => a.projectKey === p.key);
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.every((a) => a.plannedNewStart === (a.nature === 'new'))).toBe(true);
      if (p.actualCompletionDate === null) expect(plans.filter((a) => a.year === 2021)).toHaveLength(1);
    }
    for (const r of y2021.rows)
      expect(demo.annualPlans.filter((a) => a.projectKey === r.project.key && a.year === 2021)).toHaveLength(1);
  });

  it('uses the codelists consistently', () => {
    const sections: Record<ProjectCategory, readonly IndustrySection[]> = {
      industry: ['A', 'B', 'C', 'D', 'F', 'G', 'I', 'M', 'R'],
      infrastructure: ['D', 'G', 'I', 'N'],
      social: ['K', 'P', 'Q', 'R', 'S'],
      ecology: ['D', 'N'],
      other: [],
    };
    const stages = DEFAULT_STAGES.map((s) => s.code);
    for (const p of demo.projects) {
      expect(sections[p.category]).toContain(p.industry);
      expect(stages).toContain(p.stage);
      expect(p.levels.length).toBeGreaterThan(0);
      expect(new Set(p.levels).size).toBe(p.levels.length);
      expect(p.constructionContent.length).toBeGreaterThan(5);
      expect(p.contactPhone).toMatch(/^[0-9+\-() ]{5,30}$/);
    }
    const provincial = demo.projects.filter((p) => p.levels.includes('provincial'));
    expect(provincial.length).toBe(Math.round(demo.projects.length / 10));
    expect(new Set(demo.projects.map((p) => p.name)).size).toBe(demo.projects.length);
  });

  it('contains the projects the seed names', () => {
    const pv = demo.projects.find((p) => p.name === '国家光伏、储能实证实验平台（大庆基地）项目');
    expect(pv?.regionCode).toBe('230606');
    const ceramics = demo.projects.find((p) => p.name === '大庆智陶瓷业有限公司日用瓷产业园项目');
    expect(ceramics?.totalInvestment).toBe(yi('3'));
    expect(demo.organizations.find((o) => o.key === ceramics?.ownerKey)?.name).toBe('大庆智陶瓷业有限公司');
  });
});

describe('Daqing demo: accounts', () => {
  it('has one account per role, a sandbox administrator, and one strong password', () => {
    const city = demo.users.filter((u) => u.regionCode !== OC4IDS_SANDBOX_ROOT);
    expect(city.map((u) => u.role).sort()).toEqual([...ROLES].sort());
    expect(demo.users.filter((u) => u.regionCode === OC4IDS_SANDBOX_ROOT).map((u) => u.role)).toEqual(['city_admin']);
    // The city's administrator comes first: whoever looks a role up finds the city's account.
    expect(demo.users.find((u) => u.role === 'city_admin')?.regionCode).toBe('230600');
    expect(demo.password).toBe(DAQING_DEMO_PASSWORD);
    expect(demo.password.length).toBeGreaterThanOrEqual(12);
    for (const re of [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/]) expect(demo.password).toMatch(re);
    const orgs = new Map(demo.organizations.map((o) => [o.key, o]));
    for (const u of city) {
      if (ROLES_WITH_REGION.includes(u.role)) expect(u.regionCode).toMatch(/^2306\d\d$/);
      if (ROLES_WITH_ORGANIZATION.includes(u.role)) expect(orgs.has(u.organizationKey ?? '')).toBe(true);
    }
  });

  it('pairs the accounts with data they can see', () => {
    const role = (r: string) => demo.users.find((u) => u.role === r);
    const owner = role('owner');
    expect(
      demo.projects.filter((p) => p.ownerKey === owner?.organizationKey && p.regionCode === '230604').length,
    ).toBeGreaterThanOrEqual(3);
    expect(role('district_staff')?.regionCode).toBe('230604');
    const officer = role('service_officer');
    const paired = demo.projects.filter((p) => p.serviceOfficerKey === officer?.key);
    expect(paired).toHaveLength(20);
    expect(paired.every((p) => y2021.rows.some((r) => r.project.key === p.key))).toBe(true);
    const unit = demo.organizations.find((o) => o.key === role('responsible_unit')?.organizationKey);
    expect(unit?.kind).toBe('responsible_unit');
    expect(unit?.regionCode).toBe('230600');
  });
});

function checkStatusDates(s: DemoStartStatus, p: DemoProject | undefined): void {
  expect(p).toBeDefined();
  expect(s.asOf).toBe(`${s.year}-05-20`);
  expect(s.started).toBe(s.startDate !== null);
  if (s.startDate === null) return;
  expect(s.startDate >= `${s.year}-01-01` && s.startDate <= s.asOf).toBe(true);
  expect((p?.actualStartDate ?? '9') <= s.startDate).toBe(true);
  const startMonth = Number(s.startDate.slice(5, 7));
  s.monthlyCompleted.forEach((amount, m) => {
    if (m + 1 < startMonth) expect(amount).toBe(0n);
  });
}
