/** What to write in each column of the project ledger: the instructions sheet (说明) of the template. */
import type { Label } from './codelists.ts';
import type { ProjectLedgerKey } from './ledger.project.ts';

const dateNote: Label = {
  zh: 'Excel 日期，或 YYYY-MM-DD、YYYY/M/D 形式的文本',
  en: 'an Excel date, or text as YYYY-MM-DD or YYYY/M/D',
};

/** One note per column; the annual plan column's note lives with its pattern. */
export const PROJECT_LEDGER_NOTES: Record<
  Exclude<ProjectLedgerKey, 'annualPlan' | 'completedYtd' | 'progressText'>,
  Label
> = {
  code: {
    zh: '必填。24 位，形如 2103-230602-04-01-123456；已存在的代码将更新该项目，新代码将新建项目',
    en: 'Required. 24 characters like 2103-230602-04-01-123456; an existing code updates that project, a new one creates it',
  },
  name: { zh: '必填，不超过 200 字', en: 'Required, at most 200 characters' },
  owner: {
    zh: '必填。单位名称或统一社会信用代码；尚未登记的单位将在导入时新建（预览中列出）',
    en: 'Required. The name or credit code of an organisation; one not yet registered is created on import (listed in the preview)',
  },
  ownerCreditCode: {
    zh: '选填。填写时按此代码查找项目单位',
    en: 'Optional. When given, the owner is looked up by this code',
  },
  region: {
    zh: '必填。本账号管辖范围内的区县名称或 6 位行政区划代码',
    en: 'Required. A district name or 6-digit region code within your scope',
  },
  levels: {
    zh: '必填。省重点、市重点、区县重点，可填多个，用“、”分隔',
    en: 'Required. 省重点, 市重点, 区县重点; several separated by 、',
  },
  category: { zh: '必填，从下拉列表选择', en: 'Required, from the list' },
  industry: { zh: '选填。国民经济行业门类名称或字母（A–T）', en: 'Optional. An industry section name or letter (A–T)' },
  nature: { zh: '必填：新建、续建或储备', en: 'Required: 新建, 续建 or 储备' },
  constructionContent: { zh: '选填，不超过 2000 字', en: 'Optional, at most 2000 characters' },
  address: { zh: '选填', en: 'Optional' },
  longitude: { zh: '选填，与纬度同时填写', en: 'Optional, with latitude' },
  latitude: { zh: '选填，与经度同时填写', en: 'Optional, with longitude' },
  totalInvestment: {
    zh: '必填。万元，最多六位小数，不能为负',
    en: 'Required. In 10k yuan, at most six decimals, not negative',
  },
  totalInvestmentYi: {
    zh: '仅供阅读，导入时忽略（以万元列为准）',
    en: 'For reading only; ignored on import (the 10k yuan column counts)',
  },
  plannedStartDate: dateNote,
  plannedCompletionDate: dateNote,
  plannedProductionDate: dateNote,
  actualStartDate: dateNote,
  actualCompletionDate: dateNote,
  actualProductionDate: dateNote,
  stage: {
    zh: '选填，从下拉列表选择；新建项目不填时为“前期”',
    en: 'Optional, from the list; a new project without one is in preparation',
  },
  financingModel: { zh: '选填，从下拉列表选择', en: 'Optional, from the list' },
  serviceOfficer: { zh: '选填。首席服务员的姓名或用户名', en: 'Optional. The service officer’s name or user name' },
  responsibleLeader: { zh: '选填', en: 'Optional' },
  responsibleUnit: { zh: '选填。负责推进项目的部门', en: 'Optional. The department responsible for the project' },
  contactPerson: { zh: '选填', en: 'Optional' },
  contactPhone: { zh: '选填', en: 'Optional' },
  tags: {
    zh: '选填。如 重中之重、集中开工，多个用“、”分隔',
    en: 'Optional. E.g. 重中之重, 集中开工; several separated by 、',
  },
  inStatistics: { zh: '选填：是或否', en: 'Optional: 是 or 否' },
  inStatisticsSince: dateNote,
};
