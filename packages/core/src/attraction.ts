/**
 * The investment-attraction pipeline (招商, issue #13 item 5): a lead moves through talks → framework agreement →
 * formal contract → registered as a key project, and from then on its stage is its project's lifecycle phase
 * (started, in production, full capacity), with a technical upgrade (技改) as the last step. The "six lists"
 * (招商、开工、在建、投产、达产、技改) are views over leads and their projects, and the per-year "planned / signed /
 * landed" counts read the dates at which leads reached their stages. Pure rules; the server stores leads and links.
 */
import type { Codelist } from './codelists.ts';
import type { LifecyclePhase } from './lifecycle.contract.ts';

/** The stages a lead is moved through by hand, before it becomes a project. */
export const LEAD_STAGES = ['talks', 'framework', 'contract', 'registered', 'upgrade', 'dropped'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const LEAD_STAGE_LABELS: Codelist<LeadStage> = {
  talks: { zh: '洽谈对接', en: 'In talks' },
  framework: { zh: '签订框架协议', en: 'Framework agreement' },
  contract: { zh: '正式签约', en: 'Contract signed' },
  registered: { zh: '转入重点项目库', en: 'Registered as a key project' },
  upgrade: { zh: '技术改造', en: 'Technical upgrade' },
  dropped: { zh: '终止', en: 'Dropped' },
};

export const LEAD_SOURCES = [
  'enterprise_referral',
  'resident_office',
  'expo',
  'online',
  'government',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_SOURCE_LABELS: Codelist<LeadSource> = {
  enterprise_referral: { zh: '以商招商', en: 'Enterprise referral' },
  resident_office: { zh: '驻点招商', en: 'Resident office' },
  expo: { zh: '展会推介', en: 'Expo' },
  online: { zh: '网上招商', en: 'Online' },
  government: { zh: '政府对接', en: 'Government contact' },
  other: { zh: '其他', en: 'Other' },
};

/** The six lists, in the order the cities publish them. */
export const SIX_LISTS = ['attraction', 'start', 'construction', 'production', 'capacity', 'upgrade'] as const;
export type SixList = (typeof SIX_LISTS)[number];
export const SIX_LIST_LABELS: Codelist<SixList> = {
  attraction: { zh: '招商清单', en: 'Attraction' },
  start: { zh: '开工清单', en: 'To start' },
  construction: { zh: '在建清单', en: 'Under construction' },
  production: { zh: '投产清单', en: 'In production' },
  capacity: { zh: '达产清单', en: 'At full capacity' },
  upgrade: { zh: '技改清单', en: 'Technical upgrade' },
};

/**
 * Which stage a lead may be moved to by hand: one step forward before the contract, dropped before it becomes a
 * project, and the technical upgrade once its project runs at full capacity. Registration is not a hand move: it is
 * the conversion that creates the project (null `projectPhase` until then). Returns a refusal key or null.
 */
export function leadMoveRefusal(
  from: LeadStage,
  to: LeadStage,
  projectPhase: LifecyclePhase | null,
): 'attraction.moveNotAllowed' | 'attraction.registerByConversion' | 'attraction.upgradeNeedsCapacity' | null {
  if (to === 'registered') return 'attraction.registerByConversion';
  if (to === 'upgrade')
    return from === 'registered' && projectPhase === 'full_capacity' ? null : 'attraction.upgradeNeedsCapacity';
  if (to === 'dropped') return ['talks', 'framework', 'contract'].includes(from) ? null : 'attraction.moveNotAllowed';
  const order: LeadStage[] = ['talks', 'framework', 'contract'];
  const next = order[order.indexOf(from) + 1];
  return from !== to && next === to ? null : 'attraction.moveNotAllowed';
}

/** The list a lead shows on, from its stage and (once registered) its project's phase; dropped leads show on none. */
export function sixListOf(stage: LeadStage, projectPhase: LifecyclePhase | null): SixList | null {
  switch (stage) {
    case 'talks':
    case 'framework':
    case 'contract':
      return 'attraction';
    case 'upgrade':
      return 'upgrade';
    case 'dropped':
      return null;
    case 'registered':
      switch (projectPhase) {
        case null:
        case 'reserve':
        case 'preparation':
          return 'start';
        case 'started':
        case 'construction':
          return 'construction';
        case 'completed':
        case 'production':
          return 'production';
        case 'full_capacity':
          return 'capacity';
      }
  }
}

/** The dates a lead reached its stages (ISO dates; null where not reached). */
export interface LeadDates {
  createdOn: string;
  contractOn: string | null;
  registeredOn: string | null;
}

/**
 * "Planned / signed / landed" in a year: planned = leads entered that year (计划招引), signed = formal contracts
 * that year (签约), landed = leads registered as key projects that year (落地). A lead counts in each it reached.
 */
export function attractionYearCounts(leads: readonly LeadDates[], year: number) {
  const inYear = (date: string | null) => date !== null && date.startsWith(`${String(year)}-`);
  return {
    planned: leads.filter((lead) => inYear(lead.createdOn)).length,
    signed: leads.filter((lead) => inYear(lead.contractOn)).length,
    landed: leads.filter((lead) => inYear(lead.registeredOn)).length,
  };
}
