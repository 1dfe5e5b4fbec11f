/**
 * Project templates of the demo: each builds a plausible name and a one-sentence construction content from the
 * project's total investment (capacities scale with it) and place. This file holds the industrial (产业) ones;
 * daqing.templates.public.ts the infrastructure, social and ecological ones.
 */
import type { IndustrySection, ProjectCategory } from '@keyprojects/core';
import { OILFIELDS, type RegionInfo } from './daqing.names.ts';
import { nice, type Rng } from './daqing.random.ts';

/** What a template builds from. */
export interface TemplateContext {
  rng: Rng;
  /** Total investment in 万元. */
  wan: number;
  region: RegionInfo;
  town: string;
  ownerName: string;
}

/** A kind of project: category, GB/T 4754 section and two-digit division, owner sector, name builder. */
export interface ProjectTemplate {
  category: ProjectCategory;
  section: IndustrySection;
  division: string;
  /** Owner sector (a key of SECTOR_WORDS or SECTOR_FIXED_OWNERS) or public role (a key of CITY_PUBLIC_OWNERS). */
  sector: string;
  weight: number;
  /** Only in these regions (codes), when given. */
  regions?: readonly string[];
  build(ctx: TemplateContext): { name: string; content: string };
}

/** A capacity proportional to the investment: `wan / wanPerUnit`, made a round figure. */
export function capacity(wan: number, wanPerUnit: number): number {
  return nice(wan / wanPerUnit);
}

/** A tonnage given in 万吨, written in 吨 below one 万吨. */
export function tons(wanTons: number): string {
  return wanTons >= 1 ? `${wanTons}万吨` : `${Math.round(wanTons * 10_000)}吨`;
}

const template = (
  category: ProjectCategory,
  section: IndustrySection,
  division: string,
  sector: string,
  weight: number,
  build: ProjectTemplate['build'],
  regions?: readonly string[],
): ProjectTemplate =>
  regions
    ? { category, section, division, sector, weight, build, regions }
    : { category, section, division, sector, weight, build };

const industry = (
  section: IndustrySection,
  division: string,
  sector: string,
  weight: number,
  build: ProjectTemplate['build'],
  regions?: readonly string[],
) => template('industry', section, division, sector, weight, build, regions);

export const INDUSTRY_TEMPLATES: readonly ProjectTemplate[] = [
  industry('C', '26', 'chem', 10, ({ rng, wan }) => {
    const product = rng.pick([
      '高端聚烯烃',
      '聚丙烯专用料',
      'EVA光伏胶膜料',
      '碳酸二甲酯',
      '石油树脂',
      '高吸水性树脂',
      '环氧丙烷',
      '丙烯酸及酯',
      '顺丁橡胶',
      '聚苯乙烯',
      'α-烯烃',
      '超高分子量聚乙烯',
    ]);
    const cap = tons(capacity(wan, 9000));
    return {
      name: `年产${cap}${product}项目`,
      content: `建设${cap}/年${product}生产装置及配套公用工程、储运设施，采用国内先进工艺路线。`,
    };
  }),
  industry('C', '26', 'chem', 6, ({ rng, wan }) => {
    const product = rng.pick([
      '电子级化学品',
      '高纯溶剂',
      '表面活性剂',
      '油田化学助剂',
      '水处理剂',
      '聚醚多元醇',
      '特种蜡',
      '锂电池电解液溶剂',
    ]);
    const cap = tons(capacity(wan, 12_000));
    return {
      name: `年产${cap}${product}项目`,
      content: `新建${product}生产线${rng.int(1, 3)}条及罐区、库房等配套设施，建成后年产${product}${cap}。`,
    };
  }),
  industry(
    'C',
    '25',
    'refinery',
    3,
    ({ rng }) => {
      const unit = rng.pick([
        '催化裂化装置',
        '加氢裂化装置',
        '常减压装置',
        '芳烃抽提装置',
        '硫磺回收装置',
        '连续重整装置',
      ]);
      const kind = rng.pick(['节能改造', '扩能改造', '升级改造', '提质增效改造']);
      return {
        name: `${unit}${kind}项目`,
        content: `对现有${unit}实施${kind}，更新主要设备并配套建设自控及环保设施。`,
      };
    },
    ['230603', '230604', '230606'],
  ),
  industry('C', '29', 'material', 4, ({ rng, wan }) => {
    const product = rng.pick([
      '聚乳酸可降解材料',
      '改性工程塑料',
      '碳纤维复合材料',
      '玄武岩纤维',
      'PE燃气管材',
      '功能性薄膜',
    ]);
    const cap = tons(capacity(wan, 5000));
    return {
      name: `年产${cap}${product}项目`,
      content: `建设生产厂房${nice(wan / 0.4)}平方米，购置挤出、成型等设备，形成年产${product}${cap}能力。`,
    };
  }),
  industry('C', '30', 'material', 3, ({ rng, wan }) => {
    const product = rng.pick(['保温装饰一体板', '装配式建筑构件', '新型墙体材料', '商品混凝土', '岩棉制品']);
    return {
      name: `${product}生产基地项目`,
      content: `建设${product}生产线${Math.max(1, Math.round(wan / 8000))}条及配套厂房、堆场，年产${nice(wan / 800)}万立方米。`,
    };
  }),
  industry('C', '35', 'equip', 5, ({ rng, wan }) => {
    const product = rng.pick([
      '石油装备智能制造基地',
      '油田专用设备生产线',
      '压裂装备制造',
      '智能抽油机生产线',
      '风电装备制造基地',
      '化工装备制造基地',
    ]);
    return {
      name: `${product}建设项目`,
      content: `新建联合厂房${nice(wan / 0.35)}平方米，购置数控加工及焊接设备${nice(wan / 150)}台（套）。`,
    };
  }),
  industry('C', '36', 'auto', 3, ({ rng, wan }) => {
    const product = rng.pick(['汽车零部件', '新能源汽车电驱系统', '汽车线束', '轮毂', '汽车内饰件']);
    const cap = nice(wan / 60);
    return {
      name: `年产${cap}万套${product}项目`,
      content: `建设冲压、焊装、装配车间及仓储设施，形成年产${product}${cap}万套能力。`,
    };
  }),
  industry('C', '38', 'electro', 4, ({ rng, wan }) => {
    const product = rng.pick([
      '锂电池正极材料',
      '储能电池模组',
      '光伏组件',
      '智能电表',
      '动力电池回收利用',
      '氢燃料电池电堆',
    ]);
    return {
      name: `${product}生产线建设项目`,
      content: `建设${product}生产线${Math.max(1, Math.round(wan / 15_000))}条及配套设施，总建筑面积${nice(wan / 0.4)}平方米。`,
    };
  }),
  industry('D', '44', 'energy', 7, ({ rng, wan }) => {
    const kind = rng.weighted([
      ['风电', 3],
      ['光伏发电', 2],
      ['风光储一体化', 1],
    ] as const);
    const cap = nice(wan / (kind === '光伏发电' ? 4000 : 6000));
    const content =
      kind === '风电'
        ? `安装单机容量${rng.pick(['4', '4.5', '5', '5.6'])}兆瓦风电机组，配套建设升压站及集电线路。`
        : `建设${cap}万千瓦${kind === '光伏发电' ? '光伏阵列' : '风光发电及储能设施'}，配套建设升压站、送出线路。`;
    return { name: `${cap}万千瓦${kind}项目`, content };
  }),
  industry('D', '44', 'energy', 3, ({ rng, wan }) => {
    const kind = rng.pick(['生物质热电联产', '储能电站', '绿氢制备示范', '分布式光伏', '秸秆综合利用发电']);
    return { name: `${kind}项目`, content: `建设${kind}主体工程及配套设施，装机规模${nice(wan / 5000)}万千瓦。` };
  }),
  industry(
    'B',
    '07',
    'oil',
    2,
    ({ rng, wan }) => {
      const field = rng.pick(OILFIELDS);
      const kind = rng.pick(['产能建设', '三次采油扩大', '二氧化碳驱油与埋存示范', '致密油效益开发', '老区调整挖潜']);
      return {
        name: `${field}油田${kind}项目`,
        content: `部署新井${nice(wan / 700)}口，配套建设集输、注入及供配电设施。`,
      };
    },
    ['230602', '230604', '230605', '230606', '230621', '230622'],
  ),
  industry(
    'A',
    '03',
    'agri',
    4,
    ({ rng, wan }) => {
      const [what, unit, per] = rng.pick([
        ['奶牛标准化牧场', '头', 3],
        ['生猪养殖', '万头', 4000],
        ['肉牛养殖', '头', 2],
        ['肉羊养殖', '万只', 1500],
      ] as const);
      const n = nice(wan / per);
      return { name: `${n}${unit}${what}项目`, content: `建设圈舍、饲草料库、粪污处理等设施，存栏规模${n}${unit}。` };
    },
    ['230605', '230606', '230621', '230622', '230623', '230624'],
  ),
  industry(
    'A',
    '01',
    'agri',
    2,
    ({ rng, wan }) => {
      const what = rng.pick(['设施农业示范园', '高标准农田建设', '现代农业产业园', '寒地果蔬温室']);
      return { name: `${nice(wan / 0.6)}亩${what}项目`, content: `建设${what}，配套灌溉、田间道路和冷棚暖棚设施。` };
    },
    ['230605', '230606', '230621', '230622', '230623', '230624'],
  ),
  industry('C', '13', 'food', 5, ({ rng, wan }) => {
    const [what, per] = rng.pick([
      ['玉米深加工', 1500],
      ['大豆精深加工', 2000],
      ['杂粮杂豆加工', 800],
      ['饲料', 600],
      ['稻米加工', 700],
      ['生猪屠宰及肉制品精深加工', 1000],
    ] as const);
    const cap = tons(capacity(wan, per));
    return { name: `年加工${cap}${what}项目`, content: `建设生产车间、原料库及成品库，购置生产设备，年加工${cap}。` };
  }),
  industry('C', '14', 'food', 3, ({ rng, wan }) => {
    const what = rng.pick(['乳制品', '鲜食玉米', '速冻食品', '植物蛋白饮品', '婴幼儿配方奶粉']);
    const cap = tons(capacity(wan, 2500));
    return { name: `年产${cap}${what}项目`, content: `新建${what}生产线及冷库、包装车间，年产${what}${cap}。` };
  }),
  industry('C', '27', 'bio', 2, ({ rng, wan }) => {
    const what = rng.pick(['益生菌', '低聚糖', '生物农药', '氨基酸', '酶制剂', '维生素']);
    return {
      name: `年产${nice(wan / 6)}吨${what}项目`,
      content: `建设发酵、提取、精制车间及质检中心，购置发酵罐等设备。`,
    };
  }),
  industry('I', '65', 'digital', 3, ({ rng, wan }) => {
    const what = rng.pick([
      '云计算数据中心',
      '大数据产业园',
      '工业互联网平台',
      '智慧物流信息平台',
      '软件和信息服务产业园',
    ]);
    return { name: `${what}项目`, content: `建设机房楼及配套动力设施，部署机柜${nice(wan / 25)}个及网络、安全系统。` };
  }),
  industry('G', '59', 'logistics', 4, ({ rng, wan }) => {
    const what = rng.pick([
      '冷链物流园',
      '石化产品仓储物流园',
      '农产品冷链物流中心',
      '快递物流分拨中心',
      '铁路物流基地',
      '粮食仓储物流中心',
    ]);
    return {
      name: `${what}项目`,
      content: `建设仓库、冷库及分拣中心${nice(wan / 0.3)}平方米，配套道路、停车场及信息系统。`,
    };
  }),
  industry('F', '52', 'commerce', 2, ({ rng, wan }) => {
    const what = rng.pick(['商贸综合体', '汽车商贸城', '农产品批发市场', '建材家居市场', '城市商业步行街']);
    return { name: `${what}项目`, content: `建设${what}，总建筑面积${nice(wan / 0.45)}平方米，配套停车场及室外工程。` };
  }),
  industry(
    'R',
    '90',
    'tourism',
    2,
    ({ rng, region }) => {
      const what =
        region.code === '230623'
          ? '温泉康养旅游度假区'
          : region.code === '230624'
            ? '连环湖旅游度假区'
            : rng.pick(['文旅小镇', '湿地生态旅游区', '冰雪运动乐园']);
      return { name: `${what}项目`, content: `建设${what}，含接待中心、康养酒店、游览设施及配套基础设施。` };
    },
    ['230603', '230606', '230622', '230623', '230624'],
  ),
  industry('M', '73', 'rnd', 2, ({ rng, wan }) => {
    const what = rng.pick(
      wan > 50_000
        ? ['新材料中试基地', '化工新材料中试及产业化基地']
        : ['化工新材料研发中心', '石油工程技术研发中心', '检验检测中心', '科技企业孵化器'],
    );
    return { name: `${what}建设项目`, content: `建设研发楼、中试车间及实验室，购置研发和检测仪器设备。` };
  }),
];
