/**
 * The query snapshots' registry for the accounts' modules: the audit trail, sessions, the second factor and the
 * users (see registry.ts).
 */
import { auditQuery, userListQuery, type AuditQueryJson } from '@keyprojects/core';
import * as audit from '../../src/modules/audit/audit.repository.ts';
import type { AuditTrailFilters } from '../../src/modules/audit/audit.repository.ts';
import * as mfa from '../../src/modules/auth/mfa.repository.ts';
import * as session from '../../src/modules/auth/session.repository.ts';
import * as user from '../../src/modules/user/user.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, CITY, DISTRICT, IDS } from './examples.ts';
import { perScope, pure } from './registry.shared.ts';

const limits = { sessionMaxHours: 12, passwordMaxAgeDays: 90 };
/** The audit trail's filters of a query as the administrator sends it (its paging left out). */
function trailFilters(input: AuditQueryJson): AuditTrailFilters {
  const { limit: _limit, beforeId: _beforeId, ...filters } = auditQuery.parse(input);
  return filters;
}
const noFilters = trailFilters({});
const everyFilter = trailFilters({
  from: '2021-04-01T00:00:00+08:00',
  to: '2021-05-01T00:00:00+08:00',
  actor: 'example',
  action: 'update',
  entityType: 'project',
  ip: '127.0.0',
  regionCode: DISTRICT,
});

/** The registry entries of the audit, auth and user modules. */
export const AUTH_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/audit/audit.repository.ts',
    module: audit,
    examples: {
      recordAudit: [
        example(audit.recordAudit, ACTORS.city, {
          entityType: 'project',
          entityId: IDS.project,
          action: 'update',
          regionCode: DISTRICT,
          before: { name: '示例项目' },
          after: { name: '示例项目（二期）' },
        }),
      ],
      trailRows: [
        labelled('newest page, no filter', audit.trailRows, noFilters, { limit: 100, beforeId: null }),
        labelled('next page, every filter', audit.trailRows, everyFilter, { limit: 100, beforeId: 1000n }),
      ],
      projectVisible: perScope(audit.projectVisible, IDS.project),
      projectTrailRows: [example(audit.projectTrailRows, IDS.project)],
    },
  },
  {
    file: 'modules/auth/mfa.repository.ts',
    module: mfa,
    examples: {
      storePendingSeed: [example(mfa.storePendingSeed, IDS.cityAdmin, 'sealed-example-seed')],
      sealedSeed: [
        labelled('pending', mfa.sealedSeed, IDS.cityAdmin, 'pending'),
        labelled('confirmed', mfa.sealedSeed, IDS.cityAdmin, 'confirmed'),
      ],
      confirmPendingSeed: [example(mfa.confirmPendingSeed, IDS.cityAdmin, 54_000_000)],
      recordAcceptedStep: [example(mfa.recordAcceptedStep, IDS.cityAdmin, 54_000_001)],
      insertChallenge: [example(mfa.insertChallenge, 'example-challenge', IDS.cityAdmin, 5)],
      findChallenge: [example(mfa.findChallenge, 'example-challenge')],
      deleteChallenge: [example(mfa.deleteChallenge, 'example-challenge-id')],
    },
  },
  {
    file: 'modules/auth/session.repository.ts',
    module: session,
    examples: {
      hashToken: pure,
      createSession: [
        {
          ...example(session.createSession, {
            userId: IDS.cityAdmin,
            ttlMinutes: 30,
            ip: '127.0.0.1',
            userAgent: null,
          }),
          hideParams: true, // a random token
        },
      ],
      findSession: [example(session.findSession, 'example-token', limits)],
      touchSession: [example(session.touchSession, 'example-session', 30)],
      evictOldestSessions: [example(session.evictOldestSessions, IDS.cityAdmin, 3, limits)],
      deleteOtherSessions: [example(session.deleteOtherSessions, IDS.cityAdmin, 'example-session')],
      deleteUserSessions: [example(session.deleteUserSessions, IDS.cityAdmin)],
      deleteSession: [example(session.deleteSession, 'example-session')],
      purgeExpiredSessions: [example(session.purgeExpiredSessions)],
    },
  },
  {
    file: 'modules/user/user.repository.ts',
    module: user,
    examples: {
      declareActorRole: [example(user.declareActorRole, 'security_admin')],
      organizationRegion: [example(user.organizationRegion, IDS.owner)],
      usernameTaken: [example(user.usernameTaken, 'example-owner')],
      insertUser: [
        example(user.insertUser, {
          username: 'example-new',
          display_name: '示例账号',
          password_hash: 'example',
          role: 'district_staff',
          region_code: DISTRICT,
          organization_id: null,
        }),
      ],
      updateUser: [example(user.updateUser, IDS.ownerUser, { display_name: '示例账号（改）', version: 2 })],
      findEnabledUserByName: [example(user.findEnabledUserByName, 'example-owner')],
      passwordHashOf: [example(user.passwordHashOf, IDS.ownerUser)],
      setOwnPassword: [example(user.setOwnPassword, IDS.ownerUser, 'example-hash')],
      findNamedUser: [example(user.findNamedUser, IDS.ownerUser)],
      listAccounts: [
        labelled('whole city', user.listAccounts, null, userListQuery.parse({})),
        labelled('one district, every filter', user.listAccounts, DISTRICT, {
          ...userListQuery.parse({ q: 'example', role: 'owner', regionCode: DISTRICT, state: 'active' }),
        }),
      ],
      lockAccount: [example(user.lockAccount, CITY, IDS.ownerUser)],
      organizationsInside: [example(user.organizationsInside, DISTRICT, '示例')],
      listOfficers: perScope(user.listOfficers),
    },
  },
];
