/**
 * The groundbreaking events' (集中开工), three batches' (三个一批) and reserve library's part of the one message
 * catalogue (MESSAGES in messages.ts), in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Event, batch and reserve messages by key; {name} marks a parameter. */
export const EVENT_MESSAGES = {
  'event.level': {
    zh: '集中开工级别应为省级、市级、行业或功能区',
    en: 'the event level must be provincial, city, industry or function zone',
  },
  'event.future': {
    zh: '集中开工须在举办后登记，日期不能晚于系统日期 {today}',
    en: 'an event is recorded once held: its date cannot be after the application’s date {today}',
  },
  'event.projectInOtherEvent': {
    zh: '项目 {code} 已列入集中开工活动“{name}”，一个项目只能列入一次集中开工',
    en: 'project {code} is already in the event “{name}”: a project joins one event at most',
  },
  'event.projectOutsideRegion': {
    zh: '项目 {code} 不在活动所在区域内',
    en: 'project {code} is outside the region of the event',
  },
  'event.startRecorded': {
    zh: '该项目的开工已通过本次集中开工记录，不能移出；如有误请在项目生命周期中更正',
    en: 'this event recorded the project’s start, so it cannot be removed; correct it in the project’s lifecycle',
  },
  'event.hasStarts': {
    zh: '本次集中开工已记录项目开工，不能删除',
    en: 'this event has recorded projects’ starts and cannot be deleted',
  },
  'event.startStage': {
    zh: '项目的生命周期模板没有开工或在建阶段',
    en: 'the project’s lifecycle template has no start or construction stage',
  },
  'batch.duplicate': {
    zh: '项目 {code} 已在本轮该批次中',
    en: 'project {code} is already in this batch of the round',
  },
  'reserve.noStep': { zh: '未填写环节', en: 'Step not filled in' },
} as const satisfies Record<string, Label>;
