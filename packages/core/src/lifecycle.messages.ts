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
  'lifecycle.duplicateStage': {
    zh: '阶段编码“{code}”重复',
    en: 'stage code “{code}” is used twice',
  },
  'lifecycle.duplicateStep': {
    zh: '环节编码“{code}”重复（环节编码在整个模板内唯一）',
    en: 'step code “{code}” is used twice (step codes are unique in the whole template)',
  },
  'lifecycle.afterUnknown': {
    zh: '环节“{step}”的前置环节“{value}”不存在',
    en: 'step “{step}” waits for “{value}”, which is not a step of this template',
  },
  'lifecycle.cycle': {
    zh: '环节“{step}”的前置关系形成循环：{steps}',
    en: 'the waits of step “{step}” form a cycle: {steps}',
  },
  'lifecycle.waitsForLater': {
    zh: '环节“{step}”不能等待排在它后面的环节“{other}”',
    en: 'step “{step}” cannot wait for “{other}”, which comes after it',
  },
  'lifecycle.groupNotContiguous': {
    zh: '并行组“{group}”的环节须相邻排列，“{step}”与组内其他环节不相邻',
    en: 'the steps of parallel group “{group}” must stand together; “{step}” is apart from the others',
  },
  'lifecycle.groupWaitsWithin': {
    zh: '并行组“{group}”中的“{step}”不能等待同组的“{other}”（同组环节并行开展）',
    en: 'in parallel group “{group}”, “{step}” cannot wait for “{other}” of the same group (they run side by side)',
  },
  'lifecycle.templateRetired': {
    zh: '该生命周期模板已停用',
    en: 'this lifecycle template is retired',
  },
  'lifecycle.codeTaken': {
    zh: '模板编码“{code}”已存在',
    en: 'template code “{code}” is already taken',
  },
  'lifecycle.switchHasTransitions': {
    zh: '项目已记录过进展（{count} 条），不能再更换生命周期模板',
    en: 'the project already has recorded progress ({count} entries): its lifecycle template can no longer be changed',
  },
  'lifecycle.phaseMissing': {
    zh: '本项目的生命周期模板没有对应“{phase}”的阶段，请在生命周期卡片中记录进展',
    en: 'the project’s lifecycle template has no stage for “{phase}”: record the progress on the lifecycle card',
  },
  'lifecycle.window': {
    zh: '可追溯天数须为 0 至 3650 的整数',
    en: 'the back-dating window is a whole number of days from 0 to 3650',
  },
  'lifecycle.evidenceType': {
    zh: '佐证材料须为 JPEG、PNG、WebP 图片或 PDF 文件，且不超过 5 MB',
    en: 'evidence is a JPEG, PNG or WebP image or a PDF file of 5 MB at most',
  },
  'lifecycle.ownedByTransitions': {
    zh: '已有项目的建设阶段和实际日期由全生命周期记录决定，请在项目的“全生命周期”中记录进展',
    en: 'an existing project’s stage and actual dates follow its lifecycle records: record the progress on its lifecycle card',
  },
} as const satisfies Record<string, Label>;
