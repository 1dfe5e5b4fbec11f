/**
 * The placeholders a bulletin template may use, as data: the web lists them beside the template editor, the
 * server refuses a template naming any other. A template writes a placeholder by its Chinese name between double
 * braces, {{截至日期}}; code refers to it by its stable English key. Counts render as bare numbers (the template
 * adds 个), money and rates carry their unit (1528.2亿元, 77.3%), changes their direction (增加100亿元, 持平).
 */

/** The groups the placeholders are listed under, in order. */
export const BULLETIN_PLACEHOLDER_GROUP_KEYS = [
  'scope',
  'figures',
  'completion',
  'yearOnYear',
  'industry',
  'examples',
  'funding',
  'warnings',
] as const;

/** The key of a placeholder group. */
export type BulletinPlaceholderGroup = (typeof BULLETIN_PLACEHOLDER_GROUP_KEYS)[number];

/** The Chinese heading of each placeholder group. */
export const BULLETIN_PLACEHOLDER_GROUPS: Readonly<Record<BulletinPlaceholderGroup, string>> = {
  scope: '日期与范围',
  figures: '本期指标',
  completion: '竣工投产',
  yearOnYear: '同比（全口径）',
  industry: '产业项目',
  examples: '项目举例',
  funding: '资金争取',
  warnings: '预警与问题',
};

/** One placeholder a template may use. */
export interface BulletinPlaceholder {
  /** Stable English identifier, for code. */
  readonly key: string;
  /** As written in a template between double braces: 截至日期 → {{截至日期}}. */
  readonly name: string;
  readonly group: BulletinPlaceholderGroup;
  /** What it stands for, in Chinese, for DRC staff editing a template. */
  readonly description: string;
  /** What it renders as for the demo city as of 20 May 2021 (seed 000). */
  readonly example: string;
  /** It may render empty; a paragraph in which it does is left out of the bulletin. */
  readonly optional: boolean;
}

const p = (
  key: string,
  name: string,
  group: BulletinPlaceholderGroup,
  description: string,
  example: string,
  optional = false,
) => ({ key, name, group, description, example, optional }) as const;

/** Every placeholder, in the order the web lists them. */
export const BULLETIN_PLACEHOLDERS = [
  p('asOfDate', '截至日期', 'scope', '统计截至日期（月日）', '5月20日'),
  p('asOfDateFull', '截至年月日', 'scope', '统计截至日期（年月日）', '2021年5月20日'),
  p('year', '年度', 'scope', '统计年度', '2021'),
  p('regionName', '地区名称', 'scope', '通报覆盖的行政区划名称', '大庆市'),
  p('scope', '范围', 'scope', '通报覆盖范围的简称：全市、全区、全县等（按本人管辖或所选区域）', '全市'),
  p('projects', '项目个数', 'figures', '本年度重点项目个数（含新建、续建、储备）', '387'),
  p('newProjects', '新建个数', 'figures', '其中新建项目个数', '210'),
  p('continuingProjects', '续建个数', 'figures', '其中续建项目个数', '177'),
  p('reserveProjects', '储备个数', 'figures', '其中储备项目个数', '0'),
  p('totalInvestment', '总投资', 'figures', '重点项目总投资（亿元，保留一位小数）', '1528.2亿元'),
  p('annualPlan', '年度计划投资', 'figures', '年度计划投资（亿元）', '577.5亿元'),
  p('startedOrResumed', '开复工个数', 'figures', '已开复工项目个数（新建开工 + 续建复工）', '299'),
  p('startedNew', '新建开工个数', 'figures', '新建项目中已开工的个数', '126'),
  p('resumedContinuing', '续建复工个数', 'figures', '续建项目中已复工的个数', '173'),
  p('startRate', '开复工率', 'figures', '开复工率 = 开复工个数 ÷ 项目个数（百分比，一位小数）', '77.3%'),
  p('plannedNewStarts', '计划新开工个数', 'figures', '计划今年新开工的项目个数（新开工率的分母）', '210'),
  p('startedPlannedNew', '新开工个数', 'figures', '计划今年新开工的项目中已开工的个数', '126'),
  p('newStartRate', '新开工率', 'figures', '新开工率 = 新开工个数 ÷ 计划新开工个数', '60.0%'),
  p('completedYtd', '完成投资', 'figures', '年初至截至日期累计完成投资（亿元）', '94.5亿元'),
  p('completionRate', '投资完成率', 'figures', '投资完成率 = 完成投资 ÷ 年度计划投资', '16.4%'),
  p('overPlan150', '超计划150%个数', 'figures', '完成投资超过年度计划150%的项目个数', '0'),
  p(
    'inProductionSummary',
    '竣工投产情况',
    'completion',
    '一句话：已竣工投产项目N个，总投资X亿元；没有时为“暂无项目竣工投产”',
    '暂无项目竣工投产',
  ),
  p('inProductionCount', '竣工投产个数', 'completion', '今年以来已竣工投产的项目个数', '0'),
  p('inProductionInvestment', '竣工投产总投资', 'completion', '已竣工投产项目的总投资（亿元）', '0.0亿元'),
  p(
    'expectedSummary',
    '预计竣工情况',
    'completion',
    '一句话：预计年底前还将有N个项目竣工投产，总投资X亿元；没有时为“年底前暂无其他计划竣工项目”',
    '预计年底前还将有170个项目竣工投产，总投资280.0亿元',
  ),
  p('expectedCount', '预计年底前竣工个数', 'completion', '计划年底前竣工、尚未竣工的项目个数', '170'),
  p('expectedInvestment', '预计年底前竣工总投资', 'completion', '上述项目的总投资（亿元）', '280.0亿元'),
  p('projectsChange', '项目个数同比', 'yearOnYear', '项目个数与去年同期相比：增加N个、减少N个或持平', '持平'),
  p('totalInvestmentChange', '总投资同比', 'yearOnYear', '总投资与去年同期相比（亿元）', '增加100亿元'),
  p('annualPlanChange', '年度计划投资同比', 'yearOnYear', '年度计划投资与去年同期相比（亿元）', '增加45.9亿元'),
  p('startedOrResumedChange', '开复工个数同比', 'yearOnYear', '开复工个数与去年同期相比', '增加2个'),
  p('completedYtdChange', '完成投资同比', 'yearOnYear', '完成投资与去年同期相比（亿元）', '增加8.9亿元'),
  p(
    'startRateChange',
    '开复工率同比',
    'yearOnYear',
    '开复工率与去年同期相比：提高/下降N个百分点或持平（去年无项目时为空）',
    '提高0.6个百分点',
    true,
  ),
  p(
    'completionRateChange',
    '投资完成率同比',
    'yearOnYear',
    '投资完成率与去年同期相比（去年无计划投资时为空）',
    '提高0.3个百分点',
    true,
  ),
  p('industryProjects', '产业项目个数', 'industry', '产业类重点项目个数', '200'),
  p('industryTotalInvestment', '产业项目总投资', 'industry', '产业类重点项目总投资（亿元）', '849.1亿元'),
  p('industryStartedOrResumed', '产业项目开复工个数', 'industry', '产业类项目已开复工个数', '149'),
  p('industryProjectsChange', '产业项目个数同比', 'industry', '产业项目个数与去年同期相比', '增加40个'),
  p('industryTotalInvestmentChange', '产业项目总投资同比', 'industry', '产业项目总投资与去年同期相比', '增加236亿元'),
  p('industryStartedOrResumedChange', '产业项目开复工个数同比', 'industry', '产业项目开复工个数同比', '增加27个'),
  p(
    'startedExamples',
    '新开工重点项目',
    'examples',
    '今年已开工的新建项目中总投资最大的三个，以顿号分隔（没有时为空）',
    '古龙页岩油开发先导试验区产能建设项目、国家光伏、储能实证实验平台（大庆基地）项目、萨尔图区冰上运动中心建设项目',
    true,
  ),
  p(
    'centralBudgetSummary',
    '中央预算内投资情况',
    'funding',
    '一句话：争取中央预算内投资项目N个，总投资X亿元，已下达资金Y亿元（截至日期前的下达记录；没有时为空）',
    '争取中央预算内投资项目82个，总投资361.9亿元，已下达资金39.0亿元',
    true,
  ),
  p(
    'specialBondSummary',
    '专项债券情况',
    'funding',
    '一句话：争取地方政府专项债券项目N个，总投资X亿元，已发行债券资金Y亿元（没有时为空）',
    '争取地方政府专项债券项目93个，总投资409.5亿元，已发行债券资金136.9亿元',
    true,
  ),
  p('warningsSummary', '预警问题摘要', 'warnings', '预警和问题清单的摘要（预警功能上线前为空）', '', true),
] as const satisfies readonly BulletinPlaceholder[];

/** The English key of a placeholder. */
export type BulletinPlaceholderKey = (typeof BULLETIN_PLACEHOLDERS)[number]['key'];

const BY_NAME: ReadonlyMap<string, BulletinPlaceholder & { key: BulletinPlaceholderKey }> = new Map(
  BULLETIN_PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder]),
);

/** The placeholder with this Chinese name, or undefined. */
export function bulletinPlaceholder(name: string): (BulletinPlaceholder & { key: BulletinPlaceholderKey }) | undefined {
  return BY_NAME.get(name);
}
