/** The events' summary sentence, counted by hand: four events of three levels, five projects, 10.85亿 → 10.9亿 (half up). */
import { describe, expect, it } from 'vitest';
import { summarizeEvents } from './event.summary.ts';
import { wan, yi } from './money.ts';

describe('the groundbreaking events’ summary', () => {
  it('counts events by level, projects and total investment in the seed’s words', () => {
    const summary = summarizeEvents([
      { level: 'provincial', projectInvestments: [yi(5)] },
      { level: 'city', projectInvestments: [yi(3), wan(15000)] },
      { level: 'city', projectInvestments: [] },
      { level: 'function_zone', projectInvestments: [yi(1), wan(3500)] },
    ]);
    expect(summary.byLevel).toEqual({ provincial: 1, city: 2, industry: 0, function_zone: 1 });
    expect(summary.projects).toBe(5);
    expect(summary.totalInvestment).toBe(yi('10.85'));
    expect(summary.text).toBe(
      '截至目前，已承办省级集中开工1次，举办全市重大项目集中开工2次、产业功能区重大项目集中开工1次，' +
        '开工项目5个，总投资10.9亿元',
    );
  });

  it('leaves out the kinds not held, and says so when none was', () => {
    const city = summarizeEvents([{ level: 'city', projectInvestments: [yi('1.2')] }]);
    expect(city.text).toBe('截至目前，举办全市重大项目集中开工1次，开工项目1个，总投资1.2亿元');
    expect(summarizeEvents([]).text).toBe('截至目前，尚未举办集中开工活动');
  });
});
