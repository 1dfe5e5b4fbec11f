/**
 * What a row changes: its validated input compared field by field with the project as the API shows it,
 * giving the PATCH body of only the changed fields and, for the preview, each change before → after in
 * the words of the ledger (labels, names, 万元).
 */
import {
  FINANCING_MODEL_LABELS,
  INDUSTRY_SECTION_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  formatWan,
  parseWan,
  type Codelist,
  type Locale,
  type ProjectCreateInput,
  type ProjectOutput,
  type ProjectUpdateInput,
} from '@keyprojects/core';
import type { LedgerFieldChange } from '@keyprojects/core';
import type { References } from './project-ledger.references.ts';

type Field = keyof ProjectCreateInput;
type Plan = { year: number; plannedInvestment: string; nature: string; plannedNewStart: boolean };

/** The ledger key (field of a change) of an API field. */
export function ledgerFieldOf(field: string): string {
  switch (field) {
    case 'ownerOrgId':
      return 'owner';
    case 'regionCode':
      return 'region';
    case 'serviceOfficerId':
      return 'serviceOfficer';
    default:
      return field;
  }
}

/** Sheet header of a change's field: the file's own header, or the standard one. */
export type HeaderOf = (field: string) => string;

const sortedUnique = (list: readonly string[]) => [...new Set(list)].sort().join('\u0000');
const blank = (value: unknown) => value === null || value === undefined || value === '';
const fenOf = (amount: string) => parseWan(amount) ?? -1n;
/** Plans by year → amount in fen, nature and new-start flag, for comparison. */
const planKey = (plans: readonly Plan[], fromInput: boolean) =>
  new Map(
    plans.map((p) => [
      p.year,
      `${(fromInput ? BigInt(p.plannedInvestment) : fenOf(p.plannedInvestment)).toString()}|${p.nature}|${String(p.plannedNewStart)}`,
    ]),
  );

/** True when the input value (zod output: money as fen strings) equals the project's value. */
function same(field: Field, value: unknown, current: ProjectOutput): boolean {
  if (field === 'totalInvestment') return typeof value === 'string' && BigInt(value) === fenOf(current.totalInvestment);
  if (field === 'longitude' || field === 'latitude') {
    const now = current[field];
    return typeof value === 'number' && now !== null ? value.toFixed(6) === now.toFixed(6) : value === now;
  }
  if (field === 'levels' || field === 'tags') {
    return Array.isArray(value) && sortedUnique(value as string[]) === sortedUnique(current[field]);
  }
  if (field === 'annualPlans') {
    const mine = planKey(value as Plan[], true);
    const theirs = planKey(current.annualPlans, false);
    return mine.size === theirs.size && [...mine].every(([year, key]) => theirs.get(year) === key);
  }
  const now = (current as Record<string, unknown>)[field];
  return (blank(value) && blank(now)) || value === now;
}

const labelOf = (list: Codelist<string>, code: string, locale: Locale) => list[code]?.[locale] ?? code;

/** A field's value as the ledger shows it; money values are fen strings (input) unless `wan` is set. */
export function display(field: string, value: unknown, refs: References, locale: Locale, wan = false): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = value.filter((item): item is string => typeof item === 'string');
    return field === 'levels'
      ? items.map((code) => labelOf(PROJECT_LEVEL_LABELS, code, locale)).join('、')
      : items.join('、');
  }
  if (typeof value === 'boolean') return value ? (locale === 'zh' ? '是' : 'yes') : locale === 'zh' ? '否' : 'no';
  if (typeof value === 'number') {
    if (field === 'ownerOrgId') return refs.orgById.get(value)?.name ?? String(value);
    if (field === 'serviceOfficerId') return refs.officerById.get(value)?.displayName ?? String(value);
    return String(value);
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (field) {
    case 'totalInvestment':
      return formatWan(wan ? fenOf(value) : BigInt(value));
    case 'regionCode':
      return refs.regionName.get(value) ?? value;
    case 'stage':
      return refs.stages.find((stage) => stage.code === value)?.[locale] ?? value;
    case 'category':
      return labelOf(PROJECT_CATEGORY_LABELS, value, locale);
    case 'industry':
      return labelOf(INDUSTRY_SECTION_LABELS, value, locale);
    case 'nature':
      return labelOf(PROJECT_NATURE_LABELS, value, locale);
    case 'financingModel':
      return labelOf(FINANCING_MODEL_LABELS, value, locale);
    default:
      return value;
  }
}

/** Per-year changes of annual plans, as “annualPlan.2025” fields. */
function planChanges(before: readonly Plan[], after: readonly Plan[], headerOf: HeaderOf): LedgerFieldChange[] {
  const old = new Map(before.map((p) => [p.year, formatWan(fenOf(p.plannedInvestment))]));
  const next = new Map(after.map((p) => [p.year, formatWan(BigInt(p.plannedInvestment))]));
  const years = [...new Set([...old.keys(), ...next.keys()])].sort((a, b) => a - b);
  return years
    .filter((year) => old.get(year) !== next.get(year))
    .map((year) => ({
      field: `annualPlan.${year}`,
      header: headerOf(`annualPlan.${year}`),
      before: old.get(year) ?? null,
      after: next.get(year) ?? null,
    }));
}

/** The PATCH body of the fields that differ and the changes to show; an empty patch means “unchanged”. */
export function diffProject(
  current: ProjectOutput,
  input: ProjectUpdateInput,
  given: readonly string[],
  refs: References,
  locale: Locale,
  headerOf: HeaderOf,
): { patch: ProjectUpdateInput; changes: LedgerFieldChange[] } {
  const patch: Record<string, unknown> = {};
  const changes: LedgerFieldChange[] = [];
  for (const field of given as Field[]) {
    const value = input[field];
    if (same(field, value, current)) continue;
    patch[field] = value;
    if (field === 'annualPlans') {
      changes.push(...planChanges(current.annualPlans, input.annualPlans ?? [], headerOf));
      continue;
    }
    const before = (current as Record<string, unknown>)[field];
    changes.push({
      field: ledgerFieldOf(field),
      header: headerOf(ledgerFieldOf(field)),
      before: display(field, before, refs, locale, true),
      after: display(field, value, refs, locale),
    });
  }
  return { patch, changes };
}

/** What a new project's row sets, for the preview (the fields the sheet gave). */
export function creationChanges(
  input: ProjectCreateInput,
  given: readonly string[],
  refs: References,
  locale: Locale,
  headerOf: HeaderOf,
): LedgerFieldChange[] {
  return (given as Field[]).flatMap((field): LedgerFieldChange[] =>
    field === 'annualPlans'
      ? planChanges([], input.annualPlans, headerOf)
      : [
          {
            field: ledgerFieldOf(field),
            header: headerOf(ledgerFieldOf(field)),
            before: null,
            after: display(field, input[field], refs, locale),
          },
        ],
  );
}
