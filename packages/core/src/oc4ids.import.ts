/**
 * An incoming OC4IDS project as the fields of one of our projects in the sandbox region. Pure: the server
 * finds or makes the owner organisation, settles the code against the database and writes through the project
 * service, whose contract (projectCreateInput) has the last word on every value. What a project cannot hold
 * (a foreign currency, a point outside China, a status after our lifecycle) is kept in `details` and, where a
 * user should see it, as a tag.
 */
import type { IndustrySection, ProjectCategory, ProjectLevel, ProjectNature } from './codelists.ts';
import { formatWan } from './money.ts';
import {
  CURRENCY_TAG_PREFIX,
  LOSSY_OC4IDS_STATUSES,
  OC4IDS_ID_PREFIX,
  OC4IDS_ID_SCHEME,
  OC4IDS_IMPORT_TAG,
  OC4IDS_SANDBOX_REGION,
  OC4IDS_STATUS_TO_STAGE,
  PROJECT_CODE_SCHEME,
  STATUS_TAG_PREFIX,
  classificationOfSectors,
} from './oc4ids.codelists.ts';
import type { Oc4idsImportProject, Oc4idsProjectStatus } from './oc4ids.contract.ts';
import type { MilestoneRejection } from './oc4ids.milestones.ts';
import { cnyToFen } from './oc4ids.money.ts';
import { parseProjectCode } from './project-code.ts';
import { projectCreateInput } from './project.contract.ts';

/** What the import could not put into a project field, kept beside the project's OC4IDS id. */
export interface Oc4idsImportDetails {
  /** The budget as published when it was not in CNY (the project keeps the amount, unconverted). */
  budget?: { amount: number; currency: string | null };
  /** A location the project could not hold: not a point, or outside the coordinates the contract accepts. */
  geometry?: unknown;
  /** A status our lifecycle has no stage for. */
  status?: Oc4idsProjectStatus;
  /** Fields cut to the length a project allows. */
  truncated?: string[];
  /** Milestones not imported into the draft plan, with why (see oc4ids.milestones.ts). */
  milestones?: { id: string; reason: MilestoneRejection }[];
  /** A re-import's status whose stage the lifecycle refused (e.g. back to preparation), with the refusal's key. */
  stageNotChanged?: { status: Oc4idsProjectStatus; reason: string };
}

/** The project fields the import sets, in the create contract's input form (money in 万元). */
export interface Oc4idsMappedFields {
  name: string;
  regionCode: string;
  levels: ProjectLevel[];
  category: ProjectCategory;
  industry: IndustrySection | null;
  nature: ProjectNature;
  stage: string;
  constructionContent: string | null;
  totalInvestment: string;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  plannedStartDate: string | null;
  plannedCompletionDate: string | null;
  plannedProductionDate: string | null;
  /** The tags the import manages (see isImportTag); a user's own tags are left alone. */
  tags: string[];
}

/** One incoming project, planned. Code and owner organisation need the database and are the caller's. */
export interface Oc4idsImportPlan {
  oc4idsId: string;
  fields: Oc4idsMappedFields;
  ownerName: string;
  /** The project's other identifiers (its `identifiers` array); the OC4IDS id itself is `oc4idsId`. */
  identifiers: { scheme: string; id: string }[];
  details: Oc4idsImportDetails;
}

/** Where each project field comes from in an OC4IDS project, to name the right field in an error. */
export const OC4IDS_FIELD_SOURCES: Readonly<Record<string, string>> = {
  code: 'id',
  name: 'title',
  constructionContent: 'description',
  stage: 'status',
  nature: 'status',
  category: 'sector',
  industry: 'sector',
  totalInvestment: 'budget.amount.amount',
  tags: 'budget.amount.currency',
  address: 'locations',
  longitude: 'locations',
  latitude: 'locations',
  plannedStartDate: 'period.startDate',
  plannedCompletionDate: 'period.endDate',
  plannedProductionDate: 'assetLifetime.startDate',
  ownerOrgId: 'publicAuthority',
  regionCode: 'id',
  levels: 'id',
};

/** The owner when the package names none (the project contract needs one). */
export const UNNAMED_OWNER = '未注明项目单位';

const shape = projectCreateInput.shape;
// The contract's own limits, so the import cuts text exactly where the contract would refuse it.
const NAME_MAX = shape.name.maxLength ?? 200;
const CONTENT_MAX = shape.constructionContent.unwrap().unwrap().maxLength ?? 2000;
const ADDRESS_MAX = shape.address.unwrap().unwrap().maxLength ?? 200;

/** True for the tags an import sets and may replace on the next import. */
export function isImportTag(tag: string): boolean {
  return tag === OC4IDS_IMPORT_TAG || tag.startsWith(CURRENCY_TAG_PREFIX) || tag.startsWith(STATUS_TAG_PREFIX);
}

function clean(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** Cuts text to `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
function cut(text: string, max: number, field: string, truncated: string[]): string {
  if (text.length <= max) return text;
  truncated.push(field);
  let head = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}…`;
}

/** The calendar date of an OC4IDS date-time in the publisher's own offset ("2016-01-01T00:00:00Z" → 2016-01-01). */
function dateOf(dateTime: string | undefined): string | null {
  const match = dateTime ? /^(\d{4}-\d{2}-\d{2})/.exec(dateTime) : null;
  return match?.[1] ?? null;
}

function ownerNameOf(project: Oc4idsImportProject): string {
  const parties = project.parties ?? [];
  const authority = project.publicAuthority;
  const named = authority?.id === undefined ? undefined : parties.find((p) => p.id === authority.id);
  const byRole = ['publicAuthority', 'buyer', 'procuringEntity']
    .map((role) => parties.find((p) => p.roles?.includes(role)))
    .find((p) => p !== undefined);
  return clean(authority?.name) ?? clean(named?.name) ?? clean(byRole?.name) ?? UNNAMED_OWNER;
}

function addressOf(project: Oc4idsImportProject): string | null {
  const address = project.locations?.find((location) => location.address)?.address;
  if (!address) return null;
  const parts = [address.streetAddress, address.locality, address.region, address.postalCode, address.countryName]
    .map(clean)
    .filter((part) => part !== null);
  return parts.length > 0 ? [...new Set(parts)].join(', ') : null;
}

/** The first point the contract accepts as [longitude, latitude]; otherwise the first geometry, to keep aside. */
function pointOf(project: Oc4idsImportProject): { point: [number, number] | null; rejected?: unknown } {
  let rejected: unknown;
  for (const { geometry } of project.locations ?? []) {
    if (!geometry) continue;
    const [longitude, latitude] = geometry.coordinates ?? [];
    if (
      geometry.type === 'Point' &&
      typeof longitude === 'number' &&
      typeof latitude === 'number' &&
      shape.longitude.safeParse(longitude).success &&
      shape.latitude.safeParse(latitude).success
    ) {
      return { point: [longitude, latitude] };
    }
    rejected ??= geometry;
  }
  return rejected === undefined ? { point: null } : { point: null, rejected };
}

/** The budget in 万元 and, when it was not in CNY, the tag and detail that say so. */
function budgetOf(project: Oc4idsImportProject): { wan: string; tag?: string; detail?: Oc4idsImportDetails['budget'] } {
  const value = project.budget?.amount;
  if (value?.amount === undefined) return { wan: '0' };
  const fen = cnyToFen(value.amount) ?? 0n;
  const wan = formatWan(fen);
  if (value.currency === 'CNY') return { wan };
  const currency = value.currency ?? null;
  // No exchange rate is ours to choose: the amount stays as published and the currency goes on a tag.
  return { wan, tag: `${CURRENCY_TAG_PREFIX}${currency ?? '未注明'}`, detail: { amount: value.amount, currency } };
}

/** Plans one project's import into `regionCode` (the sandbox). */
export function planOc4idsImport(project: Oc4idsImportProject, regionCode = OC4IDS_SANDBOX_REGION): Oc4idsImportPlan {
  const details: Oc4idsImportDetails = {};
  const truncated: string[] = [];
  const tags = [OC4IDS_IMPORT_TAG];
  const status = project.status;
  if (status && LOSSY_OC4IDS_STATUSES.includes(status)) {
    details.status = status;
    tags.push(`${STATUS_TAG_PREFIX}${status}`);
  }
  const budget = budgetOf(project);
  if (budget.tag) tags.push(budget.tag);
  if (budget.detail) details.budget = budget.detail;
  const { point, rejected } = pointOf(project);
  if (rejected !== undefined) details.geometry = rejected;
  const description = clean(project.description);
  const address = addressOf(project);
  const ownerName = cut(ownerNameOf(project), NAME_MAX, 'parties', truncated);
  const fields: Oc4idsMappedFields = {
    name: cut(clean(project.title) ?? project.id, NAME_MAX, 'title', truncated),
    regionCode,
    // Nothing in OC4IDS says which list a project is on; the sandbox files them all as municipal.
    levels: ['municipal'],
    ...classificationOfSectors(project.sector ?? []),
    nature:
      status === undefined || status === 'identification' || status === 'preparation' || status === 'cancelled'
        ? 'reserve'
        : 'continuing',
    stage: status ? OC4IDS_STATUS_TO_STAGE[status] : 'preparation',
    constructionContent: description === null ? null : cut(description, CONTENT_MAX, 'description', truncated),
    totalInvestment: budget.wan,
    address: address === null ? null : cut(address, ADDRESS_MAX, 'locations', truncated),
    longitude: point ? point[0] : null,
    latitude: point ? point[1] : null,
    plannedStartDate: dateOf(project.period?.startDate),
    plannedCompletionDate: dateOf(project.period?.endDate),
    plannedProductionDate: dateOf(project.assetLifetime?.startDate),
    tags,
  };
  if (truncated.length > 0) details.truncated = truncated;
  const identifiers = (project.identifiers ?? [])
    .map((identifier) => ({ scheme: identifier.scheme?.trim() ?? '', id: identifier.id }))
    // The OC4IDS id has its own row (and uniqueness); a package may not claim a second one for the project.
    .filter((identifier) => identifier.scheme !== OC4IDS_ID_SCHEME);
  const unique = [...new Map(identifiers.map((i) => [`${i.scheme}\u0000${i.id}`, i])).values()];
  return { oc4idsId: project.id, fields, ownerName, identifiers: unique, details };
}

/** 64-bit FNV-1a over the UTF-8 bytes: a small, stable hash both server and browser compute alike. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/**
 * The national code (投资项目统一代码) an incoming project keeps, or null: the first of its GB/T 40058 identifiers
 * (or any identifier of that shape, or the code inside an id we minted, `oc4ids-kpcn-…`) that is well formed,
 * issued in a known area and not issued after the import's date `today` (YYYY-MM-DD). Whether another project
 * already holds it is the caller's question.
 */
export function nationalProjectCode(
  oc4idsId: string,
  identifiers: readonly { scheme: string; id: string }[],
  today: string,
  isKnownArea: (areaCode: string) => boolean,
): string | null {
  const minted = oc4idsId.startsWith(OC4IDS_ID_PREFIX) ? [oc4idsId.slice(OC4IDS_ID_PREFIX.length)] : [];
  const candidates = [
    ...identifiers.filter((i) => i.scheme === PROJECT_CODE_SCHEME).map((i) => i.id.trim()),
    ...identifiers.filter((i) => i.scheme !== PROJECT_CODE_SCHEME).map((i) => i.id.trim()),
    ...minted,
  ];
  const todayMonths = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  for (const code of candidates) {
    const parsed = parseProjectCode(code, isKnownArea);
    if (!parsed.ok) continue;
    if (parsed.parts.issueYear * 12 + parsed.parts.issueMonth > todayMonths) continue;
    return code;
  }
  return null;
}

/**
 * A sandbox code (YYMM-990100-DD-TT-NNNNNC) for an imported project without a valid national code: issued, like
 * any code, on the import's date (`today`, the application's date: YYMM from it), in the sandbox's area, the other
 * digits from a hash of its OC4IDS id, so a re-import gives the same code. `attempt` > 0 gives the next candidate
 * when a code is taken.
 */
export function synthesizeProjectCode(
  oc4idsId: string,
  today: string,
  attempt = 0,
  areaCode = OC4IDS_SANDBOX_REGION,
): string {
  let hash = fnv1a64(attempt === 0 ? oc4idsId : `${attempt.toString()}:${oc4idsId}`);
  const take = (range: bigint, width: number) => {
    const digit = hash % range;
    hash /= range;
    return digit.toString().padStart(width, '0');
  };
  const issued = `${today.slice(2, 4)}${today.slice(5, 7)}`;
  return `${issued}-${areaCode}-${take(100n, 2)}-${take(100n, 2)}-${take(1_000_000n, 6)}`;
}
