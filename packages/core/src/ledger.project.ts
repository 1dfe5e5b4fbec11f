/**
 * The project ledger (项目台账): its columns with Chinese headers and synonyms, the codelists of its coded
 * columns with the spellings real ledgers use, and its header matcher. The template, the import and the
 * 'projects' export all use these, so an exported ledger imports back unchanged.
 */
import {
  FINANCING_MODEL_LABELS,
  INDUSTRY_SECTION_LABELS,
  INDUSTRY_SECTIONS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  type IndustrySection,
} from './codelists.ts';
import { choiceList } from './ledger.cells.ts';
import { PROJECT_LEDGER_NOTES } from './ledger.project-notes.ts';
import {
  headerMatcher,
  type LedgerColumnDef,
  type LedgerColumnKind,
  type LedgerPatternColumn,
} from './ledger.columns.ts';

/** Project levels as ledgers spell them. */
export const LEVEL_CHOICES = choiceList(PROJECT_LEVEL_LABELS, {
  provincial: ['省级重点', '省重点项目', '省级', '省级重点项目', '省'],
  municipal: ['市级重点', '市重点项目', '市级', '市级重点项目', '市'],
  county: [
    '县区重点',
    '区县级重点',
    '县级重点',
    '区级重点',
    '区县级',
    '县级',
    '区级',
    '区重点',
    '县重点',
    '县（区）重点',
    '区重点项目',
    '县重点项目',
    '县级重点项目',
    '区级重点项目',
    '县',
    '区',
  ],
});
/** Project categories as ledgers spell them. */
export const CATEGORY_CHOICES = choiceList(PROJECT_CATEGORY_LABELS, {
  industry: ['产业', '产业类', '工业', '工业项目'],
  infrastructure: ['基础设施项目', '基础设施类', '基础设施建设'],
  social: ['民生', '社会事业', '民生项目', '民生工程', '社会民生'],
  ecology: ['生态', '生态环保项目', '生态环境'],
  other: ['其它'],
});
/** Construction natures as ledgers spell them. */
export const NATURE_CHOICES = choiceList(PROJECT_NATURE_LABELS, {
  new: ['新开工', '新建项目', '新开工项目', '拟新开工', '新建（新开工）'],
  continuing: ['续建项目', '续建工程', '在建', '在建项目'],
  reserve: ['储备项目', '前期储备'],
});
/** Financing models as ledgers spell them. */
export const FINANCING_CHOICES = choiceList(FINANCING_MODEL_LABELS, {
  self_funded: ['自筹', '企业投资'],
  government: ['政府投资', '财政投资'],
  epc_f: ['EPCF'],
  ppp: ['政府和社会资本合作'],
});
/** Industries by section letter or name, also as “C制造业” / “C-制造业”. */
export const INDUSTRY_CHOICES = choiceList(
  INDUSTRY_SECTION_LABELS,
  Object.fromEntries(
    INDUSTRY_SECTIONS.map((code) => {
      const zh = INDUSTRY_SECTION_LABELS[code].zh;
      return [code, [`${code}${zh}`, `${code}-${zh}`, `${code}.${zh}`]];
    }),
  ) as Partial<Record<IndustrySection, readonly string[]>>,
);

/** The columns a project ledger can have. */
export type ProjectLedgerKey =
  | 'code'
  | 'name'
  | 'owner'
  | 'ownerCreditCode'
  | 'region'
  | 'levels'
  | 'category'
  | 'industry'
  | 'nature'
  | 'constructionContent'
  | 'address'
  | 'longitude'
  | 'latitude'
  | 'totalInvestment'
  | 'totalInvestmentYi'
  | 'annualPlan'
  | 'plannedStartDate'
  | 'plannedCompletionDate'
  | 'plannedProductionDate'
  | 'actualStartDate'
  | 'actualCompletionDate'
  | 'actualProductionDate'
  | 'stage'
  | 'financingModel'
  | 'serviceOfficer'
  | 'responsibleLeader'
  | 'responsibleUnit'
  | 'completedYtd'
  | 'progressText'
  | 'contactPerson'
  | 'contactPhone'
  | 'tags'
  | 'inStatistics'
  | 'inStatisticsSince';

type Def = LedgerColumnDef<ProjectLedgerKey>;
const col = (
  key: Exclude<ProjectLedgerKey, 'annualPlan' | 'completedYtd' | 'progressText'>,
  zh: string,
  en: string,
  kind: LedgerColumnKind,
  width: number,
  extra: Partial<Pick<Def, 'synonyms' | 'choices' | 'required' | 'importable'>> = {},
): Def => ({
  key,
  header: { zh, en },
  kind,
  width,
  note: PROJECT_LEDGER_NOTES[key],
  synonyms: extra.synonyms ?? [],
  required: extra.required ?? false,
  importable: extra.importable ?? true,
  ...(extra.choices ? { choices: extra.choices } : {}),
});

const dateSynonyms = (zh: string) => [
  zh.replace('日期', '时间'),
  zh.replace('日期', ''),
  `${zh.replace('日期', '')}年月`,
];

/** The project ledger's fixed columns in template order. */
export const PROJECT_LEDGER_COLUMNS: readonly Def[] = [
  col('code', '投资项目统一代码', 'Project code', 'text', 26, {
    required: true,
    synonyms: ['项目代码', '统一代码', '投资项目代码', '项目统一代码', '投资代码', '赋码'],
  }),
  col('name', '项目名称', 'Name', 'text', 36, { required: true, synonyms: ['项目名'] }),
  col('owner', '项目单位', 'Owner', 'reference', 30, {
    required: true,
    synonyms: ['建设单位', '业主单位', '项目业主', '项目建设单位', '项目法人', '责任主体'],
  }),
  col('ownerCreditCode', '统一社会信用代码', 'Owner credit code', 'text', 22, {
    synonyms: ['项目单位统一社会信用代码', '单位统一社会信用代码', '信用代码'],
  }),
  col('region', '所属区域', 'Region', 'reference', 12, {
    required: true,
    synonyms: ['所在区域', '所属区县', '县区', '区县', '行政区划', '区划代码', '所在地区', '地区'],
  }),
  col('levels', '项目级别', 'Levels', 'choices', 14, {
    required: true,
    choices: LEVEL_CHOICES,
    synonyms: ['级别', '重点级别'],
  }),
  col('category', '项目类别', 'Category', 'choice', 14, {
    required: true,
    choices: CATEGORY_CHOICES,
    synonyms: ['类别', '项目类型', '项目分类'],
  }),
  col('industry', '所属行业', 'Industry', 'choice', 22, {
    choices: INDUSTRY_CHOICES,
    synonyms: ['行业', '国民经济行业', '行业门类', '行业分类'],
  }),
  col('nature', '建设性质', 'Nature', 'choice', 10, {
    required: true,
    choices: NATURE_CHOICES,
    synonyms: ['性质', '项目性质'],
  }),
  col('constructionContent', '建设内容', 'Construction content', 'text', 40, {
    synonyms: ['建设规模及内容', '主要建设内容', '建设规模和内容', '建设规模'],
  }),
  col('address', '建设地点', 'Address', 'text', 24, { synonyms: ['项目地址', '地址', '项目地点'] }),
  col('longitude', '经度', 'Longitude', 'number', 10),
  col('latitude', '纬度', 'Latitude', 'number', 10),
  col('totalInvestment', '总投资（万元）', 'Total investment (10k yuan)', 'money', 16, {
    required: true,
    synonyms: ['总投资', '计划总投资', '计划总投资（万元）', '项目总投资', '项目总投资（万元）', '总投资额'],
  }),
  col('totalInvestmentYi', '总投资（亿元）', 'Total investment (100m yuan)', 'money', 14, {
    importable: false,
    synonyms: ['计划总投资（亿元）', '项目总投资（亿元）'],
  }),
  col('plannedStartDate', '计划开工日期', 'Planned start', 'date', 14, { synonyms: dateSynonyms('计划开工日期') }),
  col('plannedCompletionDate', '计划竣工日期', 'Planned completion', 'date', 14, {
    synonyms: dateSynonyms('计划竣工日期'),
  }),
  col('plannedProductionDate', '计划投产日期', 'Planned production', 'date', 14, {
    synonyms: dateSynonyms('计划投产日期'),
  }),
  col('actualStartDate', '实际开工日期', 'Actual start', 'date', 14, {
    synonyms: [...dateSynonyms('实际开工日期'), '开工日期', '开工时间'],
  }),
  col('actualCompletionDate', '实际竣工日期', 'Actual completion', 'date', 14, {
    synonyms: [...dateSynonyms('实际竣工日期'), '竣工日期', '竣工时间'],
  }),
  col('actualProductionDate', '实际投产日期', 'Actual production', 'date', 14, {
    synonyms: [...dateSynonyms('实际投产日期'), '投产日期', '投产时间'],
  }),
  col('stage', '建设阶段', 'Stage', 'reference', 10, { synonyms: ['项目阶段', '所处阶段', '当前阶段', '进展阶段'] }),
  col('financingModel', '融资模式', 'Financing model', 'choice', 12, {
    choices: FINANCING_CHOICES,
    synonyms: ['投融资模式', '建设模式', '融资方式'],
  }),
  col('serviceOfficer', '首席服务员', 'Service officer', 'reference', 12, { synonyms: ['包联干部', '服务专员'] }),
  col('responsibleLeader', '包联领导', 'Responsible leader', 'text', 12, {
    synonyms: ['责任领导', '包抓领导', '包保领导'],
  }),
  col('responsibleUnit', '责任单位', 'Responsible unit', 'text', 16, { synonyms: ['牵头单位', '责任部门'] }),
  col('contactPerson', '联系人', 'Contact person', 'text', 10, { synonyms: ['项目联系人'] }),
  col('contactPhone', '联系电话', 'Contact phone', 'text', 16, { synonyms: ['电话', '手机', '联系方式'] }),
  col('tags', '标签', 'Tags', 'list', 20, { synonyms: ['项目标签'] }),
  col('inStatistics', '是否入统', 'In statistics', 'boolean', 10, { synonyms: ['入统', '是否入库', '是否纳统'] }),
  col('inStatisticsSince', '入统时间', 'In statistics since', 'date', 14, {
    synonyms: ['入统日期', '入库时间', '纳统时间'],
  }),
];

/** “2025年计划投资（万元）”: the year's planned investment, one column per year. */
export const ANNUAL_PLAN_COLUMN: LedgerPatternColumn<ProjectLedgerKey> = {
  key: 'annualPlan',
  header: { zh: '年度计划投资（万元）', en: 'Planned investment of the year (10k yuan)' },
  pattern: /^(\d{4})年度?(?:计划投资|计划完成投资|投资计划|计划投资额)(?:\(万元\))?$/,
  headerFor: (year) => `${year}年计划投资（万元）`,
  kind: 'money',
  required: false,
  importable: true,
  width: 18,
  note: {
    zh: '选填。列名中的年份即计划年度（如“2025年计划投资（万元）”），可有多列',
    en: 'Optional. The year in the header is the plan year (e.g. 2025年计划投资（万元）); several columns allowed',
  },
};

/** Headers of columns ledgers carry for people only. */
export const PROJECT_LEDGER_IGNORED_HEADERS = ['序号', '备注', '说明'] as const;

/** Recognises a project ledger header. */
export const matchProjectLedgerHeader = headerMatcher(
  PROJECT_LEDGER_COLUMNS,
  [ANNUAL_PLAN_COLUMN],
  PROJECT_LEDGER_IGNORED_HEADERS,
);

/** Columns only office ledgers carry: the year's completion to a month, and the progress text of that month. */
const OFFICE_ONLY_COLUMNS: readonly Def[] = [
  {
    key: 'completedYtd',
    header: { zh: '年度累计完成投资（万元）', en: 'Completed investment year to date (10k yuan)' },
    synonyms: [],
    kind: 'money',
    required: false,
    importable: true,
    width: 18,
    note: { zh: '截至列名所写月份的本年累计完成投资', en: 'Completed this year up to the month in the header' },
  },
  {
    key: 'progressText',
    header: { zh: '形象进度', en: 'Progress' },
    synonyms: [],
    kind: 'text',
    required: false,
    importable: true,
    width: 30,
    note: { zh: '记入累计完成投资所属月份的月报', en: "Recorded in the report of the completion column's month" },
  },
];

const COLUMN_BY_KEY = new Map(
  [...PROJECT_LEDGER_COLUMNS, ...OFFICE_ONLY_COLUMNS].map((column) => [column.key, column]),
);
const ANNUAL_PLAN_DEF: LedgerColumnDef<ProjectLedgerKey> = { ...ANNUAL_PLAN_COLUMN, synonyms: [] };

/** The column definition of a key (the annual plan column for 'annualPlan'). */
export function projectLedgerColumn(key: ProjectLedgerKey): LedgerColumnDef<ProjectLedgerKey> {
  return COLUMN_BY_KEY.get(key) ?? ANNUAL_PLAN_DEF;
}

/** The data sheet of the project ledger. */
export const PROJECT_LEDGER_SHEET = '项目台账';
