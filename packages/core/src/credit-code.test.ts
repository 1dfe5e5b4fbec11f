import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.ts';

describe('unified social credit code', () => {
  it('accepts published codes and rejects a changed check character', () => {
    // Published codes of well-known companies (Huawei, Tencent Shenzhen).
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91440300192203821')).toBe(false);
    expect(isValidCreditCode('9144030019220382IO')).toBe(false);
  });

  it('computes the check character that completes a code', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
  });
});
