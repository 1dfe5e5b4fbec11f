/**
 * Name pools of the 大庆市 demo: its districts and counties (GB/T 2260) with their seats, towns and parks, invented
 * company-name parts, city leaders and people. All people and companies are invented; place names are real.
 */
import type { Rng } from './daqing.random.ts';

/** Splits a space-separated list of words. */
export const words = (list: string): readonly string[] => list.split(' ');

export const CITY_CODE = '230600';
export const CITY_NAME = '大庆市';

/** A district or county: its seat (where points are scattered, ± spread degrees), towns and industrial park. */
export interface RegionInfo {
  code: string;
  name: string;
  /** Short form used in owner names ("让胡路区" → "让胡路"). */
  short: string;
  /** Form used in project names ("大庆高新技术产业开发区" → "大庆高新区"). */
  label: string;
  urban: boolean;
  /** Relative share of the city's key projects. */
  weight: number;
  seat: readonly [number, number];
  spread: readonly [number, number];
  towns: readonly string[];
  park: string;
}

export const REGIONS: readonly RegionInfo[] = [
  {
    code: '230602',
    name: '萨尔图区',
    short: '萨尔图',
    label: '萨尔图区',
    urban: true,
    weight: 13,
    seat: [125.07, 46.61],
    spread: [0.035, 0.022],
    towns: words('东风街道 萨尔图街道 友谊街道 会战街道 铁人街道 火炬街道 富强街道 拥军街道'),
    park: '商贸物流园区',
  },
  {
    code: '230603',
    name: '龙凤区',
    short: '龙凤',
    label: '龙凤区',
    urban: true,
    weight: 14,
    seat: [125.17, 46.56],
    spread: [0.035, 0.02],
    towns: words('龙凤镇 卧里屯街道 三永街道 兴化街道 龙凤街道 东光街道'),
    park: '龙凤经济开发区',
  },
  {
    code: '230604',
    name: '让胡路区',
    short: '让胡路',
    label: '让胡路区',
    urban: true,
    weight: 16,
    seat: [124.87, 46.66],
    spread: [0.05, 0.03],
    towns: words('喇嘛甸镇 银浪街道 西宾街道 奋斗街道 乘风街道 庆新街道 龙岗街道 中湖街道'),
    park: '喇嘛甸工业园区',
  },
  {
    code: '230605',
    name: '红岗区',
    short: '红岗',
    label: '红岗区',
    urban: true,
    weight: 8,
    seat: [124.89, 46.4],
    spread: [0.04, 0.03],
    towns: words('杏树岗镇 红岗街道 八百垧街道 创业城街道 解放街道'),
    park: '杏树岗工业园区',
  },
  {
    code: '230606',
    name: '大同区',
    short: '大同',
    label: '大同区',
    urban: false,
    weight: 8,
    seat: [124.82, 46.05],
    spread: [0.06, 0.04],
    towns: words('大同镇 高台子镇 太阳升镇 林源镇 祝三乡 老山头乡 八井子乡 双榆树乡'),
    park: '大同经济开发区',
  },
  {
    code: '230621',
    name: '肇州县',
    short: '肇州',
    label: '肇州县',
    urban: false,
    weight: 7,
    seat: [125.27, 45.7],
    spread: [0.06, 0.04],
    towns: words('肇州镇 永乐镇 丰乐镇 朝阳沟镇 兴城镇 二井镇 托古乡'),
    park: '肇州经济开发区',
  },
  {
    code: '230622',
    name: '肇源县',
    short: '肇源',
    label: '肇源县',
    urban: false,
    weight: 7,
    seat: [125.08, 45.53],
    spread: [0.06, 0.04],
    towns: words('肇源镇 三站镇 茂兴镇 古龙镇 新站镇 头台镇 二站镇'),
    park: '肇源经济开发区',
  },
  {
    code: '230623',
    name: '林甸县',
    short: '林甸',
    label: '林甸县',
    urban: false,
    weight: 5,
    seat: [124.88, 47.03],
    spread: [0.06, 0.04],
    towns: words('林甸镇 红旗镇 花园镇 四合乡 东兴乡 宏伟乡'),
    park: '林甸经济开发区',
  },
  {
    code: '230624',
    name: '杜尔伯特蒙古族自治县',
    short: '杜尔伯特',
    label: '杜尔伯特蒙古族自治县',
    urban: false,
    weight: 7,
    seat: [124.45, 46.86],
    spread: [0.07, 0.05],
    towns: words('泰康镇 胡吉吐莫镇 烟筒屯镇 他拉哈镇 连环湖镇 一心乡 敖林西伯乡'),
    park: '杜尔伯特经济开发区',
  },
  {
    code: '230671',
    name: '大庆高新技术产业开发区',
    short: '高新区',
    label: '大庆高新区',
    urban: true,
    weight: 15,
    seat: [125.1, 46.53],
    spread: [0.03, 0.018],
    towns: words('宏伟园区 兴化园区 新兴产业园区 高新技术产业园区'),
    park: '宏伟园区',
  },
];

/** The region of a code; throws on a code outside the demo city. */
export function regionOf(code: string): RegionInfo {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new RangeError(`not a demo region: ${code}`);
  return region;
}

/** City leaders who answer for projects, by the categories they look after. */
export const LEADERS = {
  industry: ['李振江 副市长', '赵春雷 副市长', '刘海峰 市委常委、副市长'],
  infrastructure: ['王立新 市委常委、常务副市长', '陈志刚 副市长'],
  social: ['张晓梅 副市长', '孙明远 副市长'],
  ecology: ['陈志刚 副市长', '孙明远 副市长'],
  other: ['王立新 市委常委、常务副市长'],
} as const;

const SURNAMES: readonly string[] = words(
  '王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 于 董 袁 潘 田 姜 范 石 姚 谭 廖 邹 崔 丁 付 常 孟 白',
);
const GIVEN: readonly string[] = words(
  '伟 静 敏 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂英 建华 志强 海燕 立新 振华 晓东 丽娜 宏伟 春雨 玉梅 国庆 永胜 秀兰 宝军 德彬 雪松 海涛 晓光 红梅 文博 子涵 佳琪 浩然 俊峰 庆丰 兆林 长海 金凤 凤霞 铁军 春生 树林 广义',
);

const DIGITS = '零一二三四五六七八九';

/** A number from 1 to 99 in Chinese numerals (41 → 四十一). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS.charAt(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS.charAt(tens)}十${n % 10 === 0 ? '' : DIGITS.charAt(n % 10)}`;
}

/** An invented Chinese personal name. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** An invented contact number: a mobile number or a Daqing (0459) landline. */
export function phoneNumber(rng: Rng): string {
  if (rng.chance(0.3)) return `0459-${rng.pick(['4', '5', '6', '8'])}${rng.digits(6)}`;
  return `1${rng.pick(['30', '33', '35', '36', '37', '38', '39', '50', '51', '58', '59', '80', '86', '89'])}${rng.digits(8)}`;
}

/** Brand syllables of invented companies. */
export const BRANDS: readonly string[] = words(
  '华科 龙新 鑫源 庆化 博润 汇达 泽润 恒瑞 中蓝 佳昌 沃德 辰能 海鼎 晟融 昊华 新潮 瑞丰 景宏 联谊 福瑞 金诺 宏泰 天润 聚丰 远大 龙庆 北方 盛泰 东昊 嘉禾 奥瑞 中科 三聚 凯信 锦华 银浪 百湖 油城 松嫩 黑土 龙江 宝泉 禾丰 中辰 同源 兴庆 正达 信诚 广汇 亿鑫 国瑞 富海 力拓 启航 明德 众成 乾元 丰乐 润升 华盛 新天 合力 康宁 雪龙',
);

/** Business words of owner names, by sector of their projects. */
export const SECTOR_WORDS: Record<string, readonly string[]> = {
  chem: ['石化', '化工', '新材料', '精细化工', '石油化工', '化学'],
  material: ['新材料', '复合材料', '塑业', '建材', '新型材料'],
  equip: ['装备制造', '机械', '石油装备', '智能装备', '重工'],
  auto: ['汽车零部件', '汽车部件', '新能源汽车'],
  electro: ['电子科技', '新能源科技', '储能科技', '光电'],
  energy: ['新能源', '风力发电', '光伏发电', '能源', '清洁能源'],
  agri: ['牧业', '农业发展', '畜牧', '现代农业'],
  food: ['食品', '乳业', '粮食', '粮油', '生物科技'],
  bio: ['生物科技', '生物工程', '药业', '生物'],
  digital: ['数据科技', '信息技术', '云计算', '数字科技'],
  logistics: ['物流', '供应链', '仓储物流', '商贸'],
  commerce: ['商贸', '置业', '商业管理', '实业'],
  tourism: ['文化旅游', '温泉旅游', '旅游开发', '康养'],
  rnd: ['科技', '技术研究', '检测技术', '工程技术'],
};

/** Fixed owners of some sectors (large state-owned groups and their subsidiaries). */
export const SECTOR_FIXED_OWNERS: Record<string, readonly string[]> = {
  oil: ['大庆油田有限责任公司', '大庆油田昆仑集团有限公司', '大庆榆树林油田开发有限责任公司'],
  telecom: [
    '中国移动通信集团黑龙江有限公司大庆分公司',
    '中国联合网络通信有限公司大庆市分公司',
    '中国电信股份有限公司大庆分公司',
  ],
  power: ['国网黑龙江省电力有限公司'],
  refinery: [
    '中国石油天然气股份有限公司大庆石化分公司',
    '中国石油天然气股份有限公司大庆炼化分公司',
    '大庆油田化工有限公司',
  ],
};

/** City-level public owners by role; district-level ones are named after their region. */
export const CITY_PUBLIC_OWNERS: Record<string, readonly string[]> = {
  urbanInvest: ['大庆市城市建设投资开发有限公司', '大庆市城市建设投资开发有限公司', '大庆市交通建设投资有限公司'],
  transport: ['大庆市交通建设投资有限公司'],
  education: ['大庆市教育局'],
  health: [
    '大庆市人民医院',
    '大庆龙南医院',
    '大庆市第四医院',
    '大庆市中医医院',
    '大庆市妇幼保健院',
    '大庆市卫生健康委员会',
  ],
  housing: ['大庆市城市更新建设管理中心'],
  water: ['大庆市水务集团有限公司'],
  heat: ['大庆市热力集团有限公司'],
  gas: ['大庆市燃气集团有限公司'],
  civil: ['大庆市民政局'],
  culture: ['大庆市文化广电和旅游局', '大庆市体育局'],
  agri: ['大庆市农业农村局'],
};

/** The city's responsible units (责任单位): key suffix, name, and whether it is a company. */
export const RESPONSIBLE_UNITS: readonly (readonly [string, string, boolean])[] = [
  ['nr', '大庆市自然资源局', false],
  ['eco', '大庆市生态环境局', false],
  ['housing', '大庆市住房和城乡建设局', false],
  ['grid', '国网大庆供电公司', true],
  ['transport', '大庆市交通运输局', false],
  ['water', '大庆市水务局', false],
  ['industry', '大庆市工业和信息化局', false],
  ['business', '大庆市营商环境建设监督局', false],
  ['market', '大庆市市场监督管理局', false],
  ['emergency', '大庆市应急管理局', false],
];

/** The DRC office of a region (the city's commission, a district's bureau). */
export function drcName(code: string): string {
  if (code === CITY_CODE) return '大庆市发展和改革委员会';
  if (code === '230671') return '大庆高新技术产业开发区经济发展局';
  return `${regionOf(code).name}发展和改革局`;
}

/** Urban road names for municipal works. */
export const ROADS: readonly string[] = words(
  '世纪大道 萨环东路 中七路 学府街 纬二路 经六街 龙凤大道 卧里屯大街 西干线 东干线 开发路 创业大街 兴化路 奋斗路 让胡路大街 银浪大街 龙华路 新村路 兴庆路 东城大道 乘风大街 庆虹路 纬五路 经三街 宏伟路 东风路 中央大街 湿地大道 大庆西路 南二路 北二路 昆仑大街 景园街',
);

/** Lakes and wetlands for ecological works. */
export const WETLANDS: readonly string[] = words(
  '龙凤湿地 黑鱼湖 三永湖 燕都湖 大庆湖 明湖 连环湖 青肯泡 北二十里泡 库里泡 乘风湖 南湖 东湖 万宝湖 碧水湖 王花泡 红旗泡 喇嘛甸泡 东排干 安肇新河',
);

/** Oil-field blocks for oilfield projects. */
export const OILFIELDS: readonly string[] = words(
  '萨尔图 杏树岗 喇嘛甸 朝阳沟 葡萄花 敖包塔 榆树林 头台 宋芳屯 徐家围子 太平屯 高台子',
);
