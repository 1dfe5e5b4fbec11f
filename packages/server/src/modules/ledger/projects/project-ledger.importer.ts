/**
 * The project ledger importer, the pipeline's first user. Rows are keyed by the project code: a code of a
 * live project the actor can see updates it with only the changed fields (identical rows are unchanged,
 * so re-importing a file changes nothing); a new code creates a project. Every row passes the API's zod
 * schema and the project service's reference rules (db/scope.ts): region known and within the actor's scope, code
 * shape, month and area (inside the scope, fitting the region), code not taken (one neutral message whoever holds
 * it), owner and officer known and based inside the scope or above it, stage known.
 */
import {
  codeAreaFitsRegion,
  hasProjectCodeShape,
  LEDGER_INSTRUCTIONS_SHEET,
  LEDGER_LISTS_SHEET,
  matchProjectLedgerHeader,
  messageText,
  parseProjectCode,
  PROJECT_LEDGER_SHEET,
  projectLedgerColumn,
  type Locale,
  type ProjectLedgerKey,
  type LedgerRowIssue,
  type LedgerRowOutcome,
} from '@keyprojects/core';
import { homeRegionInScope, regionInScope } from '../../../db/scope.ts';
import { requirePermission } from '../../auth/actor.ts';
import { MAX_DETAILED_ROWS, type LedgerImporter } from '../import/import.pipeline.ts';
import { buildCandidate } from './project-ledger.candidate.ts';
import { creationChanges, diffProject } from './project-ledger.diff.ts';
import { loadExisting, loadReferences } from './project-ledger.references.ts';
import { issueMaker, readRow, resolveRefs } from './project-ledger.rows.ts';
import { writeCreates, writeUpdates, type PlannedCreate, type PlannedUpdate } from './project-ledger.write.ts';

/** Fields an existing project's lifecycle transitions decide, not its ledger row. */
const LIFECYCLE_OWNED = ['stage', 'actualStartDate', 'actualCompletionDate', 'actualProductionDate'] as const;

/** What a committed project ledger writes. */
export interface ProjectLedgerPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
}

const PROGRESS_EVERY = 500;

/** The standard header of a ledger field (“annualPlan.2025” → 2025年计划投资（万元）). */
function standardHeader(field: string, locale: Locale): string {
  const [key = '', year] = field.split('.');
  return year ? `${year}年计划投资（万元）` : projectLedgerColumn(key as ProjectLedgerKey).header[locale];
}

/** The project ledger, keyed by project code. */
export const projectLedgerImporter: LedgerImporter<ProjectLedgerKey, ProjectLedgerPlan> = {
  kind: 'projects',
  sheetNames: [PROJECT_LEDGER_SHEET],
  skipSheets: [LEDGER_INSTRUCTIONS_SHEET, LEDGER_LISTS_SHEET],
  matchHeader: matchProjectLedgerHeader,
  requiredKeys: ['code'],
  keyColumn: 'code',
  label: (key, locale) => projectLedgerColumn(key).header[locale],

  authorize(actor) {
    requirePermission(actor, 'project.create');
    requirePermission(actor, 'project.update');
  },

  async plan({ db, actor, locale, progress }, layout, rows) {
    const issue = issueMaker(layout, locale);
    const headerOf = (field: string) =>
      layout.columns.find((c) => (c.param === undefined ? c.key : `${c.key}.${c.param}`) === field)?.header ??
      standardHeader(field, locale);
    const parsed = rows.map((row) => readRow(row, layout, locale));
    const codes = [...new Set(parsed.flatMap((p) => (p.code && hasProjectCodeShape(p.code) ? [p.code] : [])))];
    const [refs, existing] = await Promise.all([loadReferences(db), loadExisting(db, actor, codes)]);

    const firstRowOf = new Map<string, number>();
    let detailed = 0;
    const outcomes: LedgerRowOutcome[] = [];
    const issues: LedgerRowIssue[] = [];
    const plan: ProjectLedgerPlan = { creates: [], updates: [] };
    parsed.forEach((row, index) => {
      if (index % PROGRESS_EVERY === 0) progress({ phase: 'validating', processed: index, total: parsed.length });
      const current = row.code === null ? undefined : existing.visible.get(row.code);
      const fail = (key: ProjectLedgerKey, messageKey: string, params: Record<string, string | number> = {}) => {
        row.issues.push(issue(row.row, key, messageText(messageKey, locale, params)));
      };
      if (row.code !== null) {
        const first = firstRowOf.get(row.code);
        if (first === undefined) firstRowOf.set(row.code, row.row);
        else fail('code', 'row.duplicateKey', { other: first });
      }
      const resolved = resolveRefs(row, refs, actor, current, issue, locale);
      const candidate = buildCandidate(row, resolved, current, issue, locale);
      if (row.code !== null && hasProjectCodeShape(row.code)) {
        const parsedCode = parseProjectCode(row.code, (area) => refs.regionName.has(area));
        const area = row.code.slice(5, 11);
        const region = resolved.regionCode ?? current?.regionCode;
        if (!parsedCode.ok) fail('code', parsedCode.problem);
        else if (current) {
          // The code is the row's key: an existing project keeps it.
        } else if (!regionInScope(actor, area)) fail('code', 'projectCode.areaOutOfScope');
        else if (region && !codeAreaFitsRegion(area, region)) fail('code', 'projectCode.areaMismatch');
        else if (existing.taken.has(row.code)) fail('code', 'projectCode.unavailable');
      }
      const owner = resolved.ownerOrgId == null ? undefined : refs.orgById.get(resolved.ownerOrgId);
      if (owner && owner.id !== current?.ownerOrgId && !homeRegionInScope(actor, owner.regionCode)) {
        fail(row.values.has('ownerCreditCode') ? 'ownerCreditCode' : 'owner', 'region.outOfScope');
      }
      const officer = resolved.serviceOfficerId == null ? undefined : refs.officerById.get(resolved.serviceOfficerId);
      if (officer && officer.id !== current?.serviceOfficerId && !homeRegionInScope(actor, officer.home)) {
        fail('serviceOfficer', 'region.outOfScope');
      }
      // The lifecycle owns an existing project's stage and actual dates (they derive from its transitions): a
      // ledger that changes them is refused at the cell, pointing to the project's 全生命周期 card.
      if (candidate?.mode === 'update' && current) {
        for (const field of LIFECYCLE_OWNED) {
          const value = candidate.input[field];
          if (candidate.given.includes(field) && value !== undefined && value !== current[field]) {
            fail(field, 'lifecycle.ownedByTransitions');
          }
        }
      }
      if (!candidate || row.issues.length > 0) {
        outcomes.push({ row: row.row, key: row.code, action: 'invalid' });
        issues.push(...row.issues);
      } else if (candidate.mode === 'update' && current) {
        const { patch, changes } = diffProject(current, candidate.input, candidate.given, refs, locale, headerOf);
        const changed = Object.keys(patch).length > 0;
        const detail = changed && detailed < MAX_DETAILED_ROWS;
        if (detail) detailed += 1;
        outcomes.push({
          row: row.row,
          key: row.code,
          action: changed ? 'update' : 'unchanged',
          id: current.id,
          ...(detail ? { changes } : {}),
        });
        if (changed) plan.updates.push({ row: row.row, current, patch });
      } else if (candidate.mode === 'create') {
        // Listing every field of every new row costs more than the rest of the check; the first rows show enough.
        const detail = detailed < MAX_DETAILED_ROWS;
        if (detail) detailed += 1;
        outcomes.push({
          row: row.row,
          key: row.code,
          action: 'create',
          ...(detail ? { changes: creationChanges(candidate.input, candidate.given, refs, locale, headerOf) } : {}),
        });
        plan.creates.push({ row: row.row, input: candidate.input });
      }
    });
    progress({ phase: 'validating', processed: parsed.length, total: parsed.length });
    return { outcomes, issues, plan, detailsOmitted: detailed >= MAX_DETAILED_ROWS };
  },

  async apply({ db, actor, locale, progress }, plan) {
    const byRow = (row: number, key: 'import.conflict' | 'import.taken'): LedgerRowIssue => ({
      row,
      column: null,
      header: null,
      field: 'code',
      message: messageText(key, locale, { row }),
    });
    const done = { count: 0, total: plan.creates.length + plan.updates.length };
    progress({ phase: 'writing', processed: 0, total: done.total });
    await writeUpdates(db, actor, plan.updates, progress, done, (row) => byRow(row, 'import.conflict'));
    await writeCreates(db, actor, plan.creates, progress, done, (row) => byRow(row, 'import.taken'));
  },
};
