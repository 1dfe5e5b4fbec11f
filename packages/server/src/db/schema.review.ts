/**
 * Kysely table types of the review desk (migration 2026120904_report_reminders): the reminders sent to owners that
 * have not filed a period. `DB` in schema.ts joins them.
 */
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateString = string;

export interface ReportReminderTable {
  owner_org_id: number;
  year: number;
  month: number;
  /** The application's date of the reminder: one per owner, period and day. */
  sent_on: DateString;
  sent_by: number | null;
  region_code: string | null;
  /** The owner's projects still unfiled when reminded. */
  projects: number;
  created_at: CreatedAt;
}

/** The review desk's tables, joined into `DB` by schema.ts. */
export interface ReviewDeskTables {
  report_reminders: ReportReminderTable;
}
