/**
 * The groundbreaking events' (集中开工) and three batches' (三个一批) part of the one message catalogue (MESSAGES in
 * messages.ts), in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Event and batch messages by key; {name} marks a parameter. */
export const EVENT_MESSAGES = {
  'event.level': {
    zh: '集中开工级别应为省级、市级、行业或功能区',
    en: 'the event level must be provincial, city, industry or function zone',
  },
} as const satisfies Record<string, Label>;
