import { describe, expect, it } from 'vitest';
import {
  cellBoolean,
  cellChoices,
  cellDate,
  cellMoney,
  cellText,
  excelNumberText,
  neutraliseText,
  normaliseHeader,
  restoreNeutralisedText,
} from './ledger.cells.ts';
import { LEVEL_CHOICES, matchProjectLedgerHeader } from './ledger.project.ts';

const text = (value: string) => ({ type: 'text', text: value }) as const;

describe('ledger cells', () => {
  it('neutralises text that a spreadsheet would run as a formula, and restores it on import', () => {
    for (const value of ['=1+2', '+86 459', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseText(value)).toBe(`'${value}`);
      expect(restoreNeutralisedText(neutraliseText(value))).toBe(value);
    }
    expect(neutraliseText('普通文本')).toBe('普通文本');
    expect(restoreNeutralisedText("'普通")).toBe("'普通");
  });

  it('reads Excel numbers as Excel shows them', () => {
    expect(excelNumberText(1234.5600000000002)).toBe('1234.56');
    expect(excelNumberText(1e21)).toBeNull();
    expect(cellMoney({ type: 'number', value: 12500.5 })).toEqual({ ok: true, value: 12_500_500_000n });
    expect(cellMoney(text(' 1,234,567.89 '))).toEqual({ ok: true, value: 1_234_567_890_000n });
    expect(cellMoney(text('1,2'))).toEqual({ ok: false, problem: { key: 'money.invalid' } });
  });

  it('accepts real dates and YYYY-MM-DD or YYYY/M/D text, refusing other forms with the value', () => {
    expect(cellDate({ type: 'date', date: new Date(Date.UTC(2021, 3, 1)) })).toEqual({ ok: true, value: '2021-04-01' });
    expect(cellDate(text('2021/4/1'))).toEqual({ ok: true, value: '2021-04-01' });
    expect(cellDate(text('2021-4-1'))).toEqual({ ok: true, value: '2021-04-01' });
    expect(cellDate(text('2021.4.1'))).toEqual({
      ok: false,
      problem: { key: 'cell.date', params: { value: '2021.4.1' } },
    });
    expect(cellDate({ type: 'number', value: 44287 })).toMatchObject({ ok: false });
    expect(cellDate({ type: 'formula' })).toEqual({ ok: false, problem: { key: 'cell.formula' } });
  });

  it('maps labels, aliases and codes of a codelist, several to a cell', () => {
    expect(cellChoices(text('省重点、市级重点，county'), LEVEL_CHOICES)).toEqual({
      ok: true,
      value: ['provincial', 'municipal', 'county'],
    });
    expect(cellChoices(text('国家重点'), LEVEL_CHOICES)).toMatchObject({ ok: false, problem: { key: 'cell.choice' } });
    expect(cellBoolean(text('是'))).toEqual({ ok: true, value: true });
    expect(cellBoolean(text('未入统'))).toEqual({ ok: true, value: false });
    expect(cellText({ type: 'error', text: '#N/A' })).toEqual({
      ok: false,
      problem: { key: 'cell.error', params: { value: '#N/A' } },
    });
  });

  it('recognises headers by synonym, width and required marks, and year columns by pattern', () => {
    expect(normaliseHeader(' *总投资（万元） ')).toBe('总投资(万元)');
    expect(matchProjectLedgerHeader('计划总投资')).toEqual({
      kind: 'column',
      key: 'totalInvestment',
      importable: true,
    });
    expect(matchProjectLedgerHeader('统一代码')).toMatchObject({ key: 'code' });
    expect(matchProjectLedgerHeader('业主单位')).toMatchObject({ key: 'owner' });
    expect(matchProjectLedgerHeader('2025年度计划投资(万元)')).toEqual({
      kind: 'column',
      key: 'annualPlan',
      param: 2025,
      importable: true,
    });
    expect(matchProjectLedgerHeader('总投资（亿元）')).toMatchObject({ importable: false });
    expect(matchProjectLedgerHeader('序号')).toEqual({ kind: 'ignored' });
    expect(matchProjectLedgerHeader('随便')).toEqual({ kind: 'unknown' });
  });
});
