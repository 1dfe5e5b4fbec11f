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
} as const satisfies Record<string, Label>;
