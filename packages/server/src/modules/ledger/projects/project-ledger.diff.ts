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
  type Fen,
  type Locale,
  type ProjectCreateInput,
  type ProjectOutput,
  type ProjectUpdateInput,
  type LedgerFieldChange,
} from '@keyprojects/core';
import type { References } from './project-ledger.references.ts';

type Field = keyof ProjectCreateInput;
/** An annual plan as the input has it (money in fen). */
type Plan = ProjectCreateInput['annualPlans'][number];
/** An annual plan as the API shows it (money in 万元). */
type ShownPlan = ProjectOutput['annualPlans'][number];

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
/** The API's 万元 text of a stored amount back in fen (the only place the ledger reads a 万元 string). */
const fenOf = (amount: string): Fen => parseWan(amount) ?? -1n;
/** Plans by year → amount in fen, nature and new-start flag, for comparison. */
const planKey = (plans: readonly { year: number; nature: string; plannedNewStart: boolean; fen: Fen }[]) =>
  new Map(plans.map((p) => [p.year, `${p.fen.toString()}|${p.nature}|${String(p.plannedNewStart)}`]));
const inputPlans = (plans: readonly Plan[]) => plans.map((p) => ({ ...p, fen: p.plannedInvestment }));
const shownPlans = (plans: readonly ShownPlan[]) => plans.map((p) => ({ ...p, fen: fenOf(p.plannedInvestment) }));

/** True when the input value (zod output: money in fen) equals the project's value. */
function same(field: Field, value: unknown, current: ProjectOutput): boolean {
  if (field === 'totalInvestment') return value === fenOf(current.totalInvestment);
  if (field === 'longitude' || field === 'latitude') {
    const now = current[field];
    return typeof value === 'number' && now !== null ? value.toFixed(6) === now.toFixed(6) : value === now;
  }
  if (field === 'levels' || field === 'tags') {
    return Array.isArray(value) && sortedUnique(value as string[]) === sortedUnique(current[field]);
  }
  if (field === 'annualPlans') {
    const mine = planKey(inputPlans(value as Plan[]));
    const theirs = planKey(shownPlans(current.annualPlans));
    return mine.size === theirs.size && [...mine].every(([year, key]) => theirs.get(year) === key);
  }
  const now = (current as Record<string, unknown>)[field];
  return (blank(value) && blank(now)) || value === now;
}

const labelOf = (list: Codelist<string>, code: string, locale: Locale) => list[code]?.[locale] ?? code;

/** A field's value as the ledger shows it: money in fen (input) or as the API's 万元 text, both shown in 万元. */
export function display(field: string, value: unknown, refs: References, locale: Locale): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'bigint') return formatWan(value);
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
      return formatWan(fenOf(value));
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
function planChanges(before: readonly ShownPlan[], after: readonly Plan[], headerOf: HeaderOf): LedgerFieldChange[] {
  const old = new Map(before.map((p) => [p.year, formatWan(fenOf(p.plannedInvestment))]));
  const next = new Map(after.map((p) => [p.year, formatWan(p.plannedInvestment)]));
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
      before: display(field, before, refs, locale),
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
