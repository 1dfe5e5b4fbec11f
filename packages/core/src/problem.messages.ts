/**
 * The problem list's (问题清单) part of the one message catalogue (MESSAGES in messages.ts), in Chinese and
 * English: why raising, assigning or acting on a problem, an attachment or the dispatch configuration is refused.
 * The workflow's own refusals (problem.forbidden, problem.state …) stay with the dispatch keys in messages.ts.
 */
import type { Label } from './codelists.ts';

/** Problem messages by key; {name} marks a parameter. */
export const PROBLEM_MESSAGES = {
  'problem.unitUnknown': { zh: '责任单位不存在或不是责任单位', en: 'no such responsible unit' },
  'problem.meetingUnknown': { zh: '会议不存在或不在本账号的管辖区域内', en: 'no such meeting in your region' },
  'problem.inspectionUnknown': {
    zh: '督导记录不存在，或不属于该项目',
    en: 'no such inspection of this project in your region',
  },
  'problem.agreedOnlyComplex': {
    zh: '只有复杂事项可以约定办结节点',
    en: 'only a complex item may have an agreed final date',
  },
  'problem.agreedTooEarly': {
    zh: '约定办结节点不能早于交办日期',
    en: 'the agreed final date cannot lie before the assignment',
  },
  'problem.assignStaffOnly': {
    zh: '只有发改部门工作人员可以在提出问题时直接交办',
    en: 'only DRC staff may assign a problem while raising it',
  },
  'problem.titleRequired': { zh: '请填写问题标题', en: 'a title is required' },
  'problem.stepUnknown': { zh: '该问题的时限规则中没有此步骤', en: "no such step in the problem's deadline rule" },
  'problem.stepsDone': { zh: '时限各步骤均已报告', en: 'every step of the clock has been reported' },
  'problem.attachmentType': {
    zh: '附件只能是图片（JPEG、PNG）或 PDF',
    en: 'an attachment must be an image (JPEG, PNG) or a PDF',
  },
  'problem.attachmentSize': {
    zh: '附件不能超过 {limit} MB',
    en: 'an attachment may not exceed {limit} MB',
  },
  'problem.attachmentMissing': { zh: '请选择要上传的文件', en: 'choose a file to upload' },
  'problem.leaguePeriod': { zh: '起始日期不能晚于结束日期', en: 'the start date cannot lie after the end date' },
} as const satisfies Record<string, Label>;
