/**
 * The 大庆 demo's dispatch meetings: two past weekly dispatch meetings of the city (7 and 14 May 2021), held, with
 * minutes and decisions assigned to the city's responsible units (each a problem with its 13710 clock, so that by
 * the demo's date some are overdue), the second opening with the first's decisions; and the default notice
 * templates. Written through the meeting services as the city administrator on each meeting's date, so every
 * row is realistic and audited. Runs after the problems and warnings demos (the lead wires the order).
 */
import type { Kysely } from 'kysely';
import { chineseMonthDay, type Actor, type ProblemActionBodyJson, type ProblemCategory } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { fixedClock } from '../../clock.ts';
import { cliActor } from '../../cli/cli-actor.ts';
import { addDecision } from '../../modules/meeting/meeting.decisions.ts';
import { actOnProblem } from '../../modules/problem/problem.action.ts';
import { createMeeting, updateMeeting } from '../../modules/meeting/meeting.service.ts';

const CITY = '230600';

type Step = readonly [string, 'unit' | 'staff', ProblemActionBodyJson];
const accepted = (on: string): Step => [on, 'unit', { action: 'accept' }];
const resolved = (on: string, note: string): Step => [on, 'unit', { action: 'resolve', note }];
const verified = (on: string, grade: 'excellent' | 'good'): Step => [on, 'staff', { action: 'verify', grade }];

/**
 * What each meeting decided: the project (by its place among the city's projects), the task, the unit (by its
 * place among the units with an account), and what became of it: two closed, two accepted and left to run late,
 * the rest untouched (overdue by the demo's date).
 */
const DECISIONS: readonly (readonly {
  project: number;
  unit: number;
  category: ProblemCategory;
  title: string;
  person: string;
  then: readonly Step[];
}[])[] = [
  [
    {
      project: 0,
      unit: 0,
      category: 'land',
      title: '完成项目用地预审和规划选址',
      person: '周敏',
      then: [accepted('2021-05-08'), resolved('2021-05-12', '用地预审意见已出具'), verified('2021-05-13', 'good')],
    },
    {
      project: 1,
      unit: 1,
      category: 'planning_permits',
      title: '办结施工许可并联审批',
      person: '李强',
      then: [accepted('2021-05-10'), resolved('2021-05-14', '施工许可证已核发'), verified('2021-05-17', 'excellent')],
    },
    {
      project: 2,
      unit: 2,
      category: 'utilities',
      title: '完成施工临时用电接入',
      person: '张伟',
      then: [accepted('2021-05-10')],
    },
    {
      project: 3,
      unit: 0,
      category: 'demolition',
      title: '完成地上附着物清点和征收补偿方案',
      person: '周敏',
      then: [],
    },
  ],
  [
    {
      project: 4,
      unit: 1,
      category: 'funding',
      title: '协调专项债券资金拨付到位',
      person: '王磊',
      then: [accepted('2021-05-17')],
    },
    { project: 5, unit: 2, category: 'utilities', title: '完成供水管网接驳设计', person: '张伟', then: [] },
    { project: 0, unit: 3, category: 'environment', title: '完成环境影响评价批复', person: '刘洋', then: [] },
  ],
];

const MINUTES = [
  [
    '会议听取了市发改委关于全市重点项目建设进展和预警情况的汇报，逐项调度了红色、黄色预警项目。',
    '会议要求：各责任单位对议定事项按“13710”时限要求办理，逾期未办结的提请市政府协调。',
  ],
  [
    '会议首先通报了5月7日调度会议定事项的办理情况，对未按期办结的事项进行了点评。',
    '会议要求：对已逾期事项，责任单位主要负责同志要亲自过问，下周调度会前报告办理结果。',
  ],
];

/** Seeds the meetings (once: nothing happens when any meeting exists). */
export async function seedMeetingsDemo(db: Kysely<DB>): Promise<{ meetings: number; decisions: number }> {
  const existing = await db.selectFrom('meetings').select('id').limit(1).executeTakeFirst();
  if (existing) return { meetings: 0, decisions: 0 };
  const actor = await cliActor(db, {});
  const projects = await scopedProjects(db, actor)
    .select('projects.id')
    .where('projects.region_code', 'like', '2306%')
    .orderBy('projects.total_investment', 'desc')
    .orderBy('projects.id')
    .limit(6)
    .execute();
  const units = await unitAccounts(db);
  if (projects.length < 6 || units.length === 0) throw new Error('the meetings demo needs the 大庆 projects and units');
  const unitOf = (index: number) => units[index % units.length] as Actor;
  let decisions = 0;
  for (const [index, heldOn] of ['2021-05-07', '2021-05-14'].entries()) {
    const deps = { db, clock: fixedClock(heldOn) };
    const meeting = await createMeeting(deps, actor, {
      kind: 'weekly_dispatch',
      regionCode: CITY,
      heldOn,
      title: `大庆市重点项目建设第${index + 18}次周调度会`,
      location: '市政府第一会议室',
      chair: '分管副市长',
      attendees: '市发改委、市自然资源局、市住建局、市生态环境局、国网大庆供电公司、各县区政府',
    });
    await updateMeeting(db, actor, meeting.id, {
      version: meeting.version,
      minutes: (MINUTES[index] ?? []).join('\n'),
      state: 'held',
    });
    for (const d of DECISIONS[index] ?? []) {
      const decision = await addDecision(deps, actor, meeting.id, {
        projectId: projects[d.project]?.id ?? 0,
        title: d.title,
        description: `${chineseMonthDay(heldOn)}周调度会议定：${d.title}。`,
        category: d.category,
        assignedUnitId: unitOf(d.unit).organizationId ?? 0,
        assigneeName: d.person,
      });
      decisions += 1;
      // What became of it: the unit's (and the city's) steps on their own dates, up to the demo's date.
      for (const [date, who, body] of d.then) {
        await actOnProblem({ db, clock: fixedClock(date) }, who === 'unit' ? unitOf(d.unit) : actor, decision.id, body);
      }
    }
  }
  return { meetings: 2, decisions };
}

/**
 * The city's responsible units that have an account (the problems demo, which runs first, gives each unit it
 * uses one), as the actor of that account: who accepts and resolves a decision.
 */
async function unitAccounts(db: Kysely<DB>): Promise<Actor[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.region_code', 'u.organization_id'])
    .distinctOn('o.id')
    .where('u.role', '=', 'responsible_unit')
    .where('u.disabled', '=', false)
    .where('o.kind', '=', 'responsible_unit')
    .where('o.region_code', '=', CITY)
    .orderBy('o.id')
    .orderBy('u.id')
    .execute();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: 'responsible_unit',
    regionCode: u.region_code,
    organizationId: u.organization_id,
    ip: null,
    userAgent: null,
    locale: 'zh',
  }));
}
