/**
 * A project ledger row read cell by cell (core rules per column kind) and turned into the API's project
 * input: names of owners, regions, stages and officers resolved to ids and codes, empty cells meaning
 * “no value” for a new project and “clear it” for an existing one. The result goes through the same zod
 * schema as a POST or PATCH of /projects.
 */
import {
  cellBoolean,
  cellChoice,
  cellChoices,
  cellDate,
  cellList,
  cellMoney,
  cellNumber,
  cellText,
  isValidCreditCode,
  isWithinRegion,
  messageText,
  normaliseLabel,
  projectLedgerColumn,
  type CellResult,
  type Fen,
  type LedgerCell,
  type Locale,
  type MessageParams,
  type ProjectLedgerKey,
  type ProjectOutput,
  type LedgerRowIssue,
} from '@keyprojects/core';
import { regionInScope } from '../../../db/scope.ts';
import type { Actor } from '../../auth/actor.ts';
import type { SheetLayout } from '../import/import.layout.ts';
import type { LedgerRow } from '../import/import.pipeline.ts';
import { issueAt, type IssueAt } from '../import/import.layout.ts';
import type { References } from './project-ledger.references.ts';

/** A converted cell. */
export type CellValue = string | number | Fen | boolean | string[] | null;
type Layout = SheetLayout<ProjectLedgerKey>;

/** A row's converted cells. */
export interface ParsedRow {
  row: number;
  code: string | null;
  /** Values of the sheet's columns, by key; a column whose cell failed to convert is absent. */
  values: Map<ProjectLedgerKey, CellValue>;
  /** Annual plan amounts by year (fen, null when empty). */
  years: Map<number, Fen | null>;
  /** Year-to-date completions by period (year×100+month; fen, null when empty). */
  ytd: Map<number, Fen | null>;
  /** Keys whose cells failed (so the schema's complaints about them are not reported twice). */
  failed: Set<string>;
  issues: LedgerRowIssue[];
}

/** Builds row issues pointing at a column of the sheet (or at the standard header of an absent one). */
export function issueMaker(layout: Layout, locale: Locale): IssueAt<ProjectLedgerKey> {
  return issueAt(layout, (key, param) =>
    param === undefined || key !== 'annualPlan'
      ? projectLedgerColumn(key).header[locale]
      : `${param}年计划投资（万元）`,
  );
}

function convert(key: ProjectLedgerKey, cell: LedgerCell): CellResult<CellValue> {
  const column = projectLedgerColumn(key);
  switch (column.kind) {
    case 'text':
    case 'reference':
      return cellText(cell);
    case 'money':
      return cellMoney(cell);
    case 'number':
      return cellNumber(cell);
    case 'date':
      return cellDate(cell);
    case 'boolean':
      return cellBoolean(cell);
    case 'list':
      return cellList(cell);
    case 'choice':
      return column.choices ? cellChoice(cell, column.choices) : cellText(cell);
    case 'choices':
      return column.choices ? cellChoices(cell, column.choices) : cellList(cell);
  }
}

/** Converts each cell of the row by its column's kind. */
export function readRow(row: LedgerRow, layout: Layout, locale: Locale): ParsedRow {
  const issue = issueMaker(layout, locale);
  const parsed: ParsedRow = {
    row: row.number,
    code: null,
    values: new Map(),
    years: new Map(),
    ytd: new Map(),
    failed: new Set(),
    issues: [],
  };
  for (const column of layout.columns) {
    const result = convert(column.key, row.cells[column.index] ?? { type: 'empty' });
    if (!result.ok) {
      const text = messageText(result.problem.key, locale, result.problem.params);
      parsed.issues.push(issue(row.number, column.key, text, column.param));
      parsed.failed.add(column.param === undefined ? column.key : `${column.key}.${column.param}`);
    } else if (column.param !== undefined) {
      const amounts = column.key === 'completedYtd' ? parsed.ytd : parsed.years;
      amounts.set(column.param, typeof result.value === 'bigint' ? result.value : null);
    } else {
      parsed.values.set(column.key, result.value);
    }
  }
  const code = parsed.values.get('code');
  parsed.code = typeof code === 'string' ? code : null;
  return parsed;
}

/**
 * The one place a row's region is judged: a region code or name (the name within the actor's scope preferred,
 * the project's own region first) must be a known region inside the actor's scope. Returns the code, or the
 * problem (with the code found, if any, so the project code's area can still be compared with it).
 */
export function resolveRegion(
  name: string | null,
  refs: References,
  actor: Actor,
  current: ProjectOutput | undefined,
): { ok: true; code: string | null } | { ok: false; code?: string; problem: string; params: MessageParams } {
  if (name === null) return { ok: true, code: null };
  let code: string;
  if (/^\d{6}$/.test(name)) code = name;
  else {
    const codes = refs.regionCodesByName.get(normaliseLabel(name)) ?? [];
    const inScope = codes.filter((candidate) => !actor.regionCode || isWithinRegion(candidate, actor.regionCode));
    const chosen =
      codes.find((candidate) => candidate === current?.regionCode) ??
      (inScope.length === 1 ? inScope[0] : inScope.length === 0 ? codes[0] : undefined);
    if (codes.length === 0) return { ok: false, problem: 'region.unknownName', params: { value: name } };
    if (!chosen) return { ok: false, problem: 'region.ambiguous', params: { value: name } };
    // A name found only outside the actor's region resolves, so the scope check below names the real problem.
    code = chosen;
  }
  // The project service's reference rules (db/scope.ts).
  if (!refs.regionName.has(code)) return { ok: false, code, problem: 'region.unknown', params: {} };
  if (!regionInScope(actor, code)) return { ok: false, code, problem: 'region.outOfScope', params: {} };
  return { ok: true, code };
}

/**
 * Owners named in the file but not registered: each gets a stand-in id (above any real one) that the row's input
 * carries through validation and the preview; the commit registers the organisation and swaps in its real id.
 */
/** An owner the import registers. */
export interface NewOwner {
  name: string;
  creditCode: string | null;
  regionCode: string;
}

export class NewOwners {
  static readonly BASE = 2_000_000_000;
  readonly byId = new Map<number, NewOwner>();

  constructor(private readonly refs: References) {}

  /** The stand-in of an owner to create (one per name or credit code), registered in refs for later rows. */
  add(name: string, creditCode: string | null, regionCode: string): number {
    const id = NewOwners.BASE + this.byId.size + 1;
    const org = { id, name, creditCode, regionCode };
    this.byId.set(id, { name, creditCode, regionCode });
    this.refs.orgById.set(id, org);
    this.refs.orgsByName.set(normaliseLabel(name), [org]);
    if (creditCode) this.refs.orgByCredit.set(creditCode, org);
    return id;
  }

  static isNew(id: number | null | undefined): id is number {
    return typeof id === 'number' && id > NewOwners.BASE;
  }
}

/** How unknown owners are treated: created (in the row's region) when the actor may register organisations. */
export interface OwnerPolicy {
  newOwners: NewOwners | null;
  /** The region of a row that names none (the file's region). */
  fileRegion?: string | undefined;
  /**
   * While the file's region is still to be chosen (the import is blocked until it is), the actor's own region
   * stands in for new owners, so the preview lists them instead of calling every owner unknown.
   */
  previewRegion?: string | undefined;
}

/** The ids and codes the row's names refer to; undefined when the sheet has no such column. */
export interface ResolvedRefs {
  ownerOrgId?: number | null;
  regionCode?: string | null;
  stage?: string | null;
  serviceOfficerId?: number | null;
}

const text = (value: CellValue | undefined) => (typeof value === 'string' ? value : null);

/** Resolves the row's owner, region, stage and officer, adding an issue for each name that fits nothing or many. */
export function resolveRefs(
  parsed: ParsedRow,
  refs: References,
  actor: Actor,
  current: ProjectOutput | undefined,
  issue: ReturnType<typeof issueMaker>,
  locale: Locale,
  owners: OwnerPolicy = { newOwners: null },
): ResolvedRefs {
  const resolved: ResolvedRefs = {};
  const fail = (key: ProjectLedgerKey, messageKey: string, params: MessageParams) => {
    parsed.issues.push(issue(parsed.row, key, messageText(messageKey, locale, params)));
    parsed.failed.add(key);
  };
  const { values } = parsed;

  if (values.has('region')) {
    const region = resolveRegion(text(values.get('region')), refs, actor, current);
    if (region.ok) resolved.regionCode = region.code;
    else {
      fail('region', region.problem, region.params);
      // The code's area is still judged against the region named, so the row's other problem shows too.
      if (region.code !== undefined) resolved.regionCode = region.code;
    }
  } else if (owners.fileRegion && !current) resolved.regionCode = owners.fileRegion;

  // An owner not yet registered is created in the row's region (a valid credit code, if given, goes with it).
  const home = resolved.regionCode ?? current?.regionCode ?? owners.fileRegion ?? owners.previewRegion;
  const create = (name: string, credit: string | null) =>
    owners.newOwners && home && !parsed.failed.has('region') && (credit === null || isValidCreditCode(credit))
      ? owners.newOwners.add(name, credit, home)
      : undefined;

  if (values.has('owner') || values.has('ownerCreditCode')) {
    const name = text(values.get('owner'));
    const credit = text(values.get('ownerCreditCode'))?.toUpperCase() ?? null;
    if (credit !== null) {
      const org =
        refs.orgByCredit.get(credit) ?? (name === null ? undefined : refs.orgById.get(create(name, credit) ?? 0));
      if (!org) fail('ownerCreditCode', 'owner.unknown', { value: credit });
      else if (name !== null && normaliseLabel(name) !== normaliseLabel(org.name) && name.toUpperCase() !== credit) {
        fail('owner', 'owner.mismatch', { value: name, other: org.name });
      } else resolved.ownerOrgId = org.id;
    } else if (name !== null) {
      const byCode = isValidCreditCode(name.toUpperCase()) ? refs.orgByCredit.get(name.toUpperCase()) : undefined;
      const named = byCode ? [byCode] : (refs.orgsByName.get(normaliseLabel(name)) ?? []);
      const chosen = named.length > 1 ? named.find((org) => org.id === current?.ownerOrgId) : named[0];
      const created = named.length === 0 ? create(name, null) : undefined;
      if (created !== undefined) resolved.ownerOrgId = created;
      else if (named.length === 0) fail('owner', 'owner.unknown', { value: name });
      else if (!chosen) fail('owner', 'owner.ambiguous', { value: name });
      else resolved.ownerOrgId = chosen.id;
    } else resolved.ownerOrgId = null;
  }

  if (values.has('stage')) {
    const label = text(values.get('stage'));
    const code = label === null ? null : refs.stageByLabel.get(normaliseLabel(label));
    const options = refs.stages.map((stage) => stage[locale]).join('、');
    if (code === undefined) fail('stage', 'stage.unknownLabel', { value: label ?? '', options });
    else resolved.stage = code;
  }

  if (values.has('serviceOfficer')) {
    const name = text(values.get('serviceOfficer'));
    if (name === null) resolved.serviceOfficerId = null;
    else {
      const byUsername = refs.officerByUsername.get(name.toLowerCase());
      const named = byUsername ? [byUsername] : (refs.officersByName.get(normaliseLabel(name)) ?? []);
      const chosen = named.length > 1 ? named.find((o) => o.id === current?.serviceOfficerId) : named[0];
      if (named.length === 0) fail('serviceOfficer', 'officer.unknown', { value: name });
      else if (!chosen) fail('serviceOfficer', 'officer.ambiguous', { value: name });
      else resolved.serviceOfficerId = chosen.id;
    }
  }
  return resolved;
}
