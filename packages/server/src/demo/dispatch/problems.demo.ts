/**
 * The 大庆 demo's problem list (问题清单): about 25 problems on projects across the districts, raised and assigned in
 * April–May 2021 and worked through the real services on their own dates (so the history, the clocks, the audit
 * trail and the inbox are what the application would have written), in every state: unassigned, on time, returned,
 * overdue and escalated by the daily job, resolved awaiting verification, and closed with grades. The responsible
 * units' own accounts are created here (the demo ships one, unit.demo of 市自然资源局) so each unit acts for itself.
 */
import type { Kysely } from 'kysely';
import { addDays, type Actor, type ProblemActionBodyJson, type ProblemCategory } from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { run as runEscalation } from '../../jobs/problem-escalation.job.ts';
import { actOnProblem } from '../../modules/problem/problem.action.ts';
import { createProblem } from '../../modules/problem/problem.create.ts';
import { createUser } from '../../modules/user/user.service.ts';

const DEMO_PASSWORD = 'Daqing@2021demo';

/** One demo problem: raised `raised` days before the demo's date, then each step `days` after the raise. */
interface Spec {
  title: string;
  category: ProblemCategory;
  description: string;
  raised: number;
  /** Index into the responsible units; null: raised by the owner and not assigned yet. */
  unit: number | null;
  complex?: boolean;
  steps: readonly { days: number; by: 'unit' | 'staff'; body: ProblemActionBodyJson }[];
}

const accept = { days: 1, by: 'unit', body: { action: 'accept' } } as const;
const progress = (days: number, note: string) => ({ days, by: 'unit', body: { action: 'progress', note } }) as const;
const resolve = (days: number, note: string) => ({ days, by: 'unit', body: { action: 'resolve', note } }) as const;
const verify = (days: number, grade: 'excellent' | 'good' | 'pass' | 'fail') =>
  ({ days, by: 'staff', body: { action: 'verify', grade } }) as const;

const SPECS: readonly Spec[] = [
  {
    title: '项目用地红线与规划不一致',
    category: 'land',
    description: '用地红线与控规路网冲突，需调整规划条件。',
    raised: 2,
    unit: null,
    steps: [],
  },
  {
    title: '施工临时用电报装未受理',
    category: 'utilities',
    description: '已提交报装申请两周，未见受理。',
    raised: 1,
    unit: null,
    steps: [],
  },
  {
    title: '环评批复进度慢',
    category: 'environment',
    description: '环评报告已报送，尚未组织专家评审。',
    raised: 0,
    unit: null,
    steps: [],
  },
  {
    title: '施工许可证办理材料退回',
    category: 'planning_permits',
    description: '施工许可材料被退回三次，要求不一致。',
    raised: 1,
    unit: 1,
    steps: [],
  },
  {
    title: '燃气管线迁改方案未定',
    category: 'utilities',
    description: '场地内燃气管线需迁改，方案尚未确定。',
    raised: 2,
    unit: 3,
    steps: [accept],
  },
  {
    title: '配套资金拨付滞后',
    category: 'funding',
    description: '市级配套资金第二批未拨付，影响进度款支付。',
    raised: 3,
    unit: 2,
    steps: [accept, progress(2, '已报请财政局安排')],
  },
  {
    title: '地块征收补偿未完成',
    category: 'demolition',
    description: '剩余三户补偿协议未签订。',
    raised: 5,
    unit: 0,
    complex: true,
    steps: [accept, progress(3, '已入户协商两次')],
  },
  {
    title: '建设用地规划许可证待核发',
    category: 'planning_permits',
    description: '方案已审定，规划许可证待核发。',
    raised: 4,
    unit: 0,
    steps: [accept, progress(2, '已完成公示')],
  },
  {
    title: '供水接驳点未明确',
    category: 'utilities',
    description: '项目供水接驳点与管径未确定。',
    raised: 3,
    unit: 3,
    steps: [{ days: 1, by: 'unit', body: { action: 'return', reason: '属供水公司职责，非本单位事权' } }],
  },
  {
    title: '土方外运消纳场地不足',
    category: 'environment',
    description: '土方外运无消纳场地，影响基础施工。',
    raised: 6,
    unit: 1,
    steps: [{ days: 2, by: 'unit', body: { action: 'return', reason: '消纳场地由城管部门负责' } }],
  },
  {
    title: '不动产登记办理缓慢',
    category: 'land',
    description: '土地出让金已缴清，不动产权证迟迟未发。',
    raised: 14,
    unit: 0,
    steps: [accept],
  },
  {
    title: '施工图审查意见反复',
    category: 'planning_permits',
    description: '图审意见多次反复，影响开工。',
    raised: 13,
    unit: 1,
    steps: [accept, progress(3, '已组织图审机构会商')],
  },
  {
    title: '电力外线工程未开工',
    category: 'utilities',
    description: '66千伏外线工程尚未开工，影响试生产。',
    raised: 16,
    unit: 3,
    steps: [],
  },
  {
    title: '专项债资金未到位',
    category: 'funding',
    description: '专项债券资金尚未拨付到项目。',
    raised: 12,
    unit: 2,
    steps: [accept],
  },
  {
    title: '林地占用手续未批',
    category: 'land',
    description: '项目占用林地审批未完成。',
    raised: 20,
    unit: 0,
    complex: true,
    steps: [accept, progress(4, '已上报省林草局')],
  },
  {
    title: '排水许可未办理',
    category: 'planning_permits',
    description: '排水许可申报后无回复。',
    raised: 7,
    unit: 1,
    steps: [accept, progress(2, '已现场踏勘'), resolve(5, '排水许可已核发')],
  },
  {
    title: '厂区道路接口未确定',
    category: 'planning_permits',
    description: '厂区出入口与市政道路接口未确定。',
    raised: 6,
    unit: 1,
    steps: [accept, resolve(4, '接口方案已批复')],
  },
  {
    title: '临时占道审批',
    category: 'other',
    description: '材料运输需临时占道，审批未完成。',
    raised: 5,
    unit: 3,
    steps: [accept, resolve(3, '占道审批已办结')],
  },
  {
    title: '土地出让条件调整',
    category: 'land',
    description: '出让条件中的容积率需调整。',
    raised: 33,
    unit: 0,
    steps: [accept, progress(2, '已报规委会'), resolve(6, '出让条件已调整'), verify(8, 'excellent')],
  },
  {
    title: '稳岗补贴资金申请',
    category: 'funding',
    description: '申请稳岗补贴，材料不全被退回。',
    raised: 30,
    unit: 2,
    steps: [accept, progress(3, '已指导补充材料'), resolve(7, '补贴资金已拨付'), verify(9, 'good')],
  },
  {
    title: '燃气开口费争议',
    category: 'utilities',
    description: '燃气接入开口费标准存在争议。',
    raised: 28,
    unit: 3,
    steps: [accept, progress(3, '已协调价格部门'), resolve(12, '按标准收费已达成一致'), verify(13, 'pass')],
  },
  {
    title: '施工噪声投诉',
    category: 'environment',
    description: '夜间施工噪声被周边居民投诉。',
    raised: 24,
    unit: 1,
    steps: [accept, resolve(5, '已调整施工时间'), verify(6, 'good')],
  },
  {
    title: '安置房选址',
    category: 'demolition',
    description: '被征收户安置房选址未定。',
    raised: 35,
    unit: 0,
    complex: true,
    steps: [accept, progress(3, '已提出两个备选地块'), resolve(16, '安置房选址已确定'), verify(18, 'fail')],
  },
  {
    title: '变电站间隔申请',
    category: 'utilities',
    description: '申请变电站出线间隔。',
    raised: 26,
    unit: 3,
    steps: [accept, progress(2, '已纳入电网计划'), resolve(6, '间隔已批复'), verify(7, 'excellent')],
  },
  {
    title: '人防易地建设费减免',
    category: 'funding',
    description: '申请人防易地建设费减免。',
    raised: 10,
    unit: 2,
    steps: [accept, progress(3, '已报人防办'), resolve(6, '减免已批复')],
  },
];

/** Units named in the specs, by position: looked up by the start of their demo names. */
const UNIT_NAMES = ['自然资源', '住房和城乡建设', '营商环境', '供电'];

/** The actor a demo step acts as: the account of that username, as the session hook would build it. */
export async function actorOf(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'organization_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    organizationId: user.organization_id,
    ip: null,
    userAgent: null,
    locale: 'zh',
  };
}

/** The demo's responsible units matching UNIT_NAMES (else the first ones), each with an account of its own. */
async function unitActors(db: Kysely<DB>): Promise<Actor[]> {
  const units = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'region_code'])
    .where('kind', '=', 'responsible_unit')
    .orderBy('id')
    .execute();
  const chosen = UNIT_NAMES.map((part, index) => units.find((u) => u.name.includes(part)) ?? units[index]);
  const actors: Actor[] = [];
  for (const [index, unit] of chosen.entries()) {
    if (!unit) throw new Error('the demo has too few responsible units');
    const existing = await db
      .selectFrom('users')
      .select('username')
      .where('organization_id', '=', unit.id)
      .executeTakeFirst();
    const username = existing?.username ?? `unit.demo${index + 1}`;
    if (!existing)
      await createUser(db, null, {
        username,
        displayName: `${unit.name}联络员`,
        password: DEMO_PASSWORD,
        role: 'responsible_unit',
        regionCode: unit.region_code,
        organizationId: unit.id,
      });
    actors.push(await actorOf(db, username));
  }
  return actors;
}

/** Seeds the demo's problems as of `asOf` (the demo's date); returns how many it raised. */
export async function seedProblemsDemo(db: Kysely<DB>, asOf = '2021-05-20'): Promise<{ problems: number }> {
  const admin = await actorOf(db, 'daqing.admin');
  const district = await actorOf(db, 'rhl.staff');
  const owner = await actorOf(db, 'owner.demo');
  const units = await unitActors(db);
  const ownProjects = await scopedProjects(db, owner).select('projects.id').orderBy('projects.id').execute();
  const projects = await scopedProjects(db, admin)
    .select(['projects.id', 'projects.region_code as regionCode'])
    .where('projects.stage', 'in', ['preparation', 'construction'])
    .orderBy('projects.region_code')
    .orderBy('projects.id')
    .execute();
  // Spread the problems over the districts: every n-th project of the list ordered by region.
  const stride = Math.max(1, Math.floor(projects.length / SPECS.length));
  let count = 0;
  for (const [index, spec] of SPECS.entries()) {
    const raisedOn = addDays(asOf, -spec.raised);
    const regional = projects[index * stride];
    const project = spec.unit === null ? ownProjects[index % Math.max(1, ownProjects.length)] : regional;
    if (!project) continue;
    // The district's own staff assign the problems of its projects; the city's the others.
    const staff = spec.unit !== null && regional?.regionCode.startsWith(district.regionCode ?? '-') ? district : admin;
    const unit = spec.unit === null ? null : units[spec.unit];
    const { id } = await db.transaction().execute((trx) =>
      createProblem(trx, { clock: fixedClock(raisedOn) }, spec.unit === null ? owner : staff, {
        projectId: project.id,
        title: spec.title,
        category: spec.category,
        description: spec.description,
        complexity: spec.complex ? 'complex' : 'ordinary',
        assignedUnitId: unit?.organizationId ?? null,
      }),
    );
    count += 1;
    for (const step of spec.steps) {
      const on = addDays(raisedOn, step.days);
      const actor = step.by === 'unit' && unit ? unit : staff;
      await actOnProblem({ db, clock: fixedClock(on > asOf ? asOf : on) }, actor, id, {
        reason: null,
        grade: null,
        note: null,
        ...step.body,
      });
    }
  }
  await runEscalation({ db, clock: fixedClock(asOf) });
  return { problems: count };
}
