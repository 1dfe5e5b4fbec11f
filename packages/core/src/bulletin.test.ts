import { describe, expect, it } from 'vitest';
import { wan, yi } from './money.ts';
import { withRates, type FigureTotals } from './statistics.ts';
import type { Figures } from './statistics.types.ts';
import { can } from './roles.ts';
import {
  BULLETIN_PLACEHOLDERS,
  DEFAULT_BULLETIN_TEMPLATE,
  bulletinTemplateIssueMessage,
  bulletinValues,
  emptyFigures,
  renderBulletin,
  validateBulletinTemplate,
  type BulletinData,
} from './bulletin.ts';
import { summariseFunding } from './funding.summary.ts';

function figures(overrides: Partial<FigureTotals>): Figures {
  const { startRate: _s, newStartRate: _n, completionRate: _c, ...totals } = emptyFigures();
  return withRates({ ...totals, ...overrides });
}

/** The figures of seed 000 (大庆, 20 May 2021) and a year earlier, built by hand. */
const seed: BulletinData = {
  asOf: '2021-05-20',
  regionName: '大庆市',
  regionLevel: 'prefecture',
  current: figures({
    projects: 387,
    newProjects: 210,
    continuingProjects: 177,
    totalInvestment: yi('1528.2'),
    annualPlan: yi('577.5'),
    startedOrResumed: 299,
    startedNew: 126,
    resumedContinuing: 173,
    completedYtd: yi('94.5'),
    completedInProduction: { count: 47, totalInvestment: yi('437.76') },
    expectedCompletionByYearEnd: { count: 107, totalInvestment: yi('990.22') },
  }),
  previous: figures({
    projects: 387,
    totalInvestment: yi('1428.2'),
    annualPlan: yi('560'),
    startedOrResumed: 297,
    completedYtd: yi('90'),
  }),
  industry: {
    current: figures({ projects: 240, totalInvestment: yi('1000'), startedOrResumed: 190 }),
    previous: figures({ projects: 200, totalInvestment: yi('764'), startedOrResumed: 163 }),
  },
  startedExamples: ['国家光伏、储能实证实验平台（大庆基地）项目', '古龙页岩油开发先导试验区产能建设项目', '丙', '丁'],
  warningsSummary: '',
};

describe('the default bulletin', () => {
  const bulletin = renderBulletin(DEFAULT_BULLETIN_TEMPLATE, seed);

  it('writes the first paragraph of seed 000 word for word', () => {
    expect(bulletin.paragraphs[0]).toBe(
      '截至5月20日，全市已落实投资500万元以上重点项目387个，其中新建210个、续建177个，总投资1528.2亿元，' +
        '年度计划投资577.5亿元。这387个重点项目，已开复工299个，其中新建126个、续建173个，开复工率77.3%，' +
        '完成投资94.5亿元、投资完成率16.4%。',
    );
  });

  it('writes the year-on-year paragraph with 增加, 减少 and 持平 by sign', () => {
    expect(bulletin.paragraphs[1]).toBe(
      '与去年同期相比，全口径项目总数持平，项目总投资同比增加100亿元，开复工个数同比增加2个；' +
        '产业项目同比增加40个，总投资同比增加236亿元，开复工个数同比增加27个。',
    );
    const fewer = renderBulletin(DEFAULT_BULLETIN_TEMPLATE, {
      ...seed,
      previous: figures({ projects: 390, totalInvestment: yi('1600.25'), startedOrResumed: 299 }),
    });
    expect(fewer.paragraphs[1]).toContain('全口径项目总数减少3个，项目总投资同比减少72.1亿元，开复工个数同比持平；');
  });

  it('writes completions to one decimal of 亿元 and names three of the largest projects started', () => {
    expect(bulletin.paragraphs[2]).toBe(
      '今年以来，全市已竣工投产项目47个，总投资437.8亿元；预计年底前还将有107个项目竣工投产，总投资990.2亿元。',
    );
    const none = { count: 0, totalInvestment: 0n };
    const quiet = renderBulletin(DEFAULT_BULLETIN_TEMPLATE, {
      ...seed,
      current: { ...seed.current, completedInProduction: none, expectedCompletionByYearEnd: none },
    });
    expect(quiet.paragraphs[2]).toBe('今年以来，全市暂无项目竣工投产；年底前暂无其他计划竣工项目。');
    expect(bulletin.paragraphs[3]).toBe(
      '今年新开工的重点项目中，国家光伏、储能实证实验平台（大庆基地）项目、古龙页岩油开发先导试验区产能建设项目、丙' +
        '等一批投资规模大、带动效应强的项目正加快建设。',
    );
  });

  it('leaves out the examples and warnings paragraphs while they would be empty', () => {
    expect(bulletin.paragraphs).toHaveLength(4);
    const none = renderBulletin(DEFAULT_BULLETIN_TEMPLATE, { ...seed, startedExamples: [], warningsSummary: ' ' });
    expect(none.paragraphs).toHaveLength(3);
    const warned = renderBulletin(DEFAULT_BULLETIN_TEMPLATE, { ...seed, warningsSummary: '红色预警3个。' });
    expect(warned.paragraphs.at(-1)).toBe('红色预警3个。');
    expect(warned.text.split('\n\n')).toEqual(warned.paragraphs);
  });

  it('names a district by its own word and an owner’s projects by none', () => {
    const district = renderBulletin('截至{{截至年月日}}，{{范围}}（{{地区名称}}）', {
      ...seed,
      regionName: '肇州县',
      regionLevel: 'county',
    });
    expect(district.text).toBe('截至2021年5月20日，全县（肇州县）');
    const owner = renderBulletin('截至{{截至日期}}，{{范围}}已落实', { ...seed, regionName: '', regionLevel: null });
    expect(owner.text).toBe('截至5月20日，已落实');
  });
});

describe('numbers in a bulletin', () => {
  it('rounds rates to one decimal from the counts, not from the two-decimal rate', () => {
    const values = bulletinValues({
      ...seed,
      current: figures({ projects: 100_000, startedOrResumed: 77_449, annualPlan: wan('3'), completedYtd: wan('1') }),
    });
    // 77.449% is 77.45 to two decimals, which would round again to 77.5.
    expect([values.startRate, values.completionRate]).toEqual(['77.4%', '33.3%']);
    expect(bulletinValues({ ...seed, current: emptyFigures() }).startRate).toBe('—');
  });

  it('says 持平 for a money change that rounds to 0.0亿元 and keeps one decimal otherwise', () => {
    const values = (totalInvestment: bigint) =>
      bulletinValues({ ...seed, previous: figures({ totalInvestment: yi('1528.2') - totalInvestment }) });
    expect(values(wan('300')).totalInvestmentChange).toBe('持平');
    expect(values(wan('-5000')).totalInvestmentChange).toBe('减少0.5亿元');
    expect(values(yi('12.35')).totalInvestmentChange).toBe('增加12.4亿元');
  });

  it('compares rates in percentage points of the printed rates', () => {
    const values = bulletinValues({ ...seed, previous: figures({ projects: 400, startedOrResumed: 300 }) });
    expect(values.startRateChange).toBe('提高2.3个百分点');
    const lower = bulletinValues({ ...seed, previous: figures({ projects: 100, startedOrResumed: 80 }) });
    expect(lower.startRateChange).toBe('下降2.7个百分点');
    expect(bulletinValues({ ...seed, previous: emptyFigures() }).startRateChange).toBe('');
  });
});

describe('funding in a bulletin (issue #13 item 3)', () => {
  it("writes the seed's sentence per source kind and leaves a kind without projects empty", () => {
    const centralBudget = summariseFunding('central_budget', [
      { projectId: 1, totalInvestment: yi('20'), applied: yi('3'), approved: yi('2'), issued: yi('1.25') },
      { projectId: 2, totalInvestment: yi('15.6'), applied: yi('1'), approved: yi('1'), issued: yi('0.5') },
    ]);
    const values = bulletinValues({ ...seed, funding: [centralBudget, summariseFunding('special_bond', [])] });
    expect(values.centralBudgetSummary).toBe('争取中央预算内投资项目2个，总投资35.6亿元，已下达资金1.8亿元');
    expect(values.specialBondSummary).toBe('');
    expect(bulletinValues(seed).centralBudgetSummary).toBe('');
    // An empty placeholder drops its paragraph, as for the other optional ones.
    const rendered = renderBulletin('资金：{{中央预算内投资情况}}\n债券：{{专项债券情况}}', {
      ...seed,
      funding: [centralBudget],
    });
    expect(rendered.paragraphs).toEqual(['资金：争取中央预算内投资项目2个，总投资35.6亿元，已下达资金1.8亿元']);
  });
});

describe('bulletin templates', () => {
  it('accepts every documented placeholder, with spaces inside the braces', () => {
    const all = BULLETIN_PLACEHOLDERS.map((placeholder) => `{{ ${placeholder.name} }}`).join('\n');
    expect(validateBulletinTemplate(all)).toBeNull();
    expect(new Set(BULLETIN_PLACEHOLDERS.map((placeholder) => placeholder.name)).size).toBe(
      BULLETIN_PLACEHOLDERS.length,
    );
    expect(validateBulletinTemplate(DEFAULT_BULLETIN_TEMPLATE)).toBeNull();
  });

  it('refuses unknown placeholders naming each of them once', () => {
    const issue = validateBulletinTemplate('截至{{截止日期}}，{{项目总数}}个\n{{截止日期}}');
    expect(issue).toEqual({ kind: 'unknownPlaceholders', names: ['截止日期', '项目总数'] });
    expect(issue && bulletinTemplateIssueMessage(issue, 'zh')).toBe('模板中有未知的占位符：{{截止日期}}、{{项目总数}}');
  });

  it('refuses unbalanced braces, an empty body and an over-long one', () => {
    expect(validateBulletinTemplate('截至{{截至日期，共{{项目个数}}个')?.kind).toBe('unbalancedBraces');
    expect(validateBulletinTemplate('共{{项目个数}}}}个')?.kind).toBe('unbalancedBraces');
    expect(validateBulletinTemplate('单个花括号{不算}占位符')).toBeNull();
    expect(validateBulletinTemplate(' \n\u3000\n')).toEqual({ kind: 'empty' });
    expect(validateBulletinTemplate('字'.repeat(20_001))?.kind).toBe('tooLong');
    expect(() => renderBulletin('{{未知}}', seed)).toThrow(RangeError);
  });

  it('treats each non-blank line as a paragraph and trims full-width indentation', () => {
    const rendered = renderBulletin('\u3000\u3000第一段{{项目个数}}个。\r\n\r\n  第二段。\n', seed);
    expect(rendered.paragraphs).toEqual(['第一段387个。', '第二段。']);
  });

  it('lets only the city administrator edit templates', () => {
    expect(can('city_admin', 'bulletin.template.edit')).toBe(true);
    expect(can('leader', 'bulletin.template.edit')).toBe(false);
    expect(can('leader', 'bulletin.read')).toBe(true);
    expect(can('system_admin', 'bulletin.read')).toBe(false);
  });
});
