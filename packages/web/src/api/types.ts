/**
 * Response shapes of the endpoints that have no zod contract in core yet (auth, codelists, regions, audit).
 * Projects, reports, organisations and officers use the core contract types directly.
 */
import type { Role, Session } from '@keyprojects/core';

/** The signed-in user and the session (core's auth contract). */
export type SessionUser = Session['user'];
export type SessionResponse = Session;

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export interface CodeItem {
  code: string;
  zh: string;
  en: string;
}

export interface Codelists {
  levels: CodeItem[];
  categories: CodeItem[];
  natures: CodeItem[];
  industries: CodeItem[];
  financingModels: CodeItem[];
  fundingSourceKinds: CodeItem[];
  roles: CodeItem[];
  organizationKinds: CodeItem[];
  stages: CodeItem[];
  planYears: number[];
}

export interface ScopeRegion {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
}

/**
 * A service officer of GET /users/officers. Kept until the auth helper's core `OfficerOutput` (admin.contract.ts)
 * is merged; then the officer picker uses that and this goes.
 */
export interface Officer {
  id: number;
  displayName: string;
  regionCode: string | null;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  actorUsername: string | null;
  ip: string | null;
  action: AuditAction;
  changes: AuditChange[];
}
