/**
 * The attraction pipeline's refusals beyond the move rules (those are ATTRACTION_MESSAGES in ranking.messages.ts):
 * an unknown source, a conversion of a lead that is not at the contract, and the owner a conversion names.
 */
import type { Label } from './codelists.ts';

export const ATTRACTION_FLOW_MESSAGES = {
  'attraction.sourceUnknown': { zh: '未知的线索来源', en: 'unknown lead source' },
  'attraction.convertNeedsContract': {
    zh: '只有正式签约且尚未转为项目的线索才能转为重点项目',
    en: 'only a signed lead not yet converted can become a key project',
  },
  'attraction.ownerRequired': {
    zh: '请选择项目单位，或填写新单位的名称',
    en: 'pick the owner organisation or give the name of a new one',
  },
} as const satisfies Record<string, Label>;
