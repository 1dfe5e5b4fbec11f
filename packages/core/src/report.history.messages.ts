/**
 * A project's report history, photo deletion and withdrawal: their part of the one message catalogue (MESSAGES in
 * messages.ts), in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Report history messages by key. */
export const REPORT_HISTORY_MESSAGES = {
  'report.withdrawReviewed': {
    zh: '该报表已进入审核（已审核、退回或确认），不能撤回；如需修改请联系审核人员退回',
    en: 'this report is already under review (approved, returned or confirmed) and cannot be withdrawn; ask the reviewer to return it',
  },
  'report.withdrawNotSubmitter': {
    zh: '只有报送单位或提交人本人可以撤回报表',
    en: 'only the owner or whoever submitted the report can withdraw it',
  },
  'photo.deleteConfirmed': {
    zh: '报表已经市级确认或所在报送期已锁定，照片不能再删除',
    en: 'the report is confirmed by the city or its period is locked: its photos can no longer be deleted',
  },
} as const satisfies Record<string, Label>;
