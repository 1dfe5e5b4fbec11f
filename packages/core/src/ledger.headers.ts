/**
 * How offices write a project ledger's headers, as data: the synonyms district and city offices use, the year or
 * month range inside a header (“2021年计划投资”, “1-9月完成投资”, “截至9月底累计完成投资”), and the columns only
 * office ledgers carry (year-to-date completion, 形象进度). The import reads an office's own annual ledger with
 * these rules instead of asking it to retype the template; the template keeps its own headers (ledger.project.ts).
 */
import { normaliseHeader } from './ledger.cells.ts';
import type { HeaderMatch, HeaderPeriod } from './ledger.columns.ts';
import { matchProjectLedgerHeader, projectLedgerColumn, type ProjectLedgerKey } from './ledger.project.ts';

/** What an office header names; a periodic column (plan, year-to-date) carries the period read from it. */
export type OfficeHeaderMatch = HeaderMatch<ProjectLedgerKey>;

/** Extra headers per field, as offices write them (compared after normaliseHeader). */
export const OFFICE_HEADER_SYNONYMS: Partial<Record<ProjectLedgerKey, readonly string[]>> = {
  code: ['项目编码', '项目编号', '备案代码', '赋码编号', '审批代码', '项目代码（统一代码）'],
  name: ['项目名', '项目全称', '重点项目名称', '建设项目名称'],
  owner: ['项目建设单位', '实施单位', '项目实施单位', '项目业主单位', '业主', '投资主体', '建设主体', '项目主体'],
  region: ['所在县区', '县（区）', '区（县）', '县(市、区)', '属地', '所属地区', '所在地', '区县名称', '所属县区'],
  levels: ['重点项目级别', '项目层级', '级次', '项目级次', '重点类别'],
  category: ['项目类型', '项目大类', '类型'],
  nature: ['新建/续建', '新建续建', '新开工/续建', '续建/新开工', '建设类型'],
  constructionContent: ['建设内容及规模', '主要建设内容及规模', '项目建设内容', '建设规模及主要内容'],
  address: ['项目建设地点', '所在位置', '建设位置'],
  totalInvestment: ['计划总投资额', '总投资额（万元）', '估算总投资', '估算总投资（万元）', '项目总投资额'],
  responsibleLeader: [
    '包联县级领导',
    '包联区级领导',
    '包联市级领导',
    '县级包联领导',
    '区级包联领导',
    '包保县级领导',
    '包保领导',
    '包联领导',
    '牵头领导',
    '分包领导',
    '责任领导',
  ],
  responsibleUnit: ['责任单位', '牵头单位', '主责单位', '责任部门', '牵头部门', '主管部门', '行业主管部门', '包联单位'],
  progressText: [
    '形象进度',
    '工程形象进度',
    '项目形象进度',
    '形象进度情况',
    '进展情况',
    '项目进展情况',
    '项目进展',
    '目前进展',
    '建设进度',
    '项目进度',
    '进度情况',
    '当前进度',
  ],
  contactPerson: ['项目负责人', '负责人'],
  contactPhone: ['负责人电话', '联系人电话'],
};

/** Office-only fields: their labels (the template has no column for them). */
/** What is left of an amount header once its period and unit are taken out, by the field it names. */
const PERIODIC_STEMS: readonly { key: 'annualPlan' | 'completedYtd'; stems: readonly string[] }[] = [
  {
    key: 'annualPlan',
    stems: [
      '计划投资',
      '计划完成投资',
      '投资计划',
      '计划投资额',
      '年度计划投资',
      '年度投资计划',
      '本年计划投资',
      '年计划投资',
      '计划完成',
      '年度计划',
    ],
  },
  {
    key: 'completedYtd',
    stems: [
      '完成投资',
      '累计完成投资',
      '完成投资额',
      '累计完成投资额',
      '累计完成',
      '已完成投资',
      '实际完成投资',
      '本年累计完成投资',
      '年度累计完成投资',
      '完成额',
      '累计完成额',
    ],
  },
];
/** Completion since the project began (开工以来): not this year's figure, kept for people only. */
const SINCE_START = /(开工以来|自开工|开工至今|项目累计|建设以来)/;

const MONTH = '(1[0-2]|0?[1-9])';
const PERIOD_RULES: readonly { pattern: RegExp; read: (m: RegExpExecArray) => HeaderPeriod }[] = [
  { pattern: /(\d{4})年(?:度)?/, read: (m) => ({ year: Number(m[1]) }) },
  { pattern: new RegExp(`${MONTH}月?[-~至到—–]${MONTH}月(?:份|末|底)?`), read: (m) => ({ month: Number(m[2]) }) },
  {
    pattern: new RegExp(`(?:截至|截止|至)${MONTH}月(?:\\d{1,2}日)?(?:份|末|底)?`),
    read: (m) => ({ month: Number(m[1]) }),
  },
  { pattern: new RegExp(`${MONTH}月(?:\\d{1,2}日)?(?:份|末|底)?`), read: (m) => ({ month: Number(m[1]) }) },
];
const UNIT = /\((?:万元|元|亿元)\)$/;

/** Takes the year and month out of a (normalised) header: what remains, and the period read. */
export function splitHeaderPeriod(normalised: string): { rest: string; period: HeaderPeriod } {
  let rest = normalised.replace(UNIT, '');
  const period: HeaderPeriod = {};
  for (const rule of PERIOD_RULES) {
    const match = rule.pattern.exec(rest);
    if (!match) continue;
    const read = rule.read(match);
    if (read.year !== undefined && period.year === undefined) period.year = read.year;
    if (read.month !== undefined && period.month === undefined) period.month = read.month;
    rest = rest.replace(match[0], '');
  }
  rest = rest.replace(/^(截至|截止|至|底|末)+/, '').replace(/^(止|末|底)/, '');
  return { rest, period };
}

const SYNONYM_KEY = new Map<string, ProjectLedgerKey>(
  Object.entries(OFFICE_HEADER_SYNONYMS).flatMap(([key, list]) =>
    list.map((text) => [normaliseHeader(text), key as ProjectLedgerKey] as const),
  ),
);
const STEM_KEY = new Map<string, 'annualPlan' | 'completedYtd'>(
  PERIODIC_STEMS.flatMap(({ key, stems }) => stems.map((stem) => [normaliseHeader(stem), key] as const)),
);

/**
 * Recognises an office ledger's header: the template's headers and synonyms first, then the offices' synonyms,
 * then amount headers with a period inside (the annual plan, or the year-to-date completion).
 */
export function matchOfficeHeader(header: string): OfficeHeaderMatch {
  const normalised = normaliseHeader(header);
  const { rest, period } = splitHeaderPeriod(normalised);
  if (SINCE_START.test(normalised)) return { kind: 'ignored' };
  const stem = STEM_KEY.get(rest);
  if (stem) return { kind: 'column', key: stem, importable: true, period };
  const synonym = SYNONYM_KEY.get(normalised) ?? SYNONYM_KEY.get(rest);
  if (synonym) return { kind: 'column', key: synonym, importable: true };
  const known = matchProjectLedgerHeader(header);
  if (known.kind !== 'column' || known.key !== 'annualPlan' || known.param === undefined) return known;
  return { kind: 'column', key: known.key, importable: known.importable, period: { year: known.param } };
}

/** A periodic field's parameter: the plan year, or year×100+month for a year-to-date completion. */
export function periodParam(key: ProjectLedgerKey, year: number, month?: number): number {
  return key === 'completedYtd' ? year * 100 + (month ?? 0) : year;
}

/** The API's name of a field with its parameter: 'annualPlan.2021', 'completedYtd.2021-09', 'name'. */
export function ledgerFieldName(key: string, param?: number): string {
  if (param === undefined) return key;
  if (key === 'completedYtd') return `${key}.${Math.floor(param / 100)}-${String(param % 100).padStart(2, '0')}`;
  return `${key}.${param}`;
}

/** Reads a field name back: key and parameter; null when it is not of that shape. */
export function parseLedgerFieldName(field: string): { key: string; param?: number } | null {
  const match = /^([a-zA-Z]+)(?:\.(\d{4})(?:-(\d{2}))?)?$/.exec(field);
  if (!match?.[1]) return null;
  if (match[2] === undefined) return { key: match[1] };
  const year = Number(match[2]);
  return { key: match[1], param: match[3] === undefined ? year : year * 100 + Number(match[3]) };
}

/** The year a sheet's title rows name (“2021年重点项目推进台账”), if any. */
export function titleYear(texts: readonly string[]): number | undefined {
  for (const text of texts) {
    const match = /(20\d{2})年/.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** Fields a column may be mapped to when the user corrects the preview (periodic ones with their period). */
export const PROJECT_LEDGER_MAPPABLE_KEYS: readonly ProjectLedgerKey[] = (
  [
    'code',
    'name',
    'owner',
    'ownerCreditCode',
    'region',
    'levels',
    'category',
    'industry',
    'nature',
    'constructionContent',
    'address',
    'longitude',
    'latitude',
    'totalInvestment',
    'annualPlan',
    'plannedStartDate',
    'plannedCompletionDate',
    'plannedProductionDate',
    'actualStartDate',
    'actualCompletionDate',
    'actualProductionDate',
    'stage',
    'financingModel',
    'serviceOfficer',
    'responsibleLeader',
    'responsibleUnit',
    'contactPerson',
    'contactPhone',
    'tags',
    'inStatistics',
    'inStatisticsSince',
    'completedYtd',
    'progressText',
  ] satisfies ProjectLedgerKey[]
).filter((key) => projectLedgerColumn(key).importable);

/** Fields whose column carries a period: the plan of a year, the completion of a year up to a month. */
export const PERIODIC_LEDGER_KEYS: readonly ProjectLedgerKey[] = ['annualPlan', 'completedYtd'];
