/**
 * The milestone plans' part of the one message catalogue (MESSAGES in messages.ts): what a refused plan, re-plan
 * or node update says, in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Plan messages by key; {name} marks a parameter. */
export const PLAN_MESSAGES = {
  'plan.nodeKey': {
    zh: '节点编码只含小写字母、数字和下划线（至多 60 个字符）',
    en: 'a node key holds lowercase letters, digits and underscores (60 at most)',
  },
  'plan.untilStageUnknown': {
    zh: '阶段“{value}”不属于本项目的生命周期模板',
    en: 'stage “{value}” is not in the project’s template',
  },
  'plan.nothingToPlan': {
    zh: '项目已走完所选阶段，没有需要排期的节点',
    en: 'the project is past the chosen stage: nothing is left to plan',
  },
  'plan.targetTooEarly': {
    zh: '目标日期过早：按模板工期倒排，最早为 {earliest}',
    en: 'the target date is too early: with the template’s durations the earliest is {earliest}',
  },
  'plan.reasonRequired': {
    zh: '已有批准的计划，重新编制须说明原因',
    en: 'an approved plan exists: a re-plan needs its reason',
  },
  'plan.endBeforeStart': {
    zh: '计划完成日期不能早于计划开始日期',
    en: 'the planned end cannot be before the planned start',
  },
  'plan.nodeKeyDuplicate': {
    zh: '节点编码“{value}”重复',
    en: 'node key “{value}” is used twice',
  },
  'plan.orgUnknown': {
    zh: '责任单位不存在',
    en: 'no such responsible organisation',
  },
  'plan.noDraft': {
    zh: '该项目没有待编辑的计划草稿，请先生成',
    en: 'the project has no draft plan: generate one first',
  },
  'plan.noCurrent': {
    zh: '该项目还没有批准的计划',
    en: 'the project has no approved plan yet',
  },
  'plan.nodeUnknown': {
    zh: '当前计划中没有节点“{value}”',
    en: 'the current plan has no node “{value}”',
  },
  'plan.actualFuture': {
    zh: '实际日期不能晚于系统日期 {today}',
    en: 'an actual date cannot be later than the application’s date {today}',
  },
  'plan.actualEndRequired': {
    zh: '标记完成须填写实际完成日期',
    en: 'a node marked done needs its actual end date',
  },
  'plan.actualEndNotDone': {
    zh: '只有已完成的节点才填写实际完成日期',
    en: 'only a node marked done has an actual end date',
  },
  'plan.actualEndBeforeStart': {
    zh: '实际完成日期不能早于实际开始日期',
    en: 'the actual end cannot be before the actual start',
  },
} as const satisfies Record<string, Label>;
