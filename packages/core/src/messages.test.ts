import { describe, expect, it } from 'vitest';
import { EVENT_MESSAGES } from './event.messages.ts';
import { FINANCING_MESSAGES } from './financing.messages.ts';
import { LIFECYCLE_MESSAGES } from './lifecycle.messages.ts';
import { PLAN_MESSAGES } from './plan.messages.ts';
import { LEDGER_MESSAGES } from './ledger.messages.ts';
import { MEETING_MESSAGES } from './meeting.messages.ts';
import { GENERAL_MESSAGES, MESSAGES, message, messageText } from './messages.ts';
import { PROBLEM_MESSAGES } from './problem.messages.ts';
import { ATTRACTION_FLOW_MESSAGES } from './attraction.messages.ts';
import { ATTRACTION_MESSAGES, RANKING_MESSAGES } from './ranking.messages.ts';
import { REPORT_DESK_MESSAGES } from './report-desk.messages.ts';
import { REPORT_HISTORY_MESSAGES } from './report.history.messages.ts';
import { SERVICE_MESSAGES } from './service.messages.ts';
import { WARNING_MESSAGES } from './warning.messages.ts';

/** The catalogue's parts, each kept by its own domain; MESSAGES joins them. */
const MESSAGE_PARTS = {
  EVENT_MESSAGES,
  FINANCING_MESSAGES,
  GENERAL_MESSAGES,
  LIFECYCLE_MESSAGES,
  PLAN_MESSAGES,
  LEDGER_MESSAGES,
  MEETING_MESSAGES,
  PROBLEM_MESSAGES,
  RANKING_MESSAGES,
  ATTRACTION_MESSAGES,
  ATTRACTION_FLOW_MESSAGES,
  REPORT_DESK_MESSAGES,
  REPORT_HISTORY_MESSAGES,
  SERVICE_MESSAGES,
  WARNING_MESSAGES,
};

const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('joins its parts without one hiding a key of another', () => {
    const keys = Object.values(MESSAGE_PARTS).flatMap((part) => Object.keys(part));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(Object.keys(MESSAGES)).toHaveLength(keys.length);
  });

  it('has every message in both languages with the same parameters', () => {
    for (const [key, { zh, en }] of Object.entries(MESSAGES)) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(paramsOf(zh), key).toEqual(paramsOf(en));
    }
  });

  it('fills parameters, leaves unknown ones visible, and passes plain text through', () => {
    expect(message('file.tooManyEntries', 'zh', { limit: 10_000 })).toBe('文件内部条目过多（超过 10000 个），已拒绝');
    expect(message('file.tooManyEntries', 'en')).toBe('the file has too many internal entries (over {limit}); refused');
    expect(message('money.negative', 'en')).toBe('must not be negative');
    expect(messageText('money.negative', 'zh')).toBe('不能为负数');
    expect(messageText('已是一条消息', 'en')).toBe('已是一条消息');
  });
});
