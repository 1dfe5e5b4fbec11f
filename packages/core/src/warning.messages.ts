/**
 * The warnings API's part of the message catalogue (MESSAGES in messages.ts): refused preset switches and stored
 * presets. The preset contract's own keys (warning.ruleUnknown, warning.threshold*) are in messages.ts.
 */
import type { Label } from './codelists.ts';

export const WARNING_MESSAGES = {
  'warning.presetUnknown': { zh: '未知的预警标准', en: 'unknown warning preset' },
  'warning.presetShipped': {
    zh: '该标识属于系统内置的预警标准，请换一个标识',
    en: 'this id belongs to a shipped preset; choose another id',
  },
  'warning.presetVersionTaken': {
    zh: '该预警标准的此版本已存在，请提高版本号',
    en: 'this version of the preset exists already; raise the version',
  },
} as const satisfies Record<string, Label>;
