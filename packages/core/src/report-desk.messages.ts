/**
 * The review desk's part of the one message catalogue (MESSAGES in messages.ts): batch decisions, filing progress
 * and reminders, in Chinese and English.
 */
import type { Label } from './codelists.ts';
import { REPORT_BATCH_MAX } from './report-desk.rules.ts';

/** Review desk messages by key; {name} marks a parameter. */
export const REPORT_DESK_MESSAGES = {
  'report.batchTooLarge': {
    zh: `一次最多批量处理 ${REPORT_BATCH_MAX} 份月报，请缩小筛选范围（按区县或关键字）或分批勾选`,
    en: `a batch decides at most ${REPORT_BATCH_MAX} reports: narrow the filter (region or text) or select in parts`,
  },
  'report.batchTarget': {
    zh: '请勾选月报，或选择“按当前筛选全部处理”（二者选其一）',
    en: 'select reports, or choose all reports matching the filter (one of the two)',
  },
  'report.reminderTitle': { zh: '月报催报：{period}', en: 'Monthly report reminder: {period}' },
  'report.reminderBody': {
    zh: '{owner}：{period}月报尚有 {count} 个项目未报送，报送期限 {deadline}，请尽快填报。',
    en: '{owner}: {count} project(s) have not filed the {period} report; the deadline is {deadline}.',
  },
} as const satisfies Record<string, Label>;
