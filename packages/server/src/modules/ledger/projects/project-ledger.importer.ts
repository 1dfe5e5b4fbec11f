/**
 * The project ledger importer, the pipeline's first user. Rows are keyed by the project code: a code of a
 * live project the actor can see updates it with only the changed fields (identical rows are unchanged,
 * so re-importing a file changes nothing); a new code creates a project. A row without a code (an office ledger
 * without a code column, or an empty cell) goes by its name instead (project-ledger.match.ts). Every row passes the API's zod
 * schema and the project service's reference rules (db/scope.ts): region known and within the actor's scope, code
 * shape, month and area (inside the scope, fitting the region), code not taken (one neutral message whoever holds
 * it), owner and officer known and based inside the scope or above it, stage known.
 */
import {
  can,
  codeAreaFitsRegion,
  ledgerFieldName,
  matchOfficeHeader,
  hasProjectCodeShape,
  LEDGER_INSTRUCTIONS_SHEET,
  LEDGER_LISTS_SHEET,
  messageText,
  parseProjectCode,
  PROJECT_LEDGER_SHEET,
  projectLedgerColumn,
  type Locale,
  type ProjectLedgerKey,
  type LedgerFieldChange,
  type LedgerRowIssue,
  type LedgerRowOutcome,
} from '@keyprojects/core';
import { homeRegionInScope, regionInScope } from '../../../db/scope.ts';
import { requirePermission } from '../../auth/actor.ts';
import { registerOrganizationIn } from '../../organization/organization.service.ts';
import { MAX_DETAILED_ROWS, type LedgerImporter } from '../import/import.pipeline.ts';
import { buildCandidate } from './project-ledger.candidate.ts';
import { creationChanges, diffProject } from './project-ledger.diff.ts';
import { matchByName, type NameMatch } from './project-ledger.match.ts';
import { loadExisting, loadReferences } from './project-ledger.references.ts';
import type { ParsedRow } from './project-ledger.rows.ts';
import { fileRegion, projectLayoutRules, type ProjectImportOptions } from './project-ledger.office.ts';
import { issueMaker, NewOwners, readRow, resolveRefs, resolveRegion, type NewOwner } from './project-ledger.rows.ts';
import { writeCreates, writeUpdates, type PlannedCreate, type PlannedUpdate } from './project-ledger.write.ts';
import { decideYtd, loadFiledReports, writeYtd, type PlannedYtd } from './project-ledger.ytd.ts';

/** Fields an existing project's lifecycle transitions decide, not its ledger row. */
const LIFECYCLE_OWNED = ['stage', 'actualStartDate', 'actualCompletionDate', 'actualProductionDate'] as const;

/** What a committed project ledger writes. */
export interface ProjectLedgerPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** Owners to register first, by the stand-in id the rows carry. */
  newOwners: Map<number, NewOwner>;
  /** Year-to-date figures to record as imported, confirmed reports. */
  ytd: PlannedYtd[];
}

const PROGRESS_EVERY = 500;

/** The standard header of a ledger field (“annualPlan.2025” → 2025年计划投资（万元）). */
function standardHeader(field: string, locale: Locale): string {
  const [key = '', year] = field.split('.');
  return year && key === 'annualPlan'
    ? `${year}年计划投资（万元）`
    : projectLedgerColumn(key as ProjectLedgerKey).header[locale];
}

/** The project ledger, keyed by project code; reads the template and offices' own annual ledgers alike. */
export const projectLedgerImporter: LedgerImporter<ProjectLedgerKey, ProjectLedgerPlan, ProjectImportOptions> = {
  kind: 'projects',
  sheetNames: [PROJECT_LEDGER_SHEET],
  skipSheets: [LEDGER_INSTRUCTIONS_SHEET, LEDGER_LISTS_SHEET],
  matchHeader: matchOfficeHeader,
  layoutRules: projectLayoutRules,
  requiredKeys: [['code', 'name']],
  keyColumn: 'code',
  label: (key, locale) => projectLedgerColumn(key).header[locale],

  authorize(actor) {
    requirePermission(actor, 'project.create');
    requirePermission(actor, 'project.update');
  },

  async plan({ db, actor, locale, options, progress }, layout, rows) {
    const issue = issueMaker(layout, locale);
    const headerOf = (field: string) =>
      layout.columns.find((c) => ledgerFieldName(c.key, c.param) === field)?.header ?? standardHeader(field, locale);
    const parsed = rows.map((row) => readRow(row, layout, locale));
    const codes = [...new Set(parsed.flatMap((p) => (p.code && hasProjectCodeShape(p.code) ? [p.code] : [])))];
    const [refs, existing] = await Promise.all([loadReferences(db), loadExisting(db, actor, codes)]);
    const hasRegionColumn = layout.columns.some((column) => column.key === 'region');
    const region = hasRegionColumn ? undefined : fileRegion(actor, options);
    const rowRegion = (row: ParsedRow) => {
      if (!hasRegionColumn) return region;
      const cell = row.values.get('region');
      const found = resolveRegion(typeof cell === 'string' ? cell : null, refs, actor, undefined);
      return found.ok ? (found.code ?? undefined) : undefined;
    };
    const byName = await matchByName(db, actor, parsed, rowRegion, options.today);
    for (const [row, match] of byName) takeNameMatch(row, match);
    const ytdColumns = layout.columns.filter((column) => column.key === 'completedYtd' && column.param !== undefined);
    const filed = await loadFiledReports(
      db,
      [...existing.visible.values()].map((project) => project.id),
      [...new Set(ytdColumns.map((column) => Math.floor((column.param ?? 0) / 100)))],
    );
    const newOwners = can(actor.role, 'organization.create') ? new NewOwners(refs) : null;
    const previewRegion = !hasRegionColumn && region === undefined ? (actor.regionCode ?? undefined) : undefined;
    const owners = { newOwners, fileRegion: region, previewRegion };

    const firstRowOf = new Map<string, number>();
    let detailed = 0;
    const outcomes: LedgerRowOutcome[] = [];
    const issues: LedgerRowIssue[] = [];
    const plan: ProjectLedgerPlan = {
      creates: [],
      updates: [],
      newOwners: newOwners?.byId ?? new Map<number, NewOwner>(),
      ytd: [],
    };
    // Without a region column and without a region for the file, one message says so instead of one per row.
    const regionMissing = !hasRegionColumn && region === undefined;
    if (regionMissing && parsed.some((row) => row.code === null || !existing.visible.has(row.code))) {
      issues.push({
        row: layout.headerRow,
        column: null,
        header: projectLedgerColumn('region').header[locale],
        field: 'region',
        message: messageText('region.chooseForFile', locale),
      });
    }
    parsed.forEach((row, index) => {
      if (index % PROGRESS_EVERY === 0) progress({ phase: 'validating', processed: index, total: parsed.length });
      const current = row.code === null ? undefined : existing.visible.get(row.code);
      const match = byName.get(row);
      if (match?.kind === 'ambiguous') {
        const name = row.values.get('name');
        const params = { value: typeof name === 'string' ? name : '', codes: match.codes.join('、') };
        row.issues.push(issue(row.row, 'name', messageText('row.nameAmbiguous', locale, params)));
        outcomes.push({ row: row.row, key: null, action: 'invalid' });
        issues.push(...row.issues);
        return;
      }
      const matchedBy = match?.kind === 'name' || match?.kind === 'issued' ? { match: match.kind } : {};
      const fail = (key: ProjectLedgerKey, messageKey: string, params: Record<string, string | number> = {}) => {
        row.issues.push(issue(row.row, key, messageText(messageKey, locale, params)));
      };
      if (row.code !== null) {
        const first = firstRowOf.get(row.code);
        if (first === undefined) firstRowOf.set(row.code, row.row);
        else fail('code', 'row.duplicateKey', { other: first });
      }
      const resolved = resolveRefs(row, refs, actor, current, issue, locale, owners);
      const candidate = buildCandidate(row, resolved, current, issue, locale);
      // A new row without a code gets one in its region: while the file's region is to be chosen, that is said once.
      if (regionMissing) {
        row.issues = row.issues.filter(
          (found) => found.field !== 'region' && !(match?.kind === 'unplaced' && found.field === 'code'),
        );
      }
      const ytdChanges = planYtd(row, current?.id);
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
        outcomes.push({ row: row.row, key: row.code, action: 'invalid', ...matchedBy });
        issues.push(...row.issues);
      } else if (candidate.mode === 'update' && current) {
        const diff = diffProject(current, candidate.input, candidate.given, refs, locale, headerOf);
        const { patch } = diff;
        const changes = [...diff.changes, ...ytdChanges];
        const changed = Object.keys(patch).length > 0 || ytdChanges.length > 0;
        const detail = changed && detailed < MAX_DETAILED_ROWS;
        if (detail) detailed += 1;
        outcomes.push({
          row: row.row,
          key: row.code,
          action: changed ? 'update' : 'unchanged',
          id: current.id,
          ...matchedBy,
          ...(detail ? { changes } : {}),
        });
        if (Object.keys(patch).length > 0) plan.updates.push({ row: row.row, current, patch });
      } else if (candidate.mode === 'create') {
        // Listing every field of every new row costs more than the rest of the check; the first rows show enough.
        const detail = detailed < MAX_DETAILED_ROWS;
        if (detail) detailed += 1;
        outcomes.push({
          row: row.row,
          key: row.code,
          action: 'create',
          ...matchedBy,
          ...(detail
            ? { changes: [...creationChanges(candidate.input, candidate.given, refs, locale, headerOf), ...ytdChanges] }
            : {}),
        });
        plan.creates.push({ row: row.row, input: candidate.input });
      }
    });
    progress({ phase: 'validating', processed: parsed.length, total: parsed.length });
    const newOrganizations = [...plan.newOwners.values()].map((owner) => owner.name);
    return { outcomes, issues, plan, detailsOmitted: detailed >= MAX_DETAILED_ROWS, newOrganizations };

    /** Gives a code-less row the code of the project its name matched, or the code issued for it. */
    function takeNameMatch(row: ParsedRow, match: NameMatch) {
      const code = match.kind === 'name' ? match.project.code : match.kind === 'issued' ? match.code : null;
      if (code === null) return;
      if (match.kind === 'name') existing.visible.set(code, match.project);
      row.code = code;
      // A new project needs its code in the input; an existing one keeps its own (the sheet may have no code column).
      if (match.kind === 'issued' || row.values.has('code')) row.values.set('code', code);
    }

    /** The row's year-to-date cells: figures planned (their preview changes returned), or issues at the cells. */
    function planYtd(row: ParsedRow, projectId: number | undefined): LedgerFieldChange[] {
      const changes: LedgerFieldChange[] = [];
      const progressText = row.values.get('progressText');
      for (const [param, cumulative] of row.ytd) {
        if (cumulative === null || row.code === null) continue;
        const header = headerOf(ledgerFieldName('completedYtd', param));
        const decision = decideYtd(filed, projectId, param, cumulative, header, locale);
        if (decision.kind === 'problem') row.issues.push(issue(row.row, 'completedYtd', decision.message, param));
        if (decision.kind !== 'record') continue;
        changes.push(decision.change);
        plan.ytd.push({
          row: row.row,
          code: row.code,
          year: Math.floor(param / 100),
          month: param % 100,
          amount: decision.amount,
          progressText: typeof progressText === 'string' ? progressText : null,
        });
      }
      return changes;
    }
  },

  async apply({ db, actor, locale, options, progress, importId }, plan) {
    const byRow = (row: number, key: 'import.conflict' | 'import.taken'): LedgerRowIssue => ({
      row,
      column: null,
      header: null,
      field: 'code',
      message: messageText(key, locale, { row }),
    });
    const done = { count: 0, total: plan.creates.length + plan.updates.length };
    progress({ phase: 'writing', processed: 0, total: done.total });
    // Owners first (audited like any registration), so the projects carry their real ids.
    const realId = new Map<number, number>();
    for (const [standIn, owner] of plan.newOwners) {
      realId.set(standIn, (await registerOrganizationIn(db, actor, { kind: 'owner', ...owner })).id);
    }
    const swap = <T extends { ownerOrgId?: number | null | undefined }>(input: T): T =>
      NewOwners.isNew(input.ownerOrgId) ? { ...input, ownerOrgId: realId.get(input.ownerOrgId) } : input;
    const updates = plan.updates.map((update) => ({ ...update, patch: swap(update.patch) }));
    const creates = plan.creates.map((create) => ({ ...create, input: swap(create.input) }));
    await writeUpdates(db, actor, updates, progress, done, (row) => byRow(row, 'import.conflict'));
    await writeCreates(db, actor, creates, progress, done, (row) => byRow(row, 'import.taken'));
    await writeYtd(db, actor, plan.ytd, importId, options.deadlineDay);
  },
};
