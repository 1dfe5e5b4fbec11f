/**
 * How our codes meet the OC4IDS codelists, in both directions: lifecycle stage ↔ projectStatus, category and
 * GB/T 4754 industry section ↔ projectSector; plus the constants both the export and the import rely on.
 */
import type { IndustrySection, ProjectCategory } from './codelists.ts';
import type { LifecyclePhase } from './lifecycle.contract.ts';
import type { Oc4idsProjectStatus } from './oc4ids.contract.ts';
import { isWithinRegion } from './region.ts';

/** Prefix of the OC4IDS ids we mint (`oc4ids-kpcn-` + project code); to be registered with the OC4IDS helpdesk. */
export const OC4IDS_ID_PREFIX = 'oc4ids-kpcn-';
/** Identifier scheme of the 投资项目统一代码 (defined by GB/T 40058-2021). */
export const PROJECT_CODE_SCHEME = 'GB/T 40058-2021';
/** org-id.guide's list for the 统一社会信用代码. */
export const CREDIT_CODE_SCHEME = 'CN-USCC';
/** Classification scheme of our industry sections. */
export const INDUSTRY_SCHEME = 'GB/T 4754-2017';
/** The external-identifier scheme under which an imported project keeps its OC4IDS id. */
export const OC4IDS_ID_SCHEME = 'oc4ids';

/** The sandbox's province-level root: a user whose region is this sees every imported project. */
export const OC4IDS_SANDBOX_ROOT = '990000';
/** The sandbox prefecture every imported project is filed under. */
export const OC4IDS_SANDBOX_REGION = '990100';

/**
 * True for the sandbox's regions. A project there may hold a national code issued anywhere (the import keeps a
 * valid one), so its code's area need not fit its region.
 */
export function isSandboxRegion(regionCode: string): boolean {
  return isWithinRegion(regionCode, OC4IDS_SANDBOX_ROOT);
}

/** Tag on every imported project, so a sandbox user can list them with `?tag=OC4IDS`. */
export const OC4IDS_IMPORT_TAG = 'OC4IDS';
/** Tag recording the currency of a budget that was not in CNY (the amount is kept as it was, unconverted). */
export const CURRENCY_TAG_PREFIX = '原币种:';
/** Tag recording an OC4IDS status our lifecycle has no stage for (decommissioning, cancelled …). */
export const STATUS_TAG_PREFIX = '原状态:';

/**
 * Lifecycle phases → projectStatus. A project's `stage` is the phase of its template stage (the default template's
 * stage codes are the phases; five_stages' 前期审批 has phase preparation), so every template maps through this.
 */
export const STAGE_TO_OC4IDS_STATUS: Readonly<Record<LifecyclePhase, Oc4idsProjectStatus>> = {
  reserve: 'identification',
  preparation: 'preparation',
  started: 'implementation',
  construction: 'implementation',
  completed: 'completion',
  production: 'maintenance',
  full_capacity: 'maintenance',
};

/**
 * projectStatus → our stage: the phase, which is the stage of that code in the default template (the import files
 * every project on the default template). OC4IDS "maintenance" is the operating asset, our 投产; the three statuses after
 * or outside our lifecycle land on the nearest stage and are kept as a tag (see STATUS_TAG_PREFIX).
 */
export const OC4IDS_STATUS_TO_STAGE: Readonly<Record<Oc4idsProjectStatus, LifecyclePhase>> = {
  identification: 'reserve',
  preparation: 'preparation',
  implementation: 'construction',
  completion: 'completed',
  maintenance: 'production',
  decommissioning: 'production',
  decommissioned: 'production',
  cancelled: 'reserve',
};

/** The statuses whose stage above loses information. */
export const LOSSY_OC4IDS_STATUSES: readonly Oc4idsProjectStatus[] = ['decommissioning', 'decommissioned', 'cancelled'];

/** The OC4IDS status of a phase (projects.stage), taking an imported status kept as a tag first (so a round trip keeps it). */
export function oc4idsStatusOf(stage: string, tags: readonly string[]): Oc4idsProjectStatus | undefined {
  for (const tag of tags) {
    if (!tag.startsWith(STATUS_TAG_PREFIX)) continue;
    const kept = LOSSY_OC4IDS_STATUSES.find((status) => status === tag.slice(STATUS_TAG_PREFIX.length));
    if (kept) return kept;
  }
  // Own keys only: a configured stage code must not hit Object.prototype ("constructor").
  const byPhase: Readonly<Record<string, Oc4idsProjectStatus>> = STAGE_TO_OC4IDS_STATUS;
  return Object.hasOwn(byPhase, stage) ? byPhase[stage] : undefined;
}

/**
 * GB/T 4754 section → projectSector. Sections that name no infrastructure sector (construction E, resident
 * services O) give none and leave it to the category.
 */
export const INDUSTRY_TO_SECTOR: Readonly<Record<IndustrySection, string | null>> = {
  A: 'economy',
  B: 'economy',
  C: 'economy',
  D: 'energy',
  E: null,
  F: 'economy',
  G: 'transport',
  H: 'economy',
  I: 'communications',
  J: 'economy',
  K: 'economy',
  L: 'economy',
  M: 'economy',
  N: 'waterAndWaste',
  O: null,
  P: 'education',
  Q: 'health',
  R: 'cultureSportsAndRecreation',
  S: 'governance',
  T: 'governance',
};

/** Category → projectSector where the category alone says it (产业 is economy, 生态环保 natural resources). */
export const CATEGORY_TO_SECTOR: Readonly<Record<ProjectCategory, string | null>> = {
  industry: 'economy',
  infrastructure: null,
  social: null,
  ecology: 'naturalResources',
  other: null,
};

/** The projectSector codes of a project: the industry's, then the category's when it adds one. */
export function oc4idsSectorsOf(category: ProjectCategory, industry: IndustrySection | null): string[] {
  const sectors = [industry ? INDUSTRY_TO_SECTOR[industry] : null, CATEGORY_TO_SECTOR[category]];
  return [...new Set(sectors.filter((sector) => sector !== null))];
}

/** Top-level projectSector → our category and industry section (null when the sector spans several). */
const SECTOR_TO_CLASSIFICATION = new Map<string, { category: ProjectCategory; industry: IndustrySection | null }>(
  Object.entries({
    transport: { category: 'infrastructure', industry: 'G' },
    energy: { category: 'infrastructure', industry: 'D' },
    communications: { category: 'infrastructure', industry: 'I' },
    waterAndWaste: { category: 'infrastructure', industry: 'N' },
    education: { category: 'social', industry: 'P' },
    health: { category: 'social', industry: 'Q' },
    cultureSportsAndRecreation: { category: 'social', industry: 'R' },
    socialHousing: { category: 'social', industry: 'K' },
    governance: { category: 'social', industry: 'S' },
    economy: { category: 'industry', industry: null },
    naturalResources: { category: 'ecology', industry: 'N' },
  } satisfies Record<string, { category: ProjectCategory; industry: IndustrySection | null }>),
);

/** Our category and industry for a list of projectSector codes: the first one we know decides ("transport.road" counts as "transport"). */
export function classificationOfSectors(sectors: readonly string[]): {
  category: ProjectCategory;
  industry: IndustrySection | null;
} {
  for (const sector of sectors) {
    const known = SECTOR_TO_CLASSIFICATION.get(sector.split('.')[0] ?? sector);
    if (known) return known;
  }
  return { category: 'other', industry: null };
}
