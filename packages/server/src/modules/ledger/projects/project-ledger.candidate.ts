/**
 * From a read row to the body a POST (new code) or PATCH (existing code) of /projects would carry, checked
 * by the very same zod schemas. Empty cells: a new project simply lacks the value (the schema's default or
 * “required” applies); an existing project has it cleared, except required fields (an error) and the
 * defaulted stage and statistics flag (left alone).
 */
import type { z } from 'zod';
import {
  message,
  projectCreateInput,
  projectUpdateInput,
  type Fen,
  type Locale,
  type ProjectCreateInput,
  type ProjectLedgerKey,
  type ProjectOutput,
  type ProjectUpdateInput,
} from '@keyprojects/core';
import { issuesToFields } from '../../../errors.ts';
import type { CellValue, ParsedRow, ResolvedRefs, issueMaker } from './project-ledger.rows.ts';

/** Ledger keys whose API field has the same name. */
const DIRECT_KEYS = [
  'code',
  'name',
  'levels',
  'category',
  'industry',
  'nature',
  'constructionContent',
  'address',
  'longitude',
  'latitude',
  'totalInvestment',
  'plannedStartDate',
  'plannedCompletionDate',
  'plannedProductionDate',
  'actualStartDate',
  'actualCompletionDate',
  'actualProductionDate',
  'financingModel',
  'responsibleLeader',
  'responsibleUnit',
  'contactPerson',
  'contactPhone',
  'tags',
  'inStatistics',
  'inStatisticsSince',
] as const satisfies readonly (ProjectLedgerKey & keyof ProjectCreateInput)[];

const REQUIRED = new Set(['name', 'ownerOrgId', 'regionCode', 'levels', 'category', 'nature', 'totalInvestment']);
const DEFAULTED = new Set(['stage', 'inStatistics']);

/** The validated input of a row, or nothing when the row has problems (added to parsed.issues). */
export type Candidate =
  | { mode: 'create'; input: ProjectCreateInput; given: string[] }
  | { mode: 'update'; input: ProjectUpdateInput; given: string[] };

/** The ledger key an API field path is reported under. */
function keyOfPath(
  path: string,
  ownerKey: ProjectLedgerKey,
  planYears: number[],
): { key: ProjectLedgerKey; param?: number } {
  const [head = '', index] = path.split('.');
  switch (head) {
    case 'ownerOrgId':
      return { key: ownerKey };
    case 'regionCode':
      return { key: 'region' };
    case 'serviceOfficerId':
      return { key: 'serviceOfficer' };
    case 'stage':
      return { key: 'stage' };
    case 'annualPlans': {
      const year = planYears[Number(index)];
      return year === undefined ? { key: 'annualPlan' } : { key: 'annualPlan', param: year };
    }
    default:
      return { key: (DIRECT_KEYS as readonly string[]).includes(head) ? (head as ProjectLedgerKey) : 'code' };
  }
}

/** Builds and validates the row's project input; null (with issues recorded) when it is not valid. */
export function buildCandidate(
  parsed: ParsedRow,
  resolved: ResolvedRefs,
  current: ProjectOutput | undefined,
  issue: ReturnType<typeof issueMaker>,
  locale: Locale,
): Candidate | null {
  const body: Record<string, unknown> = {};
  const set = (field: string, key: ProjectLedgerKey, value: CellValue | undefined) => {
    if (parsed.failed.has(key)) return;
    if (value !== null && value !== undefined) body[field] = value;
    else if (!current || DEFAULTED.has(field)) return;
    else if (REQUIRED.has(field)) parsed.issues.push(issue(parsed.row, key, message('required', locale)));
    else body[field] = field === 'tags' ? [] : null;
  };
  for (const key of DIRECT_KEYS) if (parsed.values.has(key)) set(key, key, parsed.values.get(key));
  const ownerKey: ProjectLedgerKey =
    parsed.values.has('owner') || !parsed.values.has('ownerCreditCode') ? 'owner' : 'ownerCreditCode';
  if (resolved.ownerOrgId !== undefined) set('ownerOrgId', ownerKey, resolved.ownerOrgId);
  if (resolved.regionCode !== undefined) set('regionCode', 'region', resolved.regionCode);
  if (resolved.stage !== undefined) set('stage', 'stage', resolved.stage);
  if (resolved.serviceOfficerId !== undefined) set('serviceOfficerId', 'serviceOfficer', resolved.serviceOfficerId);
  const planYears = annualPlans(parsed, current, body);

  const report = (issues: z.core.$ZodIssue[]) => {
    for (const [path, text] of Object.entries(issuesToFields(issues, locale))) {
      const { key, param } = keyOfPath(path, ownerKey, planYears);
      if (parsed.failed.has(param === undefined ? key : `${key}.${param}`)) continue;
      parsed.issues.push(issue(parsed.row, key, text, param));
    }
  };
  const given = Object.keys(body);
  if (current) {
    const result = projectUpdateInput.safeParse(body, { reportInput: true });
    if (!result.success) report(result.error.issues);
    return result.success && parsed.issues.length === 0 ? { mode: 'update', input: result.data, given } : null;
  }
  const result = projectCreateInput.safeParse(body, { reportInput: true });
  if (!result.success) report(result.error.issues);
  return result.success && parsed.issues.length === 0 ? { mode: 'create', input: result.data, given } : null;
}

/**
 * Puts the year columns into body.annualPlans: for a new project the filled years; for an existing one its
 * plans with the sheet's years replaced, added or (empty cell) removed. Returns the years in body order.
 */
function annualPlans(parsed: ParsedRow, current: ProjectOutput | undefined, body: Record<string, unknown>): number[] {
  if (parsed.years.size === 0) return [];
  const nature = typeof body.nature === 'string' ? body.nature : (current?.nature ?? 'new');
  // Plans kept from the project are given back as the API shows them (万元 text); the sheet's years as fen.
  const plans = new Map<
    number,
    { year: number; plannedInvestment: string | Fen; nature: string; plannedNewStart: boolean }
  >();
  for (const plan of current?.annualPlans ?? []) plans.set(plan.year, { ...plan });
  for (const [year, amount] of parsed.years) {
    if (parsed.failed.has(`annualPlan.${year}`)) continue;
    const existing = plans.get(year);
    if (amount === null) plans.delete(year);
    else if (existing) existing.plannedInvestment = amount;
    else plans.set(year, { year, plannedInvestment: amount, nature, plannedNewStart: nature === 'new' });
  }
  const list = [...plans.values()].sort((a, b) => a.year - b.year);
  body.annualPlans = list;
  return list.map((plan) => plan.year);
}
