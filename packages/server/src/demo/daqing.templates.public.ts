/**
 * Infrastructure (基础设施), social (民生社会事业) and ecological (生态环保) project templates of the demo.
 */
import type { IndustrySection, ProjectCategory } from '@keyprojects/core';
import { ROADS, WETLANDS, chineseNumber } from './daqing.names.ts';
import { nice } from './daqing.random.ts';
import type { ProjectTemplate } from './daqing.templates.ts';

const COUNTIES = ['230606', '230621', '230622', '230623', '230624'];
const URBAN = ['230602', '230603', '230604', '230605', '230671'];

const make =
  (category: ProjectCategory) =>
  (
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

const infra = make('infrastructure');
const social = make('social');
const ecology = make('ecology');

const floorArea = (wan: number, wanPerSquareMetre: number) => nice(wan / wanPerSquareMetre);

export const INFRASTRUCTURE_TEMPLATES: readonly ProjectTemplate[] = [
  infra(
    'N',
    '78',
    'urbanInvest',
    8,
    ({ rng, wan }) => {
      const road = rng.pick(ROADS);
      const kind = rng.pick(['新建工程', '改造工程', '提档升级工程', '打通工程']);
      const km = nice(wan / 3500);
      return {
        name: `${road}${kind}`,
        content: `${kind.startsWith('新建') ? '新建' : '改造'}道路全长${km}公里，红线宽度${rng.pick([24, 30, 36, 40, 50])}米，包括道路、排水、照明、交通设施及绿化工程。`,
      };
    },
    URBAN,
  ),
  infra(
    'G',
    '54',
    'transport',
    5,
    ({ rng, wan, region, town }) => {
      const other = rng.pick(region.towns.filter((t) => t !== town));
      const km = nice(wan / 1200);
      return {
        name: `${town.replace(/(镇|乡|街道)$/, '')}至${other.replace(/(镇|乡|街道)$/, '')}公路改扩建工程`,
        content: `改扩建二级公路${km}公里，路基宽度${rng.pick([10, 12])}米，配套桥涵及交通安全设施。`,
      };
    },
    COUNTIES,
  ),
  infra(
    'G',
    '54',
    'transport',
    3,
    ({ wan, region }) => ({
      name: `${region.label}农村公路建设工程`,
      content: `新建改建农村公路${nice(wan / 200)}公里，实施危桥改造及安全生命防护工程。`,
    }),
    [...COUNTIES, '230604', '230605'],
  ),
  infra('D', '44', 'heat', 5, ({ rng, wan, region, town }) => {
    if (rng.chance(0.6))
      return {
        name: `${town}供热管网改造工程`,
        content: `改造一次供热管网${nice(wan / 900)}公里、二次管网${nice(wan / 400)}公里，新建换热站${nice(wan / 1500)}座。`,
      };
    return {
      name: `${region.label}热源厂扩建工程`,
      content: `新建${rng.pick([58, 70, 116])}兆瓦热水锅炉${rng.int(2, 4)}台及烟气超低排放设施，新增供热面积${nice(wan / 150)}万平方米。`,
    };
  }),
  infra('D', '46', 'water', 4, ({ rng, wan, region }) => {
    const what = rng.pick(['供水管网改造工程', '水厂扩建工程', '农村饮水安全巩固提升工程', '水源地保护及输水工程']);
    return {
      name: `${region.label}${what}`,
      content: `实施${what.replace('工程', '')}，敷设供水管道${nice(wan / 300)}公里，新增日供水能力${nice(wan / 2000)}万吨。`,
    };
  }),
  infra('D', '45', 'gas', 3, ({ rng, wan, region }) => {
    const what = rng.pick([
      '城镇燃气管网改造工程',
      '天然气输配管网工程',
      '老旧燃气管道更新改造工程',
      'LNG应急储备站建设工程',
    ]);
    return {
      name: `${region.label}${what}`,
      content: `敷设中低压燃气管道${nice(wan / 250)}公里，改造调压设施及入户燃气设施。`,
    };
  }),
  infra('D', '44', 'power', 3, ({ rng, wan, town }) => {
    const kv = wan > 15_000 ? '220千伏' : '66千伏';
    return {
      name: `${town.replace(/(镇|乡|街道|园区)$/, '')}${kv}输变电工程`,
      content: `新建${kv}变电站1座，主变容量${rng.pick(['2×50', '2×63', '2×180', '2×240'])}兆伏安，配套线路${nice(wan / 400)}公里。`,
    };
  }),
  infra('N', '78', 'urbanInvest', 4, ({ rng, wan, region }) => {
    const what = rng.pick([
      '雨污分流改造工程',
      '排水防涝设施建设工程',
      '海绵城市建设项目',
      '地下综合管廊工程',
      ...(wan < 20_000 ? ['城市照明节能改造工程'] : []),
    ]);
    return {
      name: `${region.label}${what}`,
      content: `实施${what.replace(/(工程|项目)$/, '')}，改造管线${nice(wan / 500)}公里及配套泵站。`,
    };
  }),
  infra(
    'G',
    '54',
    'urbanInvest',
    2,
    ({ rng, wan }) => {
      const what = rng.pick(['城市公交枢纽站', '公交场站及充电设施', '智慧停车场', '客运综合枢纽']);
      return {
        name: `${what}建设项目`,
        content: `建设${what}，占地${nice(wan / 0.2)}平方米，配套充电桩及智能调度系统。`,
      };
    },
    URBAN,
  ),
  infra('I', '63', 'telecom', 2, ({ wan, region }) => ({
    name: `${region.label}5G网络建设工程`,
    content: `新建5G基站${nice(Math.min(wan, 40_000) / 40)}座，配套传输管线、机房改造及行业应用平台。`,
  })),
  infra(
    'N',
    '76',
    'water',
    3,
    ({ rng, wan, region }) => {
      const what = rng.pick(['灌区续建配套与节水改造工程', '堤防加固工程', '中小河流治理工程', '引嫩骨干工程改造']);
      return {
        name: `${region.label}${what}`,
        content: `实施${what.replace(/工程$/, '')}，治理渠道（堤防）${nice(wan / 250)}公里及配套建筑物。`,
      };
    },
    COUNTIES,
  ),
  infra('I', '65', 'urbanInvest', 1, ({ region }) => ({
    name: `${region.label}智慧城市建设项目`,
    content: '建设城市运行管理中心、数据共享平台及视频感知网络。',
  })),
];

export const SOCIAL_TEMPLATES: readonly ProjectTemplate[] = [
  social('P', '83', 'education', 7, ({ rng, wan, region, town }) => {
    const school = region.urban
      ? `大庆市第${chineseNumber(rng.int(2, 69))}中学`
      : `${town.replace(/(镇|乡|街道)$/, '')}中心学校`;
    const what = rng.pick(
      wan < 5000
        ? ['风雨操场建设项目', '教学楼改造项目', '食堂及宿舍楼建设项目']
        : ['新校区建设项目', '教学楼扩建项目', '综合楼建设项目'],
    );
    return {
      name: `${school}${what}`,
      content: `${what.includes('改造') ? '改造' : '新建'}${what.replace(/(建设项目|扩建项目|改造项目)$/, '')}，建筑面积${floorArea(wan, 0.4)}平方米，配套室外工程及设备购置。`,
    };
  }),
  social('P', '83', 'education', 3, ({ rng, wan, region }) => {
    const what = rng.pick([`第${rng.int(2, 30)}幼儿园`, '职业教育中心实训基地', '特殊教育学校', '青少年活动中心']);
    return { name: `${region.label}${what}建设项目`, content: `建设${what}，建筑面积${floorArea(wan, 0.45)}平方米。` };
  }),
  social('Q', '84', 'health', 6, ({ rng, wan, region, ownerName }) => {
    const what = rng.pick([
      '门诊医技综合楼',
      '住院楼',
      '传染病区',
      '发热门诊及核酸检测实验室',
      '医养结合中心',
      '急诊急救中心',
    ]);
    const hospital = /(医院|保健院)$/.test(ownerName) ? ownerName : `${region.label}人民医院`;
    return {
      name: `${hospital}${what}建设项目`,
      content: `新建${what}，建筑面积${floorArea(wan, 0.6)}平方米，新增床位${nice(wan / 40)}张，购置医疗设备。`,
    };
  }),
  social('Q', '84', 'health', 2, ({ rng, wan, region }) => {
    const what = wan < 20_000 ? '疾病预防控制中心业务用房' : rng.pick(['区域医疗中心', '公共卫生应急救治中心']);
    return {
      name: `${region.label}${what}建设项目`,
      content: `建设${what}${floorArea(wan, 0.55)}平方米，配置实验室及医疗设备。`,
    };
  }),
  social('K', '70', 'housing', 7, ({ rng, wan, town }) => {
    const what = rng.pick(['老旧小区改造工程', '城镇老旧小区综合整治工程', '棚户区改造项目', '保障性租赁住房建设项目']);
    return {
      name: `${town.replace(/(街道|镇|乡|园区)$/, '')}片区${what}`,
      content: `改造（建设）住宅${nice(wan / 1.5)}户、建筑面积${floorArea(wan, 0.03)}平方米，完善水电气热、道路及公共服务设施。`,
    };
  }),
  social('Q', '85', 'civil', 3, ({ rng, wan, region }) => {
    const what = rng.pick(['养老服务中心', '社会福利中心', '儿童福利院', '殡仪馆迁建', '社区居家养老服务站']);
    return {
      name: `${region.label}${what}${what.endsWith('建') ? '工程' : '建设项目'}`,
      content: `建设${what.replace(/迁建$/, '')}，建筑面积${floorArea(wan, 0.4)}平方米，设置床位${nice(wan / 12)}张。`,
    };
  }),
  social('R', '89', 'culture', 3, ({ rng, wan, region }) => {
    const what = rng.pick(['全民健身中心', '体育馆', '文化馆及图书馆', '城市规划展览馆', '冰上运动中心']);
    return {
      name: `${region.label}${what}建设项目`,
      content: `新建${what}，建筑面积${floorArea(wan, 0.5)}平方米及室外活动场地。`,
    };
  }),
  social('S', '92', 'urbanInvest', 2, ({ rng, wan, region }) => {
    const what = rng.pick(
      wan < 30_000
        ? ['政务服务中心', '应急物资储备库', '公共实训基地', '退役军人服务中心']
        : ['政务服务中心', '公共实训基地'],
    );
    return { name: `${region.label}${what}建设项目`, content: `建设${what}，建筑面积${floorArea(wan, 0.4)}平方米。` };
  }),
];

export const ECOLOGY_TEMPLATES: readonly ProjectTemplate[] = [
  ecology('N', '77', 'urbanInvest', 4, ({ rng, wan }) => {
    const lake = rng.pick(WETLANDS);
    return {
      name: `${lake}湿地保护与修复工程`,
      content: `实施清淤疏浚、岸线生态修复和植被恢复${nice(wan / 8)}亩，建设水质监测设施。`,
    };
  }),
  ecology('D', '46', 'water', 5, ({ rng, wan, town }) => {
    const kind = rng.pick(['提标改造', '扩建', '新建']);
    return {
      name: `${town.replace(/(镇|乡|街道|园区)$/, '')}污水处理厂${kind}工程`,
      content: `${kind}污水处理厂，日处理规模${nice(wan / 3000)}万吨，出水达到一级A标准，配套管网${nice(wan / 600)}公里。`,
    };
  }),
  ecology('N', '77', 'urbanInvest', 3, ({ rng, wan, region }) => {
    const what = rng.pick(['黑臭水体综合治理工程', '城区水系连通工程', '河湖生态补水工程', '泡沼生态治理工程']);
    return {
      name: `${region.label}${what}`,
      content: `实施${what.replace(/工程$/, '')}，治理水域${nice(wan / 40)}公顷，建设截污管线及生态护岸。`,
    };
  }),
  ecology('N', '78', 'urbanInvest', 2, ({ rng, wan, region }) => {
    const what = rng.pick([
      '生活垃圾焚烧发电项目',
      '餐厨垃圾处理项目',
      '生活垃圾分类处理中心',
      '建筑垃圾资源化利用项目',
    ]);
    return {
      name: `${region.label}${what}`,
      content: `建设${what.replace(/项目$/, '')}，日处理能力${nice(wan / 50)}吨。`,
    };
  }),
  ecology('N', '77', 'agri', 3, ({ rng, wan, region }) => {
    const what = rng.pick(['国土绿化工程', '三北防护林建设工程', '草原生态修复工程', '盐碱地生态治理工程']);
    return {
      name: `${region.label}${what}`,
      content: `完成${what.replace(/工程$/, '')}${nice(wan / 0.25)}亩，配套灌溉及管护设施。`,
    };
  }),
  ecology(
    'N',
    '77',
    'agri',
    2,
    ({ region }) => ({
      name: `${region.label}畜禽粪污资源化利用整县推进项目`,
      content: '建设粪污收集、贮存和有机肥加工设施，配套粪肥还田利用体系。',
    }),
    COUNTIES,
  ),
  ecology('N', '77', 'urbanInvest', 2, ({ rng, wan }) => {
    const what = rng.pick(['废弃井场', '采油区', '采砂坑', '取土场']);
    return { name: `${what}生态修复工程`, content: `对${what}实施土地整治和植被恢复${nice(wan / 0.5)}亩。` };
  }),
];
