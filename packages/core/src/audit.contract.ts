/**
 * The audit trail's contracts: the entity types and actions the server records, the audit administrator's query
 * (GET /audit and the 'audit-log' export), a trail entry with its changed fields, a page of the trail, a project's
 * history, and the report of a hash-chain verification.
 */
import { z } from 'zod';
import { effectiveTimesSchema } from './app-time.ts';
import { regionCode } from './project.contract.ts';

/** The audit trail's entity types and actions (as recorded by the server). */
export const AUDIT_ENTITY_TYPES = [
  'project',
  'user',
  'organization',
  'session',
  'report',
  'period',
  'bulletin_template',
  // The warning preset active in a region, and the presets an administrator stored (issue #10).
  'warning_preset',
  // Service officers' visits, site inspections and a project's site video link (issue #10).
  'visit',
  'inspection',
  'video_link',
  'meeting',
  'notice_template',
  // A refused API request (entity id: method and route), a data transfer (entity id: what was exported/imported).
  'request',
  'transfer',
  // The dispatch loop (issue #10): a problem's every transition, and the calendar and deadline rule.
  'problem',
  'dispatch_config',
  // The lifecycle (issue #11): a template's versions as the city administrator saves them.
  'lifecycle_template',
  // Groundbreaking events (集中开工) and the three batches' rounds (三个一批) (issue #11).
  'groundbreaking_event',
  'batch_round',
  // A published ranking edition (issue #13).
  'ranking_edition',
  // Points entered for a district in a ranking period (上级通报批评).
  'ranking_adjustment',
  // The attraction pipeline's leads (issue #13): created, edited, moved and converted into a key project.
  'attraction_lead',
  // Funding events and the financing-needs list (issue #13): a need, a published edition, a bank's match.
  'funding_event',
  'financing_need',
  'financing_edition',
  'financing_match',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Every action the server records, in the order the audit log's filter lists them. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'create',
  'update',
  'delete',
  'role_change',
  'disable',
  'enable',
  'unlock',
  'password_reset',
  'submit',
  'withdraw',
  'approve',
  'return',
  'confirm',
  'correct',
  'login_locked',
  'login_throttled',
  'account_locked',
  'password_change',
  'password_change_failed',
  'session_evicted',
  'mfa_enrolled',
  'mfa_failed',
  'access_denied',
  'csrf_failed',
  'export',
  'import',
  'lock',
  'locked_write_refused',
  // The problem workflow's transitions (raising is 'create', a unit's return is 'return').
  'assign',
  'accept',
  'progress',
  'resolve',
  'verify',
  'reject',
  'reopen',
  'escalate',
  // The review desk (issue #12): reminders sent to owners that have not filed a period.
  'remind',
  // A lead converted into a key project (the project's own 'create' is recorded beside it).
  'convert',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** GET /audit and the 'audit-log' export: filters and keyset paging (`beforeId` = the last id of the previous page). */
export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true, error: 'date.invalid' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'date.invalid' }).optional(),
  actor: z.string().trim().max(40).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/, { error: 'audit.actionInvalid' })
    .optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  ip: z.string().trim().max(45).optional(),
  regionCode: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;
/** The query as a client sends it (limit optional, numbers may be text). */
export type AuditQueryJson = z.input<typeof auditQuery>;

/** One field an audited change touched, with its value before and after (null when absent). */
export const auditChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type AuditChange = z.output<typeof auditChange>;

/**
 * One audit row with the fields it changed. Entity type and action are kept as text: the trail also holds rows
 * written before a type or action was named here, and it must show them as they are.
 */
export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  effectiveAt: effectiveTimesSchema('at'),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorLabel: z.string().meta({ description: '操作人：用户姓名；系统操作为“系统（演示数据）”等（core actorLabel）' }),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  regionCode: z.string().nullable(),
  changes: z.array(auditChange),
});
export type AuditItem = z.output<typeof auditItem>;

/** A page of the trail; `nextBeforeId` continues it (null on the last page). */
export const auditPage = z.object({ items: z.array(auditItem), nextBeforeId: z.number().int().nullable() });
export type AuditPage = z.output<typeof auditPage>;

/** GET /projects/{id}/audit: a project's history, newest first. */
export const auditHistory = z.object({ items: z.array(auditItem) });
export type AuditHistory = z.output<typeof auditHistory>;

/** Why a verification of the hash chain failed at a row. */
export const AUDIT_CHAIN_BREAKS = ['changed', 'previous_missing_or_changed', 'head_mismatch'] as const;

/** The outcome of a verification of the audit trail's hash chain (CLI `verify-audit --json`, backup checks). */
export const auditChainReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('intact'), rows: z.number().int(), lastId: z.string().nullable() }),
  z.object({
    status: z.literal('broken'),
    rows: z.number().int(),
    /** The first row that fails, or null when the head names a row that is missing. */
    rowId: z.string().nullable(),
    reason: z.enum(AUDIT_CHAIN_BREAKS),
    detail: z.string(),
  }),
]);
export type AuditChainReport = z.output<typeof auditChainReport>;
