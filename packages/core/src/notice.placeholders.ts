/**
 * The placeholders a daily notice (日通报) or weekly dispatch report (周调度) template may use, as data: the web
 * lists them beside the template editor, the server refuses a template naming any other. Written like the
 * bulletin's ({{通报日期}}); counts render as bare numbers (the template adds 个), lists as sentences.
 */

/** The groups the placeholders are listed under, in order. */
export const NOTICE_PLACEHOLDER_GROUP_KEYS = ['scope', 'warnings', 'problems', 'breakdown', 'examples'] as const;
export type NoticePlaceholderGroup = (typeof NOTICE_PLACEHOLDER_GROUP_KEYS)[number];

/** The Chinese heading of each placeholder group. */
export const NOTICE_PLACEHOLDER_GROUPS: Readonly<Record<NoticePlaceholderGroup, string>> = {
  scope: '日期与范围',
  warnings: '预警',
  problems: '问题清单',
  breakdown: '分县区、分责任单位',
  examples: '项目举例',
};

/** One placeholder a notice template may use. */
export interface NoticePlaceholder {
  readonly key: string;
  /** As written between double braces. */
  readonly name: string;
  readonly group: NoticePlaceholderGroup;
  readonly description: string;
  readonly example: string;
  /** It may render empty; a paragraph in which it does is left out. */
  readonly optional: boolean;
}

const p = (
  key: string,
  name: string,
  group: NoticePlaceholderGroup,
  description: string,
  example: string,
  optional = false,
) => ({ key, name, group, description, example, optional }) as const;

/** Every placeholder, in the order the web lists them. */
export const NOTICE_PLACEHOLDERS = [
  p('date', '通报日期', 'scope', '通报日期（月日）；周调度为本周最后一天', '5月20日'),
  p('dateFull', '通报年月日', 'scope', '通报日期（年月日）', '2021年5月20日'),
  p('period', '统计期间', 'scope', '日通报为当日，周调度为“5月14日至5月20日”', '5月14日至5月20日'),
  p('regionName', '地区名称', 'scope', '通报覆盖的行政区划名称', '大庆市'),
  p('scope', '范围', 'scope', '全市、全区、全县等', '全市'),
  p('warningsRaised', '新增预警个数', 'warnings', '期间内首次发出的预警个数', '5'),
  p('redRaised', '新增红色预警个数', 'warnings', '其中红色预警', '2'),
  p('yellowRaised', '新增黄色预警个数', 'warnings', '其中黄色预警', '3'),
  p('warningsCleared', '解除预警个数', 'warnings', '期间内解除的预警个数', '1'),
  p('activeRed', '红色预警个数', 'warnings', '截至通报日期仍有效的红色预警个数', '4'),
  p('activeYellow', '黄色预警个数', 'warnings', '截至通报日期仍有效的黄色预警个数', '9'),
  p('problemsOpened', '新增问题个数', 'problems', '期间内新提出的问题个数', '3'),
  p('problemsResolved', '已解决问题个数', 'problems', '期间内责任单位办结（已解决）的问题个数', '2'),
  p('problemsClosed', '销号问题个数', 'problems', '期间内核验销号的问题个数', '1'),
  p('problemsOpen', '在办问题个数', 'problems', '截至通报日期尚未销号的问题个数', '12'),
  p('problemsOverdue', '逾期问题个数', 'problems', '截至通报日期已超过办结时限、尚未解决的问题个数', '3'),
  p(
    'byDistrict',
    '分县区情况',
    'breakdown',
    '各县区的有效预警和逾期问题，以分号分隔（没有时为空）',
    '萨尔图区红色预警2个、黄色预警3个、逾期问题1个；龙凤区黄色预警1个',
    true,
  ),
  p(
    'byUnit',
    '分责任单位情况',
    'breakdown',
    '各责任单位在办和逾期的问题，逾期多者在前（没有时为空）',
    '市自然资源局在办问题3个、其中逾期1个；市住建局在办问题2个',
    true,
  ),
  p(
    'warningExamples',
    '预警项目举例',
    'examples',
    '红色预警在前的项目举例，含预警依据（没有时为空）',
    '某某项目（萨尔图区）完成投资120万元，序时进度应完成310万元，落后61%',
    true,
  ),
  p(
    'overdueExamples',
    '逾期问题举例',
    'examples',
    '逾期最久的问题，含责任单位和应办结日期（没有时为空）',
    '某某项目“用地报批”（责任单位：市自然资源局，应于5月10日前办结）',
    true,
  ),
] as const satisfies readonly NoticePlaceholder[];

/** The English key of a notice placeholder. */
export type NoticePlaceholderKey = (typeof NOTICE_PLACEHOLDERS)[number]['key'];

const BY_NAME: ReadonlyMap<string, NoticePlaceholderKey> = new Map(NOTICE_PLACEHOLDERS.map((x) => [x.name, x.key]));

/** The key of the placeholder with this Chinese name, or undefined. */
export function noticePlaceholderKey(name: string): NoticePlaceholderKey | undefined {
  return BY_NAME.get(name);
}

/** The kinds of notice: the daily notice and the weekly dispatch report. */
export const NOTICE_KINDS = ['daily', 'weekly'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The default templates' names. */
export const DEFAULT_NOTICE_TEMPLATE_NAMES: Readonly<Record<NoticeKind, string>> = {
  daily: '重点项目日通报（默认）',
  weekly: '重点项目周调度（默认）',
};

/** The default templates a deployment starts with (seeded on first read). */
export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<NoticeKind, string>> = {
  daily: [
    '{{通报日期}}，{{范围}}重点项目新增预警{{新增预警个数}}个（红色{{新增红色预警个数}}个、黄色{{新增黄色预警个数}}个），' +
      '解除预警{{解除预警个数}}个；截至当日，共有红色预警{{红色预警个数}}个、黄色预警{{黄色预警个数}}个。',
    '当日新提出问题{{新增问题个数}}个，解决{{已解决问题个数}}个、核验销号{{销号问题个数}}个；' +
      '在办问题{{在办问题个数}}个，其中逾期未解决{{逾期问题个数}}个。',
    '分县区看，{{分县区情况}}。',
    '分责任单位看，{{分责任单位情况}}。',
    '预警项目：{{预警项目举例}}。',
    '逾期问题：{{逾期问题举例}}。请相关责任单位抓紧办理，并于明日报告进展。',
  ].join('\n'),
  weekly: [
    '本周（{{统计期间}}），{{范围}}重点项目新增预警{{新增预警个数}}个，其中红色预警{{新增红色预警个数}}个、' +
      '黄色预警{{新增黄色预警个数}}个，解除预警{{解除预警个数}}个。截至{{通报日期}}，{{范围}}共有红色预警' +
      '{{红色预警个数}}个、黄色预警{{黄色预警个数}}个。',
    '本周新提出问题{{新增问题个数}}个，责任单位解决{{已解决问题个数}}个，核验销号{{销号问题个数}}个；' +
      '目前在办问题{{在办问题个数}}个，其中逾期未解决{{逾期问题个数}}个。',
    '从县区看，{{分县区情况}}。',
    '从责任单位看，{{分责任单位情况}}。',
    '重点调度项目：{{预警项目举例}}。',
    '逾期未解决问题：{{逾期问题举例}}。请各责任单位对照问题清单逐项销号，于下周调度会前报告办理进展。',
  ].join('\n'),
};
