/**
 * The query snapshots' registry: for every `*.repository.ts`, a call of each exported function with example
 * arguments (once per kind of actor where scope decides the SQL), or the reason it runs no query. The snapshot
 * test fails when a repository or one of its exported functions is missing here. The entries live by module group
 * in registry.auth.ts, registry.project.ts and registry.stats.ts; they run in the order of their files' paths.
 */
import type { RepositoryEntry } from './capture.ts';
import { ATTRACTION_REGISTRY } from './registry.attraction.ts';
import { AUTH_REGISTRY } from './registry.auth.ts';
import { EVENT_REGISTRY } from './registry.event.ts';
import { SHARED_STATE_REGISTRY } from './registry.shared-state.ts';
import { FUNDING_REGISTRY } from './registry.funding.ts';
import { LIFECYCLE_REGISTRY } from './registry.lifecycle.ts';
import { MEETING_REGISTRY } from './registry.meeting.ts';
import { NOTIFICATION_REGISTRY } from './registry.notification.ts';
import { OC4IDS_REGISTRY } from './registry.oc4ids.ts';
import { PLAN_REGISTRY } from './registry.plan.ts';
import { PROBLEM_REGISTRY } from './registry.problem.ts';
import { PROJECT_REGISTRY } from './registry.project.ts';
import { RANKING_REGISTRY } from './registry.ranking.ts';
import { REVIEW_REGISTRY } from './registry.review.ts';
import { REPORT_HISTORY_REGISTRY } from './registry.report-history.ts';
import { SERVICE_REGISTRY } from './registry.service.ts';
import { SPI_REGISTRY } from './registry.spi.ts';
import { STATS_REGISTRY } from './registry.stats.ts';
import { WARNING_REGISTRY } from './registry.warning.ts';

/** Every repository's entry, by the path of its file. */
export const REGISTRY: readonly RepositoryEntry[] = [
  ...ATTRACTION_REGISTRY,
  ...AUTH_REGISTRY,
  ...EVENT_REGISTRY,
  ...SHARED_STATE_REGISTRY,
  ...FUNDING_REGISTRY,
  ...LIFECYCLE_REGISTRY,
  ...MEETING_REGISTRY,
  ...NOTIFICATION_REGISTRY,
  ...OC4IDS_REGISTRY,
  ...PLAN_REGISTRY,
  ...PROBLEM_REGISTRY,
  ...PROJECT_REGISTRY,
  ...RANKING_REGISTRY,
  ...REVIEW_REGISTRY,
  ...REPORT_HISTORY_REGISTRY,
  ...SERVICE_REGISTRY,
  ...SPI_REGISTRY,
  ...STATS_REGISTRY,
  ...WARNING_REGISTRY,
].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
