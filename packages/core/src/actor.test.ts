import { describe, expect, it } from 'vitest';
import { actorLabel } from './actor.ts';

describe('actorLabel', () => {
  it("names the demo seed 系统（演示数据）, not 'system:demo'", () => {
    expect(actorLabel({ name: null, username: 'system:demo' }, 'zh')).toBe('系统（演示数据）');
    expect(actorLabel({ name: null, username: 'system:demo' }, 'en')).toBe('System (demo data)');
  });

  it("prefers the user's display name to the username", () => {
    expect(actorLabel({ name: '张伟', username: 'daqing.admin' }, 'zh')).toBe('张伟');
    expect(actorLabel({ name: null, username: 'daqing.admin' }, 'en')).toBe('daqing.admin');
  });

  it('names an unknown technical actor and a job without one', () => {
    expect(actorLabel({ name: null, username: 'system:nightly' }, 'zh')).toBe('系统（nightly）');
    expect(actorLabel({ name: null, username: null }, 'zh')).toBe('系统');
    expect(actorLabel({ name: null, username: null }, 'en')).toBe('System');
  });
});
