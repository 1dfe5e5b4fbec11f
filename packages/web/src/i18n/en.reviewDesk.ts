/** The English messages of the review desk's batch decisions, filing progress panel and reminders. */
import type { zhReviewDesk } from './zh.reviewDesk.ts';

export const enReviewDesk: Record<keyof typeof zhReviewDesk, string> = {
  'desk.batch.selected': '{count} selected',
  'desk.batch.approve': 'Approve selected ({count})',
  'desk.batch.confirm': 'Confirm selected ({count})',
  'desk.batch.approveAll': 'Approve all matching ({count})',
  'desk.batch.confirmAll': 'Confirm all matching ({count})',
  'desk.batch.clear': 'Clear selection',
  'desk.batch.hint': 'Select submitted or district-approved reports to decide them together',
  'desk.batch.askTitle.approve': 'Approve {count} reports?',
  'desk.batch.askTitle.confirm': 'Confirm {count} reports?',
  'desk.batch.askBody':
    'Each report is checked (state, permission, region, version) and audited on its own; one that fails does not stop the others, and the result lists every report.',
  'desk.batch.ok': 'Go ahead',
  'desk.batch.resultTitle': 'Batch result',
  'desk.batch.summary': '{total} reports: {decided} decided, {refused} not decided',
  'desk.batch.refusedNote': 'Reports not decided keep their state (reasons below); the others were decided.',
  'desk.batch.outcome.decided': 'Decided',
  'desk.batch.outcome.refused': 'Not decided',
  'desk.batch.col.project': 'Project',
  'desk.batch.col.outcome': 'Result',
  'desk.batch.col.reason': 'Reason',
  'desk.batch.hidden': '(project #{id}, not visible to you)',
  'desk.progress.title': 'Filing progress by district',
  'desk.progress.deadline': 'Deadline {deadline}',
  'desk.progress.overdue': 'Deadline passed',
  'desk.progress.region': 'District',
  'desk.progress.total': 'Total',
  'desk.progress.expected': 'Expected',
  'desk.progress.filed': 'Filed',
  'desk.progress.approved': 'Approved',
  'desk.progress.confirmed': 'Confirmed',
  'desk.progress.missing': 'Missing',
  'desk.progress.late': 'Late',
  'desk.progress.bar': 'Filed {filed}/{expected}, approved {approved}, confirmed {confirmed}',
  'desk.remind.one': 'Remind',
  'desk.remind.all': 'Remind all',
  'desk.remind.ask':
    'Send a reminder to the owners that have not filed? Each owner is reminded at most once a day per period.',
  'desk.remind.done':
    'Reminded {sent} owners ({notices} notices); {skipped} already reminded today, {noAccount} without an account',
};
