/**
 * The monthly-report ledger importer: one period (chosen on import), one row per project keyed by its code.
 * Each row is checked by the report API's own schema and rules and written through the report service's
 * own in-transaction functions (fileReportIn, reviewReportIn), so a ledger row and a PUT of the report store
 * the same figures, write the same audit rows and refresh project_year_progress the same way.
 *
 * What state an imported report takes follows from the review transitions, for the importing role:
 * - an owner's import submits its reports for review, as the owner's own filing does;
 * - district staff and the city administrator are the reviewers; their ledger is the district's figures entered
 *   on the owners' behalf, so their import submits each report, and another reviewer approves it on the review
 *   desk (no one approves what they submitted: four eyes). A report already submitted or approved is first
 *   returned (reopened) with a recorded reason; a confirmed one is refused.
 * Rows whose figures equal the filed report change nothing, whatever its state: an import is data entry,
 * not a way to approve owners' submissions wholesale, and re-importing a file must change nothing.
 * A locked period takes only corrections with a reason per report; a ledger carries no reasons, so rows that
 * would change a locked period are refused (the simpler rule) and corrections stay on the report page.
 */
import {
  hasProjectCodeShape,
  LEDGER_INSTRUCTIONS_SHEET,
  LEDGER_LISTS_SHEET,
  matchReportLedgerHeader,
  message,
  messageText,
  REPORT_LEDGER_SHEET,
  REPORT_STATE_LABELS,
  reportLedgerColumn,
  reportTransition,
  type ReportInput,
  type ReportLedgerKey,
  type ReportState,
  type Role,
  type LedgerRowIssue,
  type LedgerRowOutcome,
} from '@keyprojects/core';
import { sql } from 'kysely';
import { scopedProjects } from '../../../db/scope.ts';
import { AppError, errors, fieldMessageText } from '../../../errors.ts';
import { requirePermission } from '../../auth/actor.ts';
import { findPeriod, monthEnd, monthStart } from '../../report/period.repository.ts';
import { checkReportInput, fileReportIn, reviewReportIn, type ReportCalendar } from '../../report/report.service.ts';
import {
  MAX_DETAILED_ROWS,
  ImportConflict,
  type ImportContext,
  type LedgerImporter,
} from '../import/import.pipeline.ts';
import {
  isEmptyReportRow,
  issueMaker,
  loadStages,
  readReportRow,
  reportCandidate,
  reportChanges,
  serviceIssues,
} from './report-ledger.rows.ts';

/** The reporting period a monthly-report ledger is imported into. */
export interface ReportPeriod {
  year: number;
  month: number;
}

/** A review-desk step the import takes for a row, in order. */
type Step = 'return' | 'submit';

/** What a committed monthly-report ledger writes: per changed row, its project, input and steps. */
export interface ReportLedgerPlan {
  rows: { row: number; projectId: number; input: ReportInput; steps: Step[] }[];
}

/**
 * The steps an import takes from the report's current state for the role, each a legal review transition:
 * reopen (return) when the role may not file over the current state but may return it, then file (submit). Never
 * approve: the importer is the submitter, and a submitter does not approve its own report. Null when the role may
 * not change the report at all.
 */
export function importSteps(current: ReportState | null, role: Role): { steps: Step[]; next: ReportState } | null {
  const steps: Step[] = [];
  let state = current;
  if (state !== null && !reportTransition(state, 'submit', role).ok) {
    const reopened = reportTransition(state, 'return', role);
    if (!reopened.ok) return null;
    steps.push('return');
    state = reopened.next;
  }
  const submitted = reportTransition(state, 'submit', role);
  if (!submitted.ok) return null;
  steps.push('submit');
  return { steps, next: submitted.next };
}

/** Refuses a period that has not begun, as filing does (a field-level 400 on the month). */
export function checkReportPeriod(calendar: ReportCalendar, period: ReportPeriod): void {
  if (monthStart(period.year, period.month) > calendar.today()) {
    throw errors.invalidField('month', 'report.futurePeriod');
  }
}

const PROGRESS_EVERY = 200;

/** The projects of the codes that the actor can see (a code out of sight is as unknown as one that does not exist). */
async function loadProjects(context: ImportContext<ReportPeriod>, codes: string[]) {
  const { db, actor } = context;
  const visible = await scopedProjects(db, actor)
    .where(sql<boolean>`projects.code = any(${codes}::text[])`)
    .select(['projects.id', 'projects.code'])
    .execute();
  const ids = visible.map((project) => project.id);
  const filed =
    ids.length === 0
      ? []
      : await db
          .selectFrom('monthly_reports')
          .selectAll()
          .where('year', '=', context.options.year)
          .where('month', '=', context.options.month)
          .where(sql<boolean>`project_id = any(${ids}::int[])`)
          .execute();
  return {
    idOf: new Map(visible.map((project) => [project.code, project.id])),
    filedOf: new Map(filed.map((report) => [report.project_id, report])),
  };
}

/** The monthly-report ledger importer for a calendar (today's date decides which periods have begun). */
export function reportLedgerImporter(
  calendar: ReportCalendar,
): LedgerImporter<ReportLedgerKey, ReportLedgerPlan, ReportPeriod> {
  return {
    kind: 'monthly-reports',
    sheetNames: [REPORT_LEDGER_SHEET],
    skipSheets: [LEDGER_INSTRUCTIONS_SHEET, LEDGER_LISTS_SHEET],
    matchHeader: matchReportLedgerHeader,
    requiredKeys: ['code'],
    keyColumn: 'code',
    label: (key, locale) => reportLedgerColumn(key).header[locale],

    authorize(actor) {
      requirePermission(actor, 'report.write');
    },

    async plan(context, layout, rows) {
      const { db, actor, locale, options: period, progress } = context;
      checkReportPeriod(calendar, period);
      const issue = issueMaker(layout, locale);
      const headerOf = (key: ReportLedgerKey) =>
        layout.columns.find((column) => column.key === key)?.header ?? reportLedgerColumn(key).header[locale];
      const parsed = rows.map((row) => readReportRow(row, layout, locale));
      const codes = [
        ...new Set(parsed.flatMap((row) => (row.code && hasProjectCodeShape(row.code) ? [row.code] : []))),
      ];
      const [projects, stages, periodRow] = await Promise.all([
        loadProjects(context, codes),
        loadStages(db),
        findPeriod(db, period.year, period.month),
      ]);
      const cutoff = periodRow?.cutoff_date ?? monthEnd(period.year, period.month);
      const periodText = `${period.year}-${String(period.month).padStart(2, '0')}`;

      const firstRowOf = new Map<string, number>();
      const outcomes: LedgerRowOutcome[] = [];
      const issues: LedgerRowIssue[] = [];
      const plan: ReportLedgerPlan = { rows: [] };
      let detailed = 0;
      for (const [index, row] of parsed.entries()) {
        if (index % PROGRESS_EVERY === 0) progress({ phase: 'validating', processed: index, total: parsed.length });
        const fail = (key: ReportLedgerKey, messageKey: string, params: Record<string, string | number> = {}) =>
          row.issues.push(issue(row.row, key, messageText(messageKey, locale, params)));
        const projectId = row.code === null ? undefined : projects.idOf.get(row.code);
        if (row.code === null) {
          if (!row.failed.has('code')) fail('code', 'required');
        } else {
          const first = firstRowOf.get(row.code);
          if (first === undefined) firstRowOf.set(row.code, row.row);
          else fail('code', 'row.duplicateKey', { other: first });
          if (projectId === undefined) {
            fail('code', 'report.projectUnknown', { value: row.code });
          }
        }
        if (row.issues.length === 0 && isEmptyReportRow(row)) {
          outcomes.push({
            row: row.row,
            key: row.code,
            action: 'skipped',
            reason: message('report.rowEmpty', locale),
          });
          continue;
        }
        const filed = projectId === undefined ? undefined : projects.filedOf.get(projectId);
        const input = reportCandidate(row, filed, stages, issue, locale);
        if (!input || projectId === undefined) {
          outcomes.push({ row: row.row, key: row.code, action: 'invalid' });
          issues.push(...row.issues);
          continue;
        }
        const route = importSteps(filed?.state ?? null, actor.role);
        const changes = reportChanges(
          filed,
          input,
          route?.next ?? filed?.state ?? 'submitted',
          stages,
          locale,
          headerOf,
        );
        if (changes.length === 0) {
          // Rows carry the id of the filed report (the record they leave alone or change), as ledgers do.
          outcomes.push({ row: row.row, key: row.code, action: 'unchanged', ...(filed ? { id: filed.id } : {}) });
          continue;
        }
        // The rules of filing, checked now so the preview names every problem with its row and column.
        if (periodRow?.locked_at) fail('code', 'report.periodLocked', { period: periodText });
        else if (!route)
          fail('code', 'report.stateBlocked', { state: REPORT_STATE_LABELS[filed?.state ?? 'draft'][locale] });
        else {
          try {
            await checkReportInput(db, { projectId, ...period }, cutoff, input);
          } catch (error) {
            if (!(error instanceof AppError) || !error.fields) throw error;
            row.issues.push(...serviceIssues(row.row, error.fields, issue, locale));
          }
        }
        if (row.issues.length > 0 || !route) {
          outcomes.push({ row: row.row, key: row.code, action: 'invalid' });
          issues.push(...row.issues);
          continue;
        }
        const detail = detailed < MAX_DETAILED_ROWS;
        if (detail) detailed += 1;
        outcomes.push({
          row: row.row,
          key: row.code,
          action: filed ? 'update' : 'create',
          ...(filed ? { id: filed.id } : {}),
          ...(detail ? { changes } : {}),
        });
        plan.rows.push({ row: row.row, projectId, input, steps: route.steps });
      }
      progress({ phase: 'validating', processed: parsed.length, total: parsed.length });
      return { outcomes, issues, plan, detailsOmitted: detailed >= MAX_DETAILED_ROWS };
    },

    async apply({ db, actor, locale, options: period, progress }, plan) {
      const reason = message('report.importReturn', locale);
      progress({ phase: 'writing', processed: 0, total: plan.rows.length });
      for (const [index, item] of plan.rows.entries()) {
        const ref = { projectId: item.projectId, ...period };
        try {
          for (const step of item.steps) {
            if (step === 'return') await reviewReportIn(db, actor, ref, { decision: 'return', reason });
            else await fileReportIn(db, calendar, actor, ref, item.input);
          }
        } catch (error) {
          // The report or its period moved since the preview (another filing, a lock): nothing is written.
          if (!(error instanceof AppError)) throw error;
          const detail = error.fields ? Object.values(error.fields)[0] : undefined;
          throw new ImportConflict({
            row: item.row,
            column: null,
            header: null,
            field: 'code',
            message: message('report.importConflict', locale, {
              row: item.row,
              reason: detail ? fieldMessageText(detail, locale) : message(error.messageKey, locale, error.params),
            }),
          });
        }
        if ((index + 1) % PROGRESS_EVERY === 0)
          progress({ phase: 'writing', processed: index + 1, total: plan.rows.length });
      }
      progress({ phase: 'writing', processed: plan.rows.length, total: plan.rows.length });
    },
  };
}
