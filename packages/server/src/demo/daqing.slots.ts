/**
 * The skeleton of the demo's project library: how many projects of each kind there are (the counts that make
 * the seed's figures hold), which of them had started by each 20 May, where they are, and their total investment.
 *
 * Groups: C — continuing in 2021 (on both the 2020 and the 2021 list); N — new in 2021; O — on the 2020 list only
 * (finished in 2020). Money here is integer 万元.
 */
import type { IndustrySection, ProjectCategory } from '@keyprojects/core';
import { REGIONS } from './daqing.names.ts';
import { fitToTotal, roundWan, type Rng } from './daqing.random.ts';

export type Group = 'C' | 'N' | 'O';

/** A project the seed names (or a flagship the demo needs), pinned to a slot. */
export interface NamedProject {
  name: string;
  ownerName: string;
  /** Where the owner is registered, when not the project's region. */
  ownerRegionCode?: string;
  regionCode: string;
  town: string;
  group: Group;
  startYear: number;
  industrial: boolean;
  started2020: boolean | null;
  started2021: boolean | null;
  category: ProjectCategory;
  section: IndustrySection;
  division: string;
  totalWan: number;
  content: string;
  /** Started at the 21 April 2021 groundbreaking event. */
  eventStart?: boolean;
  anchor?: readonly [number, number];
  tags?: readonly string[];
  plannedCompletion?: string;
}

export const NAMED_PROJECTS: readonly NamedProject[] = [
  {
    name: '国家光伏、储能实证实验平台（大庆基地）项目',
    ownerName: '大庆国光储能实证科技有限公司',
    regionCode: '230606',
    town: '高台子镇',
    group: 'N',
    startYear: 2021,
    industrial: true,
    started2020: null,
    started2021: true,
    category: 'industry',
    section: 'M',
    division: '73',
    totalWan: 200_000,
    eventStart: true,
    anchor: [124.9, 46.2],
    tags: ['重中之重'],
    plannedCompletion: '2021-09-30',
    content:
      '建设光伏、储能实证实验平台，开展不同技术路线光伏组件、逆变器、支架及储能系统的户外实证对比，一期工程年内并网发电。',
  },
  {
    name: '大庆智陶瓷业有限公司日用瓷产业园项目',
    ownerName: '大庆智陶瓷业有限公司',
    regionCode: '230621',
    town: '肇州镇',
    group: 'N',
    startYear: 2021,
    industrial: true,
    started2020: null,
    started2021: true,
    category: 'industry',
    section: 'C',
    division: '30',
    totalWan: 30_000,
    eventStart: true,
    content: '建设隧道窑整体工厂，引进生产设备，年产200万件洁面盆、马桶等高档卫生瓷。',
  },
  {
    name: '古龙页岩油开发先导试验区产能建设项目',
    ownerName: '大庆油田有限责任公司',
    ownerRegionCode: '230600',
    regionCode: '230622',
    town: '古龙镇',
    group: 'N',
    startYear: 2021,
    industrial: true,
    started2020: null,
    started2021: true,
    category: 'industry',
    section: 'B',
    division: '07',
    totalWan: 920_000,
    tags: ['重中之重'],
    content: '部署页岩油水平井及配套压裂、集输、供注水和供配电工程，建成页岩油规模效益开发先导试验区。',
  },
  {
    name: '年产30万吨聚碳酸酯项目',
    ownerName: '大庆中蓝聚碳新材料有限公司',
    regionCode: '230671',
    town: '宏伟园区',
    group: 'N',
    startYear: 2021,
    industrial: true,
    started2020: null,
    started2021: false,
    category: 'industry',
    section: 'C',
    division: '26',
    totalWan: 613_000,
    content: '建设30万吨/年聚碳酸酯装置及配套双酚A、碳酸二苯酯单元和公用工程、储运设施。',
  },
  {
    name: '炼油结构调整转型升级项目',
    ownerName: '中国石油天然气股份有限公司大庆石化分公司',
    ownerRegionCode: '230600',
    regionCode: '230603',
    town: '卧里屯街道',
    group: 'C',
    startYear: 2019,
    industrial: true,
    started2020: true,
    started2021: true,
    category: 'industry',
    section: 'C',
    division: '25',
    totalWan: 1_286_000,
    tags: ['重中之重'],
    content: '新建常减压、加氢裂化、连续重整等装置并改造现有装置，实现炼油结构减油增化转型升级。',
  },
  {
    name: '大庆市绕城高速公路西段建设工程',
    ownerName: '大庆市交通建设投资有限公司',
    ownerRegionCode: '230600',
    regionCode: '230604',
    town: '喇嘛甸镇',
    group: 'C',
    startYear: 2020,
    industrial: false,
    started2020: true,
    started2021: true,
    category: 'infrastructure',
    section: 'G',
    division: '54',
    totalWan: 565_000,
    content: '新建双向四车道高速公路约52公里，设互通立交4处、服务区1处，配套交通安全及机电设施。',
  },
  {
    name: '年产40万吨乙二醇项目',
    ownerName: '大庆瑞丰石化有限公司',
    regionCode: '230603',
    town: '龙凤镇',
    group: 'O',
    startYear: 2019,
    industrial: true,
    started2020: true,
    started2021: null,
    category: 'industry',
    section: 'C',
    division: '26',
    totalWan: 524_000,
    content: '建设40万吨/年乙二醇装置及空分、公用工程和储运设施。',
  },
];

/** One kind of slot and how many of it had started (or resumed) by 20 May of 2020 and of 2021. */
interface SlotSpec {
  group: Group;
  startYear: number;
  industrial: boolean;
  count: number;
  started2020: number | null;
  started2021: number | null;
}

/**
 * 2021: 387 = 210 new (126 started) + 177 continuing (173 resumed); 200 industrial, 149 of them started.
 * 2020: 387 = 205 new + 182 continuing, 297 started or resumed; 160 industrial, 122 of them started.
 */
const SLOT_SPECS: readonly SlotSpec[] = [
  { group: 'C', startYear: 2020, industrial: true, count: 55, started2020: 30, started2021: 54 },
  { group: 'C', startYear: 2020, industrial: false, count: 55, started2020: 30, started2021: 53 },
  { group: 'C', startYear: 2019, industrial: true, count: 25, started2020: 25, started2021: 25 },
  { group: 'C', startYear: 2019, industrial: false, count: 42, started2020: 40, started2021: 41 },
  { group: 'N', startYear: 2021, industrial: true, count: 120, started2020: null, started2021: 70 },
  { group: 'N', startYear: 2021, industrial: false, count: 90, started2020: null, started2021: 56 },
  { group: 'O', startYear: 2020, industrial: true, count: 45, started2020: 32, started2021: null },
  { group: 'O', startYear: 2020, industrial: false, count: 50, started2020: 27, started2021: null },
  { group: 'O', startYear: 2019, industrial: true, count: 35, started2020: 35, started2021: null },
  { group: 'O', startYear: 2019, industrial: false, count: 80, started2020: 78, started2021: null },
];

/** Total investment of each block in 万元: 2021 = C + N = 1528.2亿, 2020 = C + O = 1428.2亿, industry N − O = 236亿. */
const BLOCK_TARGETS: readonly (readonly [Group, boolean | null, number])[] = [
  ['C', null, 8_600_000],
  ['N', true, 4_360_000],
  ['N', false, 2_322_000],
  ['O', true, 2_000_000],
  ['O', false, 3_682_000],
];

/** A project-to-be with its fixed facts; later stages fill in dates, money and names. */
export interface Slot {
  index: number;
  group: Group;
  startYear: number;
  industrial: boolean;
  started2020: boolean | null;
  started2021: boolean | null;
  category: ProjectCategory;
  regionCode: string;
  named: NamedProject | null;
  /** Total investment, 万元. */
  total: number;
}

const MIN_TOTAL = 500;
const MAX_RANDOM_TOTAL = 450_000;

/** Flags `count` of `n` items true, at random. */
function flags(rng: Rng, n: number, count: number | null): (boolean | null)[] {
  if (count === null) return Array.from({ length: n }, () => null);
  return rng.shuffle(Array.from({ length: n }, (_, i) => i < count));
}

/** Builds the slots: kinds and start flags by SLOT_SPECS, named projects pinned, regions and categories drawn. */
export function buildSlots(rng: Rng): Slot[] {
  const slots: Slot[] = [];
  for (const spec of SLOT_SPECS) {
    const f2020 = flags(rng, spec.count, spec.started2020);
    const f2021 = flags(rng, spec.count, spec.started2021);
    for (let i = 0; i < spec.count; i += 1) {
      const category: ProjectCategory = spec.industrial
        ? 'industry'
        : rng.weighted([
            ['infrastructure', 45],
            ['social', 33],
            ['ecology', 22],
          ] as const);
      const regionCode = rng.weighted(REGIONS.map((r) => [r.code, r.weight] as const));
      slots.push({
        index: 0,
        group: spec.group,
        startYear: spec.startYear,
        industrial: spec.industrial,
        started2020: f2020[i] ?? null,
        started2021: f2021[i] ?? null,
        category,
        regionCode,
        named: null,
        total: 0,
      });
    }
  }
  rng.shuffle(slots);
  for (const named of NAMED_PROJECTS) {
    const slot = slots.find(
      (s) =>
        !s.named &&
        s.group === named.group &&
        s.startYear === named.startYear &&
        s.industrial === named.industrial &&
        s.started2020 === named.started2020 &&
        s.started2021 === named.started2021,
    );
    if (!slot) throw new RangeError(`no slot for ${named.name}`);
    Object.assign(slot, { named, category: named.category, regionCode: named.regionCode, total: named.totalWan });
  }
  slots.forEach((slot, i) => (slot.index = i));
  assignTotals(rng, slots);
  return slots;
}

/** Draws skewed (log-normal) total investments per block and fits each block to its exact target. */
function assignTotals(rng: Rng, slots: Slot[]): void {
  const sigma = 1.25;
  for (const [group, industrial, target] of BLOCK_TARGETS) {
    const members = slots.filter((s) => s.group === group && (industrial === null || s.industrial === industrial));
    const free = members.filter((s) => !s.named);
    const remaining = target - members.reduce((sum, s) => sum + (s.named ? s.total : 0), 0);
    const median = remaining / free.length / Math.exp((sigma * sigma) / 2);
    const raw = free.map(() =>
      Math.min(MAX_RANDOM_TOTAL, Math.max(MIN_TOTAL, median * Math.exp(sigma * rng.normal()))),
    );
    const values = fitToTotal(
      raw.map((value) => ({ value, min: MIN_TOTAL, max: MAX_RANDOM_TOTAL })),
      remaining,
      roundWan,
    );
    if (group === 'O') {
      // Projects begun and finished within 2020 are the smaller ones: give them the lower amounts, mostly.
      values.sort((a, b) => a - b);
      const keyed = free.map((s) => ({ s, key: (s.startYear === 2020 ? 0 : 0.45) + rng.next() }));
      keyed.sort((a, b) => a.key - b.key);
      keyed.forEach(({ s }, i) => (s.total = values[i] ?? 0));
    } else {
      free.forEach((s, i) => (s.total = values[i] ?? 0));
    }
  }
}
