/** Funding summaries in the seeds' wording, summed exactly and counting a project once per source kind. */
import { describe, expect, it } from 'vitest';
import { fundingSentence, summariseFunding } from './funding.summary.ts';
import { yi } from './money.ts';

const line = (projectId: number, total: string, applied: string, approved: string, issued: string) => ({
  projectId,
  totalInvestment: yi(total),
  applied: yi(applied),
  approved: yi(approved),
  issued: yi(issued),
});

describe('funding summaries', () => {
  const central = summariseFunding('central_budget', [
    line(1, '20.5', '3', '2.5', '2'),
    line(2, '15.1', '2.4', '2.2', '1.5'),
    line(2, '15.1', '0.8', '0.8', '0.7'), // a second tranche of project 2: its investment counts once
  ]);

  it('sums the amounts exactly and counts each project once', () => {
    expect(central).toEqual({
      kind: 'central_budget',
      projects: 2,
      totalInvestment: yi('35.6'),
      applied: yi('6.2'),
      approved: yi('5.5'),
      issued: yi('4.2'),
    });
  });

  it("writes the seeds' sentence", () => {
    expect(fundingSentence(central, 'zh')).toBe('争取中央预算内投资项目2个，总投资35.6亿元，已下达资金4.2亿元');
    expect(fundingSentence(summariseFunding('special_bond', [line(7, '8', '5', '5', '4.95')]), 'zh')).toBe(
      '争取地方政府专项债券项目1个，总投资8.0亿元，已发行债券资金5.0亿元',
    );
    expect(fundingSentence(central, 'en')).toBe(
      '2 central-budget projects secured, total investment 35.6 亿元, 4.2 亿元 issued',
    );
  });

  it('says none when there is nothing of the kind', () => {
    expect(fundingSentence(summariseFunding('provincial_fund', []), 'zh')).toBe(
      '争取省级专项资金项目0个，总投资0.0亿元，已下达资金0.0亿元',
    );
  });
});
