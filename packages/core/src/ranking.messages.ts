/** The rankings' and the attraction pipeline's part of the message catalogue (MESSAGES in messages.ts). */
import type { Label } from './codelists.ts';

export const RANKING_MESSAGES = {
  'ranking.indicatorUnknown': { zh: '未知的排名指标', en: 'unknown ranking indicator' },
  'ranking.indicatorTwice': { zh: '同一指标在方案中出现了两次', en: 'the indicator appears twice in the scheme' },
  'ranking.pointsInvalid': {
    zh: '分值须为 -1000 至 1000 之间、最多两位小数的数字',
    en: 'points must be a number from -1000 to 1000 with at most two decimals',
  },
  'ranking.tierInvalid': {
    zh: '档次下限须为亿元数（最多四位小数）',
    en: 'a tier bound must be 亿元 with up to four decimals',
  },
  'ranking.tierOrder': { zh: '档次须按下限从高到低排列且不重复', en: 'tiers must run from the highest bound down' },
  'ranking.formulaMismatch': { zh: '该指标不能使用此计分公式', en: 'this indicator cannot take this formula' },
  'ranking.adjustmentOrder': { zh: '加减分的下限不能高于上限', en: 'the adjustment minimum is above its maximum' },
  'ranking.adjustmentOutOfBounds': {
    zh: '{unit} 的“{indicator}”加减分超出方案允许的范围',
    en: "{unit}: an adjustment of '{indicator}' is outside the scheme's bounds",
  },
  'ranking.valueKind': {
    zh: '{unit} 的“{indicator}”取值类型与指标不符',
    en: "{unit}: the value of '{indicator}' is not of the indicator's kind",
  },
  'ranking.adjustmentBounds': {
    zh: '分值须在方案允许的 {min} 至 {max} 之间',
    en: "the points must lie within the scheme's bounds, {min} to {max}",
  },
  'ranking.noAdjustmentTerm': { zh: '该方案没有加减分项', en: 'the scheme has no adjustment term' },
  'ranking.notDistrict': { zh: '请选择本市的一个县区', en: "choose one of the city's districts" },
  'ranking.schemeUnknown': { zh: '未知的排名方案', en: 'unknown ranking scheme' },
  'ranking.periodInvalid': {
    zh: '期别须写作 2021-05、2021-Q2、2021-H1 或 2021',
    en: 'the period must read 2021-05, 2021-Q2, 2021-H1 or 2021',
  },
  'ranking.periodKind': {
    zh: '期别与方案的排名周期（月度、季度、半年、年度）不符',
    en: "the period is not of the scheme's kind (month, quarter, half-year, year)",
  },
  'ranking.noData': {
    zh: '{period} 没有可排名的数据（该期尚无项目或月报）',
    en: 'there is nothing to rank for {period} (no projects or monthly reports in the period)',
  },
  'ranking.noUnits': { zh: '该地区下没有可排名的县区', en: 'the region has no districts to rank' },
  'ranking.noDepartments': { zh: '该市没有可排名的责任单位', en: 'the city has no responsible units to rank' },
  'ranking.regionNotCity': {
    zh: '排名按市辖县区进行，请选择一个市',
    en: "rankings compare a city's districts: choose a city",
  },
} as const satisfies Record<string, Label>;

/** The attraction pipeline's refusals (attraction.ts's leadMoveRefusal). */
export const ATTRACTION_MESSAGES = {
  'attraction.moveNotAllowed': {
    zh: '线索只能逐级推进（洽谈→框架协议→正式签约），项目入库后不能终止',
    en: 'a lead moves one stage at a time (talks → framework → contract) and cannot be dropped once it is a project',
  },
  'attraction.registerByConversion': {
    zh: '转入重点项目库须通过“转为项目”完成，系统会带入线索信息',
    en: 'a lead is registered by converting it into a project, which carries its data',
  },
  'attraction.upgradeNeedsCapacity': {
    zh: '项目达产后才能进入技改清单',
    en: 'a lead reaches the upgrade list only once its project runs at full capacity',
  },
} as const satisfies Record<string, Label>;
