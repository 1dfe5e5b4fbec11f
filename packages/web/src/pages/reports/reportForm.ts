/** The report form's values, the body they become, who may edit a report, and API errors placed at fields. */
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REPORT_CORRECTION_ROLES, reportTransition, type ReportOutput, type Role } from '@keyprojects/core';
import type { ReportWriteBody } from '../../api/reports.ts';

export interface ReportFormValues {
  completedThisMonth: string;
  progressText: string;
  progressPercent: number | null;
  workers: number | null;
  machines: number | null;
  stage: string | undefined;
  started: boolean;
  startedOn: Dayjs | null;
  correctionReason: string;
}

/** How a user meets a report: filing it, correcting it (a locked period), or reading it. */
export type EditMode = 'file' | 'correct' | 'readOnly';

export function editMode(report: ReportOutput, role: Role | undefined, canWrite: boolean): EditMode {
  if (!role || !canWrite) return 'readOnly';
  if (report.periodLocked) return REPORT_CORRECTION_ROLES.includes(role) ? 'correct' : 'readOnly';
  const current = report.state === 'not_started' ? null : report.state;
  return reportTransition(current, 'save', role).ok ? 'file' : 'readOnly';
}

/**
 * The form's starting values: the report as filed, or for a report not yet filed the start and stage of the
 * previous month's report (a project that started stays started) with the amount left for the owner to type.
 */
export function toFormValues(report: ReportOutput, previous: ReportOutput | null): ReportFormValues {
  const fresh = report.state === 'not_started';
  const source = fresh && previous && previous.state !== 'not_started' ? previous : report;
  return {
    completedThisMonth: fresh ? '' : report.completedThisMonth,
    progressText: report.progressText ?? '',
    progressPercent: fresh ? (previous?.progressPercent ?? null) : report.progressPercent,
    workers: report.workers,
    machines: report.machines,
    stage: source.stage ?? undefined,
    started: source.started,
    startedOn: source.startedOn ? dayjs(source.startedOn) : null,
    correctionReason: '',
  };
}

/** The PUT body: submit or keep as a draft; a correction carries its reason. */
export function toBody(values: ReportFormValues, submit: boolean, mode: EditMode): ReportWriteBody {
  const text = values.progressText.trim();
  const body: ReportWriteBody = {
    completedThisMonth: values.completedThisMonth.trim(),
    progressText: text || null,
    progressPercent: values.progressPercent,
    workers: values.workers,
    machines: values.machines,
    stage: values.stage ?? null,
    started: values.started,
    startedOn: values.started && values.startedOn ? values.startedOn.format('YYYY-MM-DD') : null,
    submit,
  };
  if (mode === 'correct') body.correctionReason = values.correctionReason.trim();
  return body;
}

const FIELDS = new Set<string>([
  'completedThisMonth',
  'progressText',
  'progressPercent',
  'workers',
  'machines',
  'stage',
  'started',
  'startedOn',
  'correctionReason',
]);

/** Shows each message at its field and scrolls to the first; returns the messages that belong to no field. */
export function applyReportErrors(form: FormInstance<ReportFormValues>, fields: Record<string, string>): string[] {
  const placed: { name: keyof ReportFormValues; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fields)) {
    const name = path.split('.')[0] ?? '';
    if (FIELDS.has(name)) placed.push({ name: name as keyof ReportFormValues, errors: [text] });
    else unplaced.push(text);
  }
  form.setFields(placed);
  const first = placed[0];
  if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  return unplaced;
}
