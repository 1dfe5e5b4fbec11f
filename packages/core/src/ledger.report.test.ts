import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './ledger.cells.ts';
import {
  REPORT_LEDGER_COLUMNS,
  cellPercent,
  matchReportLedgerHeader,
  readReportCell,
  reportLedgerColumn,
} from './ledger.report.ts';

const text = (value: string) => ({ type: 'text', text: value }) as const;

describe('the monthly-report ledger headers', () => {
  it('recognises the standard headers, their synonyms and the usual width and mark variants', () => {
    expect(matchReportLedgerHeader('*本月完成投资（万元）')).toEqual({
      kind: 'column',
      key: 'completedThisMonth',
      importable: true,
    });
    expect(matchReportLedgerHeader('当月完成投资(万元)')).toMatchObject({ key: 'completedThisMonth' });
    expect(matchReportLedgerHeader('项目代码')).toMatchObject({ key: 'code', importable: true });
    expect(matchReportLedgerHeader('工程形象进度')).toMatchObject({ key: 'progressText' });
    expect(matchReportLedgerHeader('形象进度(%)')).toMatchObject({ key: 'progressPercent' });
    expect(matchReportLedgerHeader('在岗人数')).toMatchObject({ key: 'workers' });
    expect(matchReportLedgerHeader('机械台数')).toMatchObject({ key: 'machines' });
    expect(matchReportLedgerHeader('是否开复工')).toMatchObject({ key: 'started' });
    expect(matchReportLedgerHeader('开复工日期')).toMatchObject({ key: 'startedOn' });
    expect(matchReportLedgerHeader('Completed this month (10k yuan)')).toMatchObject({ key: 'completedThisMonth' });
  });

  it('knows the columns kept for people and ignores them on import', () => {
    for (const header of [
      '项目名称',
      '项目单位',
      '填报状态',
      '年度计划投资（万元）',
      '本年累计完成投资（万元）',
      '投资完成率',
    ]) {
      expect(matchReportLedgerHeader(header)).toMatchObject({ kind: 'column', importable: false });
    }
    expect(matchReportLedgerHeader('序号')).toEqual({ kind: 'ignored' });
    expect(matchReportLedgerHeader('总投资（万元）')).toEqual({ kind: 'unknown' });
  });

  it('gives every header and synonym to exactly one column', () => {
    const owners = new Map<string, string>();
    for (const column of REPORT_LEDGER_COLUMNS) {
      for (const header of [column.header.zh, column.header.en, ...column.synonyms]) {
        const key = normaliseHeader(header);
        expect(owners.get(key) ?? column.key, header).toBe(column.key);
        owners.set(key, column.key);
        expect(matchReportLedgerHeader(header)).toMatchObject({ key: column.key });
      }
    }
    expect(reportLedgerColumn('code').required).toBe(true);
  });
});

describe('the monthly-report ledger cells', () => {
  it('reads percentages with or without a % sign', () => {
    expect(cellPercent(text('35%'))).toEqual({ ok: true, value: 35 });
    expect(cellPercent(text(' 12.5 '))).toEqual({ ok: true, value: 12.5 });
    expect(cellPercent({ type: 'number', value: 80 })).toEqual({ ok: true, value: 80 });
    expect(cellPercent(text('大半'))).toEqual({
      ok: false,
      problem: { key: 'cell.number', params: { value: '大半' } },
    });
  });

  it('reads started as 是/否 or 已开工/未开工, amounts as exact fen and refuses a wrong date form', () => {
    expect(readReportCell('started', text('已开工'))).toEqual({ ok: true, value: true });
    expect(readReportCell('started', text('否'))).toEqual({ ok: true, value: false });
    expect(readReportCell('completedThisMonth', text('1,234.5'))).toEqual({ ok: true, value: 1_234_500_000n });
    expect(readReportCell('startedOn', text('2021年4月1日'))).toMatchObject({
      ok: false,
      problem: { key: 'cell.date' },
    });
    expect(readReportCell('workers', { type: 'formula' })).toEqual({ ok: false, problem: { key: 'cell.formula' } });
  });
});
