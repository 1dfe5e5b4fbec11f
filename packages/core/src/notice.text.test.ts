import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_TEMPLATES,
  noticeDateLine,
  noticePeriod,
  noticeValues,
  renderNotice,
  validateNoticeTemplate,
  type NoticeData,
} from './notice.text.ts';

const data: NoticeData = {
  kind: 'weekly',
  from: '2021-05-14',
  to: '2021-05-20',
  regionName: '大庆市',
  regionLevel: 'prefecture',
  warningsRaised: { red: 2, yellow: 3 },
  warningsCleared: 1,
  activeRed: 4,
  activeYellow: 9,
  problemsOpened: 3,
  problemsResolved: 2,
  problemsClosed: 1,
  problemsOpen: 12,
  problemsOverdue: 3,
  districts: [
    { name: '龙凤区', activeRed: 0, activeYellow: 1, problemsOverdue: 0 },
    { name: '萨尔图区', activeRed: 2, activeYellow: 3, problemsOverdue: 1 },
    { name: '让胡路区', activeRed: 0, activeYellow: 0, problemsOverdue: 0 },
  ],
  units: [
    { name: '市住建局', problemsOpen: 2, problemsOverdue: 0 },
    { name: '市自然资源局', problemsOpen: 3, problemsOverdue: 1 },
  ],
  warningExamples: [
    { projectName: '乙项目', districtName: '龙凤区', level: 'yellow', text: '计划2021年4月1日开工，仍未开工' },
    {
      projectName: '甲项目',
      districtName: '萨尔图区',
      level: 'red',
      text: '完成投资120万元，序时进度应完成310万元，落后61%',
    },
  ],
  overdueExamples: [{ projectName: '甲项目', title: '用地报批', unitName: '市自然资源局', dueOn: '2021-05-10' }],
};

describe('the daily and weekly notices', () => {
  it('cover the day, or the seven days ending on the date', () => {
    expect(noticePeriod('daily', '2021-05-20')).toEqual({ from: '2021-05-20', to: '2021-05-20' });
    expect(noticePeriod('weekly', '2021-05-20')).toEqual({ from: '2021-05-14', to: '2021-05-20' });
    expect(noticePeriod('weekly', '2021-03-03')).toEqual({ from: '2021-02-25', to: '2021-03-03' });
    expect(noticeDateLine('2021-05-14', '2021-05-20')).toBe('（2021年5月14日至5月20日）');
  });

  it('write districts and units worst first, leaving out those with nothing to report', () => {
    const values = noticeValues(data);
    expect(values.byDistrict).toBe('萨尔图区红色预警2个、黄色预警3个、逾期问题1个；龙凤区黄色预警1个');
    expect(values.byUnit).toBe('市自然资源局在办问题3个、其中逾期1个；市住建局在办问题2个');
    expect(values.period).toBe('5月14日至5月20日');
    expect(values.scope).toBe('全市');
  });

  it('name projects with their figures, red first, and overdue problems with unit and days late', () => {
    const values = noticeValues(data);
    expect(values.warningExamples).toBe(
      '甲项目（萨尔图区）完成投资120万元，序时进度应完成310万元，落后61%；乙项目（龙凤区）计划2021年4月1日开工，仍未开工',
    );
    expect(values.overdueExamples).toBe('甲项目“用地报批”（责任单位：市自然资源局，应于5月10日前解决，已逾期10天）');
  });

  it('render the default weekly template with every figure in place', () => {
    const { paragraphs } = renderNotice(DEFAULT_NOTICE_TEMPLATES.weekly, data);
    expect(paragraphs[0]).toBe(
      '本周（5月14日至5月20日），全市重点项目新增预警5个，其中红色预警2个、黄色预警3个，解除预警1个。' +
        '截至5月20日，全市共有红色预警4个、黄色预警9个。',
    );
    expect(paragraphs[1]).toContain('在办问题12个，其中逾期未解决3个');
    expect(paragraphs).toHaveLength(6);
  });

  it('leave out a paragraph whose optional list is empty', () => {
    const quiet = {
      ...data,
      kind: 'daily' as const,
      districts: [],
      units: [],
      warningExamples: [],
      overdueExamples: [],
    };
    const { paragraphs } = renderNotice(DEFAULT_NOTICE_TEMPLATES.daily, quiet);
    expect(paragraphs).toHaveLength(2);
  });

  it('refuse unknown placeholders by name, like the bulletin', () => {
    expect(validateNoticeTemplate('{{通报日期}}{{截至日期}}{{无此项}}')).toEqual({
      kind: 'unknownPlaceholders',
      names: ['截至日期', '无此项'],
    });
    expect(validateNoticeTemplate('  \n ')).toEqual({ kind: 'empty' });
    expect(validateNoticeTemplate(DEFAULT_NOTICE_TEMPLATES.daily)).toBeNull();
  });
});
