import { describe, expect, it } from 'vitest';
import { cellChoice, cellChoices, isNoteRow, isSummaryLabel } from './ledger.cells.ts';
import {
  ledgerFieldName,
  matchOfficeHeader,
  parseLedgerFieldName,
  splitHeaderPeriod,
  titleYear,
} from './ledger.headers.ts';
import { LEVEL_CHOICES, NATURE_CHOICES } from './ledger.project.ts';

const column = (header: string) => {
  const found = matchOfficeHeader(header);
  return found.kind === 'column' ? { key: found.key, ...(found.period ? { period: found.period } : {}) } : found.kind;
};

describe('office ledger headers', () => {
  it.each([
    ['2021年计划投资', { key: 'annualPlan', period: { year: 2021 } }],
    ['2021年度计划投资（万元）', { key: 'annualPlan', period: { year: 2021 } }],
    ['年度计划投资', { key: 'annualPlan', period: {} }],
    ['1-9月完成投资', { key: 'completedYtd', period: { month: 9 } }],
    ['2021年1—9月完成投资(万元)', { key: 'completedYtd', period: { year: 2021, month: 9 } }],
    ['截至9月底累计完成投资', { key: 'completedYtd', period: { month: 9 } }],
    ['累计完成投资', { key: 'completedYtd', period: {} }],
    ['形象进度', { key: 'progressText' }],
    ['1-9月形象进度', { key: 'progressText' }],
    ['责任单位', { key: 'responsibleUnit' }],
    ['包联县级领导', { key: 'responsibleLeader' }],
    ['包联领导', { key: 'responsibleLeader' }],
    ['建设单位', { key: 'owner' }],
    ['新建/续建', { key: 'nature' }],
    ['*项目名称', { key: 'name' }],
    ['项目代码', { key: 'code' }],
  ])('reads “%s”', (header, expected) => {
    expect(column(header)).toEqual(expected);
  });

  it('keeps completion since the start for people, and knows nothing of a stray header', () => {
    expect(column('开工以来累计完成投资')).toBe('ignored');
    expect(column('备用列')).toBe('unknown');
  });

  it('takes the period out of a header', () => {
    expect(splitHeaderPeriod('2021年1-9月完成投资')).toEqual({ rest: '完成投资', period: { year: 2021, month: 9 } });
    expect(titleYear(['萨尔图区2021年重点项目推进情况台账'])).toBe(2021);
    expect(titleYear(['重点项目台账'])).toBeUndefined();
  });

  it('names a field with its period and reads it back', () => {
    expect(ledgerFieldName('completedYtd', 202109)).toBe('completedYtd.2021-09');
    expect(ledgerFieldName('annualPlan', 2021)).toBe('annualPlan.2021');
    expect(parseLedgerFieldName('completedYtd.2021-09')).toEqual({ key: 'completedYtd', param: 202109 });
    expect(parseLedgerFieldName('name')).toEqual({ key: 'name' });
    expect(parseLedgerFieldName('a.b')).toBeNull();
  });
});

describe('office labels and rows', () => {
  it.each([
    ['区重点', 'county'],
    ['县重点', 'county'],
    ['区级', 'county'],
    ['市级', 'municipal'],
    ['省级', 'provincial'],
  ])('reads the level “%s”', (label, code) => {
    expect(cellChoices({ type: 'text', text: label }, LEVEL_CHOICES)).toEqual({ ok: true, value: [code] });
  });

  it('reads 续建 and 新开工', () => {
    expect(cellChoice({ type: 'text', text: '续建' }, NATURE_CHOICES)).toEqual({ ok: true, value: 'continuing' });
    expect(cellChoice({ type: 'text', text: '新开工' }, NATURE_CHOICES)).toEqual({ ok: true, value: 'new' });
  });

  it('tells notes, group titles and signatures from data rows', () => {
    const text = (value: string) => ({ type: 'text' as const, text: value });
    expect(isNoteRow([text('注：完成投资为当年累计数')])).toBe(true);
    expect(isNoteRow([text('一、产业项目（50个）')])).toBe(true);
    expect(isNoteRow([text('填表人：张三'), { type: 'empty' }, text('联系电话：0459')])).toBe(true);
    expect(isNoteRow([text('某项目'), text('某单位')])).toBe(false);
    expect(isSummaryLabel(text('合 计'))).toBe(true);
  });
});
