import { describe, expect, it } from 'vitest';
import { formatWan, formatYi, parseWan, percent, sumFen, wan, yi } from './money.ts';

describe('money', () => {
  it('parses 万元 decimals exactly to the fen', () => {
    expect(parseWan('1528200000.00')).toBe(1_528_200_000_000_000n);
    expect(parseWan('0.000001')).toBe(1n);
    expect(parseWan(12.34)).toBe(12_340_000n);
    expect(parseWan('-5')).toBe(-5_000_000n);
  });

  it('rejects what is not a plain decimal amount', () => {
    for (const bad of ['', 'abc', '1e5', '1.0000001', '12,3', '--1', ' ', '1.', Number.NaN, Infinity, 1e21]) {
      expect(parseWan(bad)).toBeNull();
    }
  });

  it('sums without floating error where floats drift', () => {
    const amounts = Array.from({ length: 10 }, () => parseWan('0.1') ?? 0n);
    expect(formatWan(sumFen(amounts))).toBe('1.00');
    expect([0.1, 0.2].reduce((a, b) => a + b)).not.toBe(0.3);
    expect(formatWan(sumFen([wan('0.1'), wan('0.2')]))).toBe('0.30');
  });

  it('formats 亿元 rounded half up and 万元 without loss', () => {
    expect(formatYi(yi('1528.2'))).toBe('1528.2');
    expect(formatYi(yi('94.45'))).toBe('94.5');
    expect(formatYi(yi('3568.05'), 2)).toBe('3568.05');
    expect(formatWan(wan('12.345678'))).toBe('12.345678');
    expect(formatWan(-wan('3'))).toBe('-3.00');
  });

  it('computes the seeds’ rates', () => {
    expect(percent(299n, 387n)).toBe('77.3');
    expect(percent(yi('94.5'), yi('577.5'))).toBe('16.4');
    expect(percent(yi('3568.05'), yi('4606.99'), 2)).toBe('77.45');
    expect(percent(215n, 308n, 2)).toBe('69.81');
    expect(percent(27n, 33n, 2)).toBe('81.82');
    expect(percent(1n, 0n)).toBeNull();
  });
});
