/**
 * The service helpers' part of the message catalogue (MESSAGES in messages.ts): service officers' visits, site
 * supervision and its video link, the inbox.
 */

/** Messages by key; {name} marks a parameter. */
export const SERVICE_MESSAGES = {
  'visit.futureDate': {
    zh: '走访日期不能晚于今天（{today}）',
    en: 'the visit date cannot be after today ({today})',
  },
  'visit.notYourProject': {
    zh: '只有该项目的首席服务员可以记录走访',
    en: 'only the project’s service officer may record a visit',
  },
  'inspection.futureDate': {
    zh: '督导日期不能晚于今天（{today}）',
    en: 'the inspection date cannot be after today ({today})',
  },
  'inspection.rectifyInPast': {
    zh: '整改期限不能早于今天（{today}）',
    en: 'the rectification deadline cannot be before today ({today})',
  },
  'videoLink.invalid': {
    zh: '请填写以 http:// 或 https:// 开头的完整网址',
    en: 'enter a full address starting with http:// or https://',
  },
} as const;
