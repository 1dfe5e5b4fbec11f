import { describe, expect, it } from 'vitest';
import { findForbiddenText, hasForbiddenCharacters } from './text.ts';

describe('forbidden characters', () => {
  it('finds NUL and lone surrogates, and accepts paired surrogates and ordinary text', () => {
    expect(hasForbiddenCharacters('大庆\u0000市')).toBe(true);
    expect(hasForbiddenCharacters('a\uD800b')).toBe(true);
    expect(hasForbiddenCharacters('a\uDC00')).toBe(true);
    expect(hasForbiddenCharacters('\uD800')).toBe(true);
    expect(hasForbiddenCharacters('\uDC00\uD800')).toBe(true);
    expect(hasForbiddenCharacters('𠀀 😀 大庆 \t\n')).toBe(false);
    expect(hasForbiddenCharacters('')).toBe(false);
  });

  it('names the path of the first bad string in a nested value, keys included', () => {
    expect(findForbiddenText({ a: 'ok', b: [1, 'x', { c: 'y\u0000' }] })).toEqual(['b', 2, 'c']);
    expect(findForbiddenText({ projects: [{ 'ti\uD800tle': 1 }] })).toEqual(['projects', 0]);
    expect(findForbiddenText({ a: ['fine', null, true, 3] })).toBeNull();
    expect(findForbiddenText('\u0000')).toEqual([]);
  });

  it('walks a very deep value without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(findForbiddenText(deep)).toHaveLength(100_000);
  });
});
