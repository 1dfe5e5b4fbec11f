import { describe, expect, it } from 'vitest';
import { isLedgerFileName } from './ledger.files.ts';

describe('ledger file names', () => {
  it('accepts the xlsx, xls, WPS et and 2003 XML names in any case, and nothing else', () => {
    for (const name of ['台账.xlsx', '2021年台账.XLS', '萨尔图区.et', '模板.Xml'])
      expect(isLedgerFileName(name)).toBe(true);
    for (const name of ['台账.csv', '台账.xlsx.exe', '台账.docx', 'xlsx', '台账.xlsm'])
      expect(isLedgerFileName(name)).toBe(false);
  });
});
