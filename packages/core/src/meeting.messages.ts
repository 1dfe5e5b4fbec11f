/**
 * The dispatch meetings' and notices' part of the one message catalogue (MESSAGES in messages.ts): what a refused
 * meeting, agenda, decision or notice template says, in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Meeting and notice messages by key; {name} marks a parameter. */
export const MEETING_MESSAGES = {
  'meeting.kind': { zh: '会议类型应为周调度会、月度点评会或季度观摩', en: 'unknown meeting kind' },
  'meeting.agendaItemUnknown': {
    zh: '议题不属于本次会议（可能已被他人删除），请刷新后重试',
    en: 'an agenda item does not belong to this meeting (someone may have removed it); reload and retry',
  },
  'meeting.changedByOthers': {
    zh: '会议已被他人修改，请刷新后重试',
    en: 'someone else changed the meeting first; reload and retry',
  },
  'meeting.projectOutOfScope': {
    zh: '项目不在本次会议的范围内',
    en: 'the project lies outside the meeting’s region',
  },
  'notice.kind': { zh: '通报类型应为日通报或周调度', en: 'the notice kind must be daily or weekly' },
  'problem.category': { zh: '问题类别不正确', en: 'unknown problem category' },
} as const satisfies Record<string, Label>;
