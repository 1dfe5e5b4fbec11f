/**
 * Coded values with their Chinese and English labels. Lifecycle stages are configuration kept in the
 * database (seeded from DEFAULT_STAGES); the lists here are the closed vocabularies the API validates.
 */
export interface Label {
  zh: string;
  en: string;
}
export type Codelist<K extends string> = Record<K, Label>;

export const PROJECT_LEVELS = ['provincial', 'municipal', 'county'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export const PROJECT_LEVEL_LABELS: Codelist<ProjectLevel> = {
  provincial: { zh: '省重点', en: 'Provincial' },
  municipal: { zh: '市重点', en: 'Municipal' },
  county: { zh: '区县重点', en: 'District/county' },
};

export const PROJECT_CATEGORIES = ['industry', 'infrastructure', 'social', 'ecology', 'other'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const PROJECT_CATEGORY_LABELS: Codelist<ProjectCategory> = {
  industry: { zh: '产业项目', en: 'Industry' },
  infrastructure: { zh: '基础设施', en: 'Infrastructure' },
  social: { zh: '民生社会事业', en: 'Social services' },
  ecology: { zh: '生态环保', en: 'Ecology' },
  other: { zh: '其他', en: 'Other' },
};

export const PROJECT_NATURES = ['new', 'continuing', 'reserve'] as const;
export type ProjectNature = (typeof PROJECT_NATURES)[number];
export const PROJECT_NATURE_LABELS: Codelist<ProjectNature> = {
  new: { zh: '新建', en: 'New' },
  continuing: { zh: '续建', en: 'Continuing' },
  reserve: { zh: '储备', en: 'Reserve' },
};

/** GB/T 4754-2017 sections (门类). */
export const INDUSTRY_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number];
export const INDUSTRY_SECTION_LABELS: Codelist<IndustrySection> = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information technology' },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research' },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
  O: { zh: '居民服务、修理和其他服务业', en: 'Resident services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration' },
  T: { zh: '国际组织', en: 'International organisations' },
};

export const FINANCING_MODELS = ['self_funded', 'government', 'epc', 'epc_f', 'bot', 'ppp', 'tot', 'abo'] as const;
export type FinancingModel = (typeof FINANCING_MODELS)[number];
export const FINANCING_MODEL_LABELS: Codelist<FinancingModel> = {
  self_funded: { zh: '企业自筹', en: 'Self-funded' },
  government: { zh: '政府直接投资', en: 'Government investment' },
  epc: { zh: 'EPC', en: 'EPC' },
  epc_f: { zh: 'EPC+F', en: 'EPC+F' },
  bot: { zh: 'BOT', en: 'BOT' },
  ppp: { zh: 'PPP', en: 'PPP' },
  tot: { zh: 'TOT', en: 'TOT' },
  abo: { zh: 'ABO', en: 'ABO' },
};

export const FUNDING_SOURCE_KINDS = [
  'special_bond',
  'central_budget',
  'ultra_long_bond',
  'provincial_fund',
  'bank_loan',
  'other',
] as const;
export type FundingSourceKind = (typeof FUNDING_SOURCE_KINDS)[number];
export const FUNDING_SOURCE_LABELS: Codelist<FundingSourceKind> = {
  special_bond: { zh: '地方政府专项债券', en: 'Special-purpose bonds' },
  central_budget: { zh: '中央预算内投资', en: 'Central budget investment' },
  ultra_long_bond: { zh: '超长期特别国债', en: 'Ultra-long special treasury bonds' },
  provincial_fund: { zh: '省级专项资金', en: 'Provincial special funds' },
  bank_loan: { zh: '银行贷款', en: 'Bank loans' },
  other: { zh: '其他', en: 'Other' },
};

/** Tags with a meaning the system knows; projects may carry other free tags too. */
export const KNOWN_TAGS: Codelist<string> = {
  重中之重: { zh: '重中之重', en: 'Top priority' },
  签约一批: { zh: '签约一批', en: 'Batch: signed' },
  开工一批: { zh: '开工一批', en: 'Batch: started' },
  投产一批: { zh: '投产一批', en: 'Batch: in production' },
  集中开工: { zh: '集中开工', en: 'Groundbreaking event' },
};

/** The default lifecycle (全生命周期) seeded into the configurable stage table. */
export const DEFAULT_STAGES: readonly { code: string; label: Label }[] = [
  { code: 'reserve', label: { zh: '储备', en: 'Reserve' } },
  { code: 'preparation', label: { zh: '前期', en: 'Preparation' } },
  { code: 'started', label: { zh: '开工', en: 'Started' } },
  { code: 'construction', label: { zh: '在建', en: 'Under construction' } },
  { code: 'completed', label: { zh: '竣工', en: 'Completed' } },
  { code: 'production', label: { zh: '投产', en: 'In production' } },
  { code: 'full_capacity', label: { zh: '达产', en: 'Full capacity' } },
];

export const ROLE_LABELS: Codelist<
  | 'city_admin'
  | 'district_staff'
  | 'owner'
  | 'service_officer'
  | 'responsible_unit'
  | 'leader'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | 'financial_institution'
> = {
  city_admin: { zh: '市发改委管理员', en: 'City DRC administrator' },
  district_staff: { zh: '县区发改局人员', en: 'District DRC staff' },
  owner: { zh: '项目单位', en: 'Project owner' },
  service_officer: { zh: '首席服务员', en: 'Service officer' },
  responsible_unit: { zh: '责任单位', en: 'Responsible unit' },
  leader: { zh: '市领导', en: 'Leader' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  financial_institution: { zh: '金融机构', en: 'Financial institution' },
};

export const ORGANIZATION_KINDS = ['drc', 'owner', 'responsible_unit', 'bank', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Codelist<OrganizationKind> = {
  drc: { zh: '发改部门', en: 'DRC office' },
  owner: { zh: '项目单位', en: 'Project owner' },
  responsible_unit: { zh: '责任单位', en: 'Responsible unit' },
  bank: { zh: '金融机构', en: 'Bank' },
  other: { zh: '其他', en: 'Other' },
};
