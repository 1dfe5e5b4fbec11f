import { describe, expect, it } from 'vitest';
import { hasProjectCodeShape, parseProjectCode } from './project-code.ts';
import { isWithinRegion, parentRegionCode, regionLevel, regionPrefix } from './region.ts';

const known = new Set(['320193', '230602']);
const isKnown = (code: string) => known.has(code);

describe('project code', () => {
  it('accepts the DOMAIN example and splits it', () => {
    const result = parseProjectCode('2509-320193-89-01-544060', isKnown);
    expect(result).toEqual({
      ok: true,
      parts: {
        issueYear: 2025,
        issueMonth: 9,
        areaCode: '320193',
        departmentCode: '89',
        typeCode: '01',
        serial: '544060',
      },
    });
  });

  it('names what is wrong', () => {
    expect(parseProjectCode('2509-320193-89-01-54406', isKnown)).toEqual({
      ok: false,
      problem: 'projectCode.malformed',
    });
    expect(parseProjectCode('2509320193-89-01-5440600', isKnown)).toEqual({
      ok: false,
      problem: 'projectCode.malformed',
    });
    expect(parseProjectCode('2513-320193-89-01-544060', isKnown)).toEqual({ ok: false, problem: 'projectCode.month' });
    expect(parseProjectCode('2509-999999-89-01-544060', isKnown)).toEqual({ ok: false, problem: 'projectCode.area' });
    expect(hasProjectCodeShape('2509-32O193-89-01-544060')).toBe(false);
  });
});

describe('region codes', () => {
  it('derives level, prefix and parent from the code', () => {
    expect(regionLevel('230000')).toBe('province');
    expect(regionLevel('230600')).toBe('prefecture');
    expect(regionLevel('230602')).toBe('county');
    expect(regionPrefix('230600')).toBe('2306');
    expect(parentRegionCode('230602')).toBe('230600');
    expect(parentRegionCode('230600')).toBe('230000');
    expect(isWithinRegion('230602', '230600')).toBe(true);
    expect(isWithinRegion('230602', '230603')).toBe(false);
    expect(isWithinRegion('510104', '230000')).toBe(false);
  });
});
