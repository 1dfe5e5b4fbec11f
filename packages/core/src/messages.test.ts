import { describe, expect, it } from 'vitest';
import { LEDGER_MESSAGES } from './ledger.messages.ts';
import { MEETING_MESSAGES } from './meeting.messages.ts';
import { PROBLEM_MESSAGES } from './problem.messages.ts';
import { GENERAL_MESSAGES, MESSAGES, message, messageText } from './messages.ts';

const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('joins the general and the ledger messages without either hiding a key of the other', () => {
    const general = Object.keys(GENERAL_MESSAGES);
    const ledger = Object.keys(LEDGER_MESSAGES);
    const problem = Object.keys(PROBLEM_MESSAGES);
    const meeting = Object.keys(MEETING_MESSAGES);
    const parts = [general, ledger, problem, meeting];
    // No key in two parts: the catalogue is as long as its parts together.
    expect(new Set(parts.flat()).size).toBe(parts.flat().length);
    expect(Object.keys(MESSAGES)).toHaveLength(parts.flat().length);
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
