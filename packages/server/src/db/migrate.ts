/**
 * Runs the migrations in migrations/ (listed here so that the same code runs under tsx, vitest and any
 * bundler) with Kysely's migrator, which serialises concurrent runs with a database lock.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from '../../migrations/2026112701_foundation.ts';
import * as reporting from '../../migrations/2026112702_reporting.ts';
import * as oc4ids from '../../migrations/2026112703_oc4ids.ts';
import * as bulletins from '../../migrations/2026112705_bulletins.ts';
import * as projectListOrder from '../../migrations/2026112706_project_list_order.ts';
import * as authHardening from '../../migrations/2026120510_auth_hardening.ts';
import * as adminSeparation from '../../migrations/2026120511_admin_separation.ts';
import * as auditChain from '../../migrations/2026120512_audit_chain.ts';
import * as workflowIntegrity from '../../migrations/2026120513_workflow_integrity.ts';
import * as dropDeadUserColumns from '../../migrations/2026120601_drop_dead_user_columns.ts';
import * as dispatch from '../../migrations/2026120701_dispatch.ts';
import * as contact from '../../migrations/2026120702_contact.ts';
import * as noticeTemplates from '../../migrations/2026120703_notice_templates.ts';
import * as lifecycle from '../../migrations/2026120801_lifecycle.ts';
import * as lifecycleTemplates from '../../migrations/2026120802_lifecycle_templates.ts';
import * as officeLedgers from '../../migrations/2026120901_office_ledgers.ts';
import * as applicationDate from '../../migrations/2026120902_application_date.ts';
import * as reportReminders from '../../migrations/2026120904_report_reminders.ts';
import * as regionNames from '../../migrations/2026120906_region_names.ts';
import * as attractionLeads from '../../migrations/2026121001_attraction_leads.ts';
import * as rankingEditions from '../../migrations/2026121002_ranking_editions.ts';
import * as fundingFinancing from '../../migrations/2026121011_funding_financing.ts';
import * as importJobs from '../../migrations/2026121031_import_jobs.ts';
import * as dataVersion from '../../migrations/2026121032_data_version.ts';
import * as fundingCorrections from '../../migrations/2026121201_funding_corrections.ts';
import * as statsRollup from '../../migrations/2026121211_stats_rollup.ts';
import * as authVersion from '../../migrations/2026121221_auth_version.ts';
import * as yearProgressByYear from '../../migrations/2026121311_year_progress_by_year.ts';
import * as trigramLower from '../../migrations/2026121331_trigram_lower.ts';
import * as lifecycleSeedSet from '../../migrations/2026121332_lifecycle_seed_set.ts';
import * as rollupGrouped from '../../migrations/2026121401_rollup_grouped.ts';
import * as dateWindowIndexes from '../../migrations/2026121402_date_window_indexes.ts';
import type { DB } from './schema.ts';

/** Every migration by name, in order. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026112701_foundation': foundation,
  '2026112702_reporting': reporting,
  '2026112703_oc4ids': oc4ids,
  '2026112705_bulletins': bulletins,
  '2026112706_project_list_order': projectListOrder,
  '2026120510_auth_hardening': authHardening,
  '2026120511_admin_separation': adminSeparation,
  '2026120512_audit_chain': auditChain,
  '2026120513_workflow_integrity': workflowIntegrity,
  '2026120601_drop_dead_user_columns': dropDeadUserColumns,
  '2026120701_dispatch': dispatch,
  '2026120702_contact': contact,
  '2026120703_notice_templates': noticeTemplates,
  '2026120801_lifecycle': lifecycle,
  '2026120802_lifecycle_templates': lifecycleTemplates,
  '2026120901_office_ledgers': officeLedgers,
  '2026120902_application_date': applicationDate,
  '2026120904_report_reminders': reportReminders,
  '2026120906_region_names': regionNames,
  '2026121001_attraction_leads': attractionLeads,
  '2026121002_ranking_editions': rankingEditions,
  '2026121011_funding_financing': fundingFinancing,
  '2026121031_import_jobs': importJobs,
  '2026121032_data_version': dataVersion,
  '2026121201_funding_corrections': fundingCorrections,
  '2026121211_stats_rollup': statsRollup,
  '2026121221_auth_version': authVersion,
  '2026121311_year_progress_by_year': yearProgressByYear,
  '2026121331_trigram_lower': trigramLower,
  '2026121332_lifecycle_seed_set': lifecycleSeedSet,
  '2026121401_rollup_grouped': rollupGrouped,
  '2026121402_date_window_indexes': dateWindowIndexes,
};

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `migration ${failed} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      { cause: result.error },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
