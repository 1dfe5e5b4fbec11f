/**
 * The funding sources' and the financing-needs list's part of the one message catalogue (MESSAGES in messages.ts),
 * in Chinese and English.
 */
import type { Label } from './codelists.ts';

/** Funding and financing messages by key; {name} marks a parameter. */
export const FINANCING_MESSAGES = {
  'money.positive': { zh: '金额须大于零', en: 'must be greater than zero' },
  'funding.kind': {
    zh: '资金来源应为专项债或中央预算内投资',
    en: 'the source must be special bonds or central budget',
  },
  'funding.step': { zh: '环节应为申请、批复或下达', en: 'the step must be applied, approved or issued' },
  'funding.future': {
    zh: '日期不能晚于系统日期 {today}',
    en: 'the date cannot be after the application’s date {today}',
  },
  'financing.instrument': {
    zh: '融资方式应为银行贷款、股权融资、债券融资或融资租赁',
    en: 'the instrument must be loan, equity, bond or leasing',
  },
  'financing.term': { zh: '期限应为1至600个月的整数', en: 'the term must be a whole number of months, 1 to 600' },
  'financing.matchState': {
    zh: '对接状态应为有意向、洽谈中、已签约或未达成',
    en: 'the state must be interested, negotiating, signed or declined',
  },
  'financing.signedAmount': {
    zh: '签约时须填写签约金额，其他状态不填',
    en: 'a signed amount goes with the signed state and only with it',
  },
  'financing.move': {
    zh: '对接状态不能从“{from}”改为“{to}”',
    en: 'a match cannot move from “{from}” to “{to}”',
  },
  'financing.institution': {
    zh: '代为登记时须填写金融机构名称',
    en: 'name the financial institution when recording on its behalf',
  },
  'financing.interestTaken': {
    zh: '该机构已对本期此项需求登记意向',
    en: 'this institution has already registered interest in this need of the edition',
  },
  'financing.noEdition': { zh: '尚未发布融资需求清单', en: 'no edition of the list has been published' },
} as const satisfies Record<string, Label>;
