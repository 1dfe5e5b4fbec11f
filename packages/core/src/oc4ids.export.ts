/**
 * A project as an OC4IDS project, and projects as a project package. Pure: the server gathers the project,
 * its region's DRC office, its external identifiers, its plan and transitions (the milestones) and (when monthly
 * reports supply them) its progress. The status is the project's phase (projects.stage, which the lifecycle keeps
 * as the statistical phase of the template stage it is in), so a city's own template exports as well.
 */
import { INDUSTRY_SECTION_LABELS } from './codelists.ts';
import { parseWan, percent, type Fen } from './money.ts';
import {
  CREDIT_CODE_SCHEME,
  CURRENCY_TAG_PREFIX,
  INDUSTRY_SCHEME,
  OC4IDS_ID_PREFIX,
  OC4IDS_SANDBOX_ROOT,
  PROJECT_CODE_SCHEME,
  oc4idsSectorsOf,
  oc4idsStatusOf,
} from './oc4ids.codelists.ts';
import {
  OC4IDS_VERSION,
  type Oc4idsMetric,
  type Oc4idsOrganization,
  type Oc4idsPackage,
  type Oc4idsPeriod,
  type Oc4idsProject,
} from './oc4ids.contract.ts';
import { milestonesOf, toOc4idsDateTime, type Oc4idsLifecycleSource } from './oc4ids.milestones.ts';
import { fenToCny } from './oc4ids.money.ts';
import type { ProjectOutput } from './project.contract.ts';
import { isWithinRegion } from './region.ts';

/** The project fields the export reads (a full ProjectOutput will do). */
export type Oc4idsSourceProject = Pick<
  ProjectOutput,
  | 'code'
  | 'name'
  | 'ownerOrgId'
  | 'ownerName'
  | 'ownerCreditCode'
  | 'regionCode'
  | 'regionName'
  | 'category'
  | 'industry'
  | 'constructionContent'
  | 'address'
  | 'longitude'
  | 'latitude'
  | 'totalInvestment'
  | 'plannedStartDate'
  | 'plannedCompletionDate'
  | 'plannedProductionDate'
  | 'actualStartDate'
  | 'actualCompletionDate'
  | 'actualProductionDate'
  | 'stage'
  | 'tags'
  | 'updatedAt'
>;

/** An organisation as the export names it. */
export interface Oc4idsOrganizationSource {
  id: number;
  name: string;
  creditCode: string | null;
}

/**
 * Progress figures for the metrics, supplied by the caller (the monthly reports): investment completed in the
 * year to `asOf` against the year's plan, and physical progress in percent.
 */
export interface Oc4idsProgress {
  /** The date the figures stand at (YYYY-MM-DD), e.g. the reporting cut-off. */
  asOf: string;
  financial?: { year: number; completed: Fen; planned: Fen };
  /** Physical progress as a decimal string in percent, e.g. "62.5". */
  physicalPercent?: string;
}

/** What the export knows about a project beyond its own fields. */
export interface Oc4idsProjectContext {
  /** The DRC office of the project's region (or the nearest region above it). */
  drc?: Oc4idsOrganizationSource;
  /** Set for an imported project: the OC4IDS id it came with and its other identifiers. */
  external?: { oc4idsId: string; identifiers: { scheme: string; id: string }[] };
  progress?: Oc4idsProgress;
  /** The current approved plan and the transitions, written as milestones (see oc4ids.milestones.ts). */
  lifecycle?: Oc4idsLifecycleSource;
}

const CHINA = '中国';
const PERCENT_UNIT = { name: 'percent', scheme: 'UNCEFACT', id: 'P1' };

/** The OC4IDS id of a project: an imported project keeps its own, ours get the prefix and the project code. */
export function oc4idsIdOf(code: string, context: Oc4idsProjectContext = {}): string {
  return context.external?.oc4idsId ?? `${OC4IDS_ID_PREFIX}${code}`;
}

function periodOf(start: string | null, end: string | null): Oc4idsPeriod | undefined {
  if (!start && !end) return undefined;
  const result: Oc4idsPeriod = {};
  if (start) result.startDate = toOc4idsDateTime(start);
  if (end) result.endDate = toOc4idsDateTime(end);
  if (start && end) result.durationInDays = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  return result;
}

function partyId(organization: Oc4idsOrganizationSource): string {
  return organization.creditCode
    ? `${CREDIT_CODE_SCHEME}-${organization.creditCode}`
    : `kpcn-org-${organization.id.toString()}`;
}

function party(organization: Oc4idsOrganizationSource, roles: string[]): Oc4idsOrganization {
  return {
    id: partyId(organization),
    name: organization.name,
    ...(organization.creditCode
      ? { identifier: { scheme: CREDIT_CODE_SCHEME, id: organization.creditCode, legalName: organization.name } }
      : {}),
    roles,
  };
}

/** The owner as publicAuthority and buyer (it develops the asset and pays for it); the DRC administers. */
function partiesOf(project: Oc4idsSourceProject, drc: Oc4idsOrganizationSource | undefined): Oc4idsOrganization[] {
  const owner = { id: project.ownerOrgId, name: project.ownerName, creditCode: project.ownerCreditCode };
  if (drc?.id === owner.id) return [party(owner, ['publicAuthority', 'buyer', 'administrativeEntity'])];
  const parties = [party(owner, ['publicAuthority', 'buyer'])];
  if (drc) parties.push(party(drc, ['administrativeEntity']));
  return parties;
}

/** The budget in its currency: CNY, or the currency an import kept as a tag (amounts are never converted). */
function budgetOf(project: Oc4idsSourceProject): Oc4idsProject['budget'] {
  const fen = parseWan(project.totalInvestment);
  const amount = fen === null ? null : fenToCny(fen);
  if (amount === null) return undefined;
  const kept = project.tags.find((tag) => tag.startsWith(CURRENCY_TAG_PREFIX))?.slice(CURRENCY_TAG_PREFIX.length);
  if (kept === undefined) return { amount: { amount, currency: 'CNY' } };
  // An import that found no currency code kept a note instead; the amount then goes out without one.
  return { amount: /^[A-Z]{3}$/.test(kept) ? { amount, currency: kept } : { amount } };
}

function locationsOf(project: Oc4idsSourceProject): Oc4idsProject['locations'] {
  const { longitude, latitude } = project;
  return [
    {
      id: '1',
      ...(longitude !== null && latitude !== null
        ? { geometry: { type: 'Point' as const, coordinates: [longitude, latitude] satisfies [number, number] } }
        : {}),
      address: {
        ...(project.address ? { streetAddress: project.address } : {}),
        region: project.regionName,
        // Sandbox projects came from elsewhere; only our own regions are known to lie in China.
        ...(isWithinRegion(project.regionCode, OC4IDS_SANDBOX_ROOT) ? {} : { countryName: CHINA }),
      },
    },
  ];
}

/** The metrics a caller supplied: financial progress against the annual plan, physical progress in percent. */
export function progressMetrics(progress: Oc4idsProgress): Oc4idsMetric[] {
  const metrics: Oc4idsMetric[] = [];
  const asOf = toOc4idsDateTime(progress.asOf);
  if (progress.financial) {
    const { year, completed, planned } = progress.financial;
    const yearPeriod = { startDate: toOc4idsDateTime(`${year.toString()}-01-01`) };
    const observations: Oc4idsMetric['observations'] = [];
    const plannedAmount = fenToCny(planned);
    const completedAmount = fenToCny(completed);
    if (plannedAmount !== null)
      observations.push({
        id: `${year.toString()}-planned`,
        period: { ...yearPeriod, endDate: toOc4idsDateTime(`${year.toString()}-12-31`) },
        value: { amount: plannedAmount, currency: 'CNY' },
        notes: '年度计划投资',
      });
    if (completedAmount !== null)
      observations.push({
        id: `${year.toString()}-completed`,
        period: { ...yearPeriod, endDate: asOf },
        value: { amount: completedAmount, currency: 'CNY' },
        notes: '年度累计完成投资',
      });
    const rate = percent(completed, planned, 2);
    if (rate !== null)
      observations.push({
        id: `${year.toString()}-rate`,
        period: { ...yearPeriod, endDate: asOf },
        measure: rate,
        unit: PERCENT_UNIT,
        notes: '投资完成率（年度累计完成投资 / 年度计划投资）',
      });
    if (observations.length > 0) metrics.push({ id: 'financialProgress', title: '投资完成情况', observations });
  }
  if (progress.physicalPercent !== undefined) {
    metrics.push({
      id: 'physicalProgress',
      title: '形象进度',
      observations: [
        {
          id: `${progress.asOf}-actual`,
          period: { startDate: asOf, endDate: asOf },
          measure: progress.physicalPercent,
          unit: PERCENT_UNIT,
        },
      ],
    });
  }
  return metrics;
}

/** One project in OC4IDS. Absent or empty fields are left out, as the schema's minLength/minProperties ask. */
export function projectToOc4ids(project: Oc4idsSourceProject, context: Oc4idsProjectContext = {}): Oc4idsProject {
  const result: Oc4idsProject = {
    id: oc4idsIdOf(project.code, context),
    updated: project.updatedAt,
    title: project.name,
  };
  // Our own data is Chinese; an imported project's language was its publisher's (the schema defaults to en).
  if (!context.external) result.language = 'zh';
  // A synthesised sandbox code is not a real 投资项目统一代码; an imported project shows the identifiers it came with.
  const identifiers = context.external
    ? context.external.identifiers.map(({ scheme, id }) => (scheme ? { id, scheme } : { id }))
    : [{ id: project.code, scheme: PROJECT_CODE_SCHEME }];
  if (identifiers.length > 0) result.identifiers = identifiers;
  if (project.constructionContent) result.description = project.constructionContent;
  const status = oc4idsStatusOf(project.stage, project.tags);
  if (status) result.status = status;
  const sectors = oc4idsSectorsOf(project.category, project.industry);
  if (sectors.length > 0) result.sector = sectors;
  if (project.industry)
    result.additionalClassifications = [
      { scheme: INDUSTRY_SCHEME, id: project.industry, description: INDUSTRY_SECTION_LABELS[project.industry].zh },
    ];
  const planned = periodOf(project.plannedStartDate, project.plannedCompletionDate);
  if (planned) result.period = planned;
  const actual = periodOf(project.actualStartDate, project.actualCompletionDate);
  if (actual) result.implementationPeriod = actual;
  const production = project.actualProductionDate ?? project.plannedProductionDate;
  if (production) result.assetLifetime = { startDate: toOc4idsDateTime(production) };
  const budget = budgetOf(project);
  if (budget) result.budget = budget;
  result.locations = locationsOf(project);
  const parties = partiesOf(project, context.drc);
  result.parties = parties;
  const owner = parties[0];
  if (owner) result.publicAuthority = { id: owner.id, name: owner.name };
  const metrics = context.progress ? progressMetrics(context.progress) : [];
  if (metrics.length > 0) result.metrics = metrics;
  // The schema wants at least one milestone when the field is there.
  const milestones = context.lifecycle ? milestonesOf(context.lifecycle) : [];
  if (milestones.length > 0) result.milestones = milestones;
  return result;
}

/** Who publishes the package: the exporting user's DRC office, or the platform when there is none. */
export function oc4idsPublisher(drc: Oc4idsOrganizationSource | undefined): Oc4idsPackage['publisher'] {
  if (!drc) return { name: 'KeyProjects 重点项目管理平台' };
  return drc.creditCode ? { name: drc.name, scheme: CREDIT_CODE_SCHEME, uid: drc.creditCode } : { name: drc.name };
}

/**
 * The package. Its date is the latest change among its projects, as the schema asks of a package made on
 * demand; `fallbackDate` (now) serves when there are none.
 */
export function buildOc4idsPackage(input: {
  uri: string;
  publisher: Oc4idsPackage['publisher'];
  projects: Oc4idsProject[];
  fallbackDate: string;
}): Oc4idsPackage {
  const latest = input.projects.reduce<string | null>(
    (max, project) => (max === null || Date.parse(project.updated) > Date.parse(max) ? project.updated : max),
    null,
  );
  return {
    uri: input.uri,
    publishedDate: latest ?? input.fallbackDate,
    publisher: input.publisher,
    version: OC4IDS_VERSION,
    projects: input.projects,
  };
}
