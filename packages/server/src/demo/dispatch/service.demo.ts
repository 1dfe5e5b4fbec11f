/**
 * The 大庆 demo's service officers and site supervision (issue #10), seeded through the services so that every row
 * is checked and audited as if people had entered it: the officer's visits to the projects paired with them over
 * April–May 2021 (two to four each, dated up to the demo's date), two inspections by the city DRC on a 让胡路区
 * project — one on site requiring a rectification by the natural resources bureau (a tracked problem, which
 * notifies the bureau's people), one online without — and that project's site video link. Runs after the problems
 * demo and before nothing that depends on it; deterministic (no randomness), so the demo is the same every time.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import { cliActor } from '../../cli/cli-actor.ts';
import type { DB } from '../../db/schema.ts';
import { recordInspection, setVideoLink } from '../../modules/inspection/inspection.service.ts';
import { officerProjects } from '../../modules/visit/visit.repository.ts';
import { recordVisit } from '../../modules/visit/visit.service.ts';

/** What an officer writes after a visit, in the words such logs use. */
const FINDINGS = [
  '现场施工正常，主体结构施工中，企业反映冬季停工后复工人员已全部到岗。',
  '与项目负责人座谈，了解到施工许可证已办结，下一步需协调供电接入方案。',
  '企业反映原材料价格上涨导致资金压力加大，已告知可申报专项债券配套资金。',
  '塔吊已进场安装，现场安全围挡、扬尘治理措施落实到位。',
  '项目用地规划许可已取得，土地证办理中，协调自然资源局加快进度。',
  '设备采购合同已签订，预计6月底到货，安装调试计划已排定。',
  '本月完成投资进度略慢于计划，督促企业加快月报填报和形象进度上报。',
  '环评批复已取得，施工期环保措施检查无异常。',
  '企业提出临时用水需求，已联系水务部门现场踏勘。',
  '二期厂房钢结构吊装完成过半，现场作业人员120人。',
] as const;

/** Visit days (April–May 2021) by the project's position, so different projects are visited on different days. */
const VISIT_DAYS = ['2021-04-08', '2021-04-15', '2021-04-22', '2021-04-29', '2021-05-07', '2021-05-13', '2021-05-19'];

/** Seeds the service officers' and site supervision's demo rows; returns how many of each were written. */
export async function seedServiceDemo(
  db: Kysely<DB>,
  clock: Clock,
): Promise<{ visits: number; inspections: number; videoLinks: number }> {
  const deps = { db, clock };
  const today = clock.today();
  const officer = await cliActor(db, { as: 'officer.demo' });
  const admin = await cliActor(db, { as: 'daqing.admin' });
  let visits = 0;
  const projects = await officerProjects(db, officer);
  for (const [index, project] of projects.entries()) {
    const count = 2 + (index % 3);
    for (let n = 0; n < count; n += 1) {
      const visitedOn = VISIT_DAYS[(index + n * 2) % VISIT_DAYS.length] ?? today;
      if (visitedOn > today) continue;
      await recordVisit(deps, officer, project.id, {
        visitedOn,
        findings: FINDINGS[(index * 3 + n) % FINDINGS.length] ?? FINDINGS[0],
      });
      visits += 1;
    }
  }

  // The city DRC's supervision of one 让胡路区 project, rectified by the natural resources bureau (unit.demo's).
  const district = await cliActor(db, { as: 'rhl.staff' });
  const [site] = await officerProjects(db, district);
  const unit = await cliActor(db, { as: 'unit.demo' });
  if (!site) return { visits, inspections: 0, videoLinks: 0 };
  await recordInspection(deps, admin, site.id, {
    inspectedOn: '2021-04-27',
    mode: 'online',
    inspectors: '市发改委重点项目办：刘洋',
    findings: '通过视频监控查看现场，施工进度与月报一致，未发现问题。',
    rectification: null,
  });
  await recordInspection(deps, admin, site.id, {
    inspectedOn: '2021-05-12',
    mode: 'onsite',
    inspectors: '市发改委督导组：王建国、刘洋；让胡路区发改局：赵磊',
    findings: '项目二期用地红线与规划许可不一致，影响厂房基础施工；现场安全围挡部分缺失。',
    rectification: {
      dueOn: '2021-06-10',
      title: '二期用地红线与规划许可不一致，限期完成规划调整',
      category: 'planning_permits',
      unitId: unit.organizationId,
      assigneeName: '周敏',
    },
  });
  await setVideoLink(deps, admin, site.id, {
    url: 'https://video.daqing.example.cn/live/rhl-site-01',
    label: '施工现场塔吊摄像头',
  });
  return { visits, inspections: 2, videoLinks: 1 };
}
