/**
 * The lifecycle's part of the one message catalogue (MESSAGES in messages.ts): what a refused template or
 * transition says, in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Lifecycle messages by key; {name} marks a parameter. */
export const LIFECYCLE_MESSAGES = {
  'lifecycle.code': {
    zh: '编码须以小写字母开头，只含小写字母、数字和下划线（至多 40 个字符）',
    en: 'a code starts with a lowercase letter and holds lowercase letters, digits and underscores (40 at most)',
  },
  'lifecycle.duration': {
    zh: '工期须为 1 至 3650 天的整数',
    en: 'a duration is a whole number of days from 1 to 3650',
  },
  'lifecycle.stageUnknown': {
    zh: '阶段“{value}”不属于本项目的生命周期模板',
    en: 'stage “{value}” is not in the project’s template',
  },
  'lifecycle.stepUnknown': {
    zh: '环节“{value}”不属于该阶段（或属于其他模板）',
    en: 'step “{value}” is not a step of that stage (or belongs to another template)',
  },
  'lifecycle.future': {
    zh: '日期不能晚于系统日期 {today}',
    en: 'the date cannot be later than the application’s date {today}',
  },
  'lifecycle.backdateWindow': {
    zh: '补录日期最早为 {earliest}（可追溯 {days} 天）',
    en: 'a back-dated entry can go back to {earliest} at the earliest ({days} days)',
  },
  'lifecycle.afterLater': {
    zh: '该日期不早于后续阶段“{stage}”（{date}），顺序不对',
    en: 'the date is not before the later stage “{stage}” ({date}): out of order',
  },
  'lifecycle.beforeEarlier': {
    zh: '该日期早于前序阶段“{stage}”（{date}），顺序不对',
    en: 'the date is before the earlier stage “{stage}” ({date}): out of order',
  },
  'lifecycle.alreadyEntered': {
    zh: '“{stage}”已于 {date} 记录，不能重复记录',
    en: '“{stage}” was already recorded on {date}',
  },
  'lifecycle.notStarted': {
    zh: '项目尚未开工，不能记录竣工或投产',
    en: 'the project has not started: no completion or production yet',
  },
} as const satisfies Record<string, Label>;
