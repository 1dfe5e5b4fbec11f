import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './command.ts';

describe('CLI arguments', () => {
  it('takes values after named options, booleans alone, and the rest as positionals', () => {
    expect(
      parseCliArgs(['import', 'ledger.xlsx', '--dry-run', '--json', '--region', '230604', '--out=a.docx']),
    ).toEqual({
      values: { 'dry-run': true, json: true, region: '230604', out: 'a.docx' },
      positionals: ['import', 'ledger.xlsx'],
    });
  });
});
